import { Type } from '@sinclair/typebox';
import { SetsSessionCookie } from '../sessions/schemas.ts';
import { SignedInTokens } from '../sessions/signed-in.ts';
import { TelegramIdentity } from './identity-view.ts';

/**
 * What the login widget gives, as its JSON callback or its redirect's query has it. Every field is taken,
 * not a known list: Telegram signs the fields it sends, new ones included, and a list would refuse them.
 */
export const WidgetLoginBody = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([Type.String({ maxLength: 2048 }), Type.Integer()]),
  {
    maxProperties: 32,
    description:
      'the fields of the widget (id, first_name, last_name, username, photo_url, auth_date, hash, ...), as given',
  },
);

export const WebAppLoginBody = Type.Object(
  {
    init_data: Type.String({
      minLength: 1,
      maxLength: 8192,
      description: 'Telegram.WebApp.initData, unchanged (or send it as Authorization: tma <initData>)',
    }),
  },
  { additionalProperties: false },
);

export const TelegramSignedIn = Type.Object(
  {
    ...SignedInTokens,
    user: Type.Object({
      id: Type.String(),
      phone_number: Type.Union([Type.String(), Type.Null()], {
        description: 'E.164; null until the user adds a number (the widget and Mini Apps give none)',
      }),
      is_new: Type.Boolean(),
    }),
    telegram: TelegramIdentity,
  },
  { headers: SetsSessionCookie },
);

export const TelegramLinked = Type.Object({ success: Type.Literal(true), telegram: TelegramIdentity });
