import { Type } from '@sinclair/typebox';
import { LANGUAGE_TAG } from '../templates/locale.ts';
import { UserView } from '../users/schemas.ts';

export const RefreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const TokenPairView = Type.Object({
  success: Type.Literal(true),
  message: Type.String(),
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});

export const LoggedOut = Type.Object({ success: Type.Literal(true), message: Type.String() });

export const Me = Type.Object({ success: Type.Literal(true), user: UserView });

export const MeUpdate = Type.Object(
  {
    locale: Type.Union([Type.String({ pattern: LANGUAGE_TAG, maxLength: 35 }), Type.Null()], {
      description:
        'the language for SMS when a request has no Accept-Language header: a language tag as browsers send ' +
        'it (fa, en-US, fa-IR; fa_IR also works); its language is stored (en-US → en); null clears it',
    }),
  },
  { additionalProperties: false },
);
