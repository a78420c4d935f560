import { TelegramIdentity } from '../telegram/identity-view.ts';
import { Type } from '@sinclair/typebox';
import { LANGUAGE_TAG } from '../templates/locale.ts';
import { UserView } from '../users/schemas.ts';

export const RefreshBody = Type.Object(
  {
    refresh_token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'required, unless SESSION_COOKIE is on and the otpgate_refresh cookie carries the token',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The refresh token in an answer: left out when it went into the session cookie instead. */
export const RefreshTokenField = Type.Optional(
  Type.String({
    description:
      'absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in ' +
      'the HttpOnly otpgate_refresh cookie',
  }),
);

/** The header of answers that set or clear the session cookie (SESSION_COOKIE). */
export const SetsSessionCookie = {
  'Set-Cookie': Type.String({
    description: 'with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure)',
  }),
};

export const TokenPairView = Type.Object(
  {
    success: Type.Literal(true),
    message: Type.String(),
    access_token: Type.String(),
    refresh_token: RefreshTokenField,
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
  },
  { headers: SetsSessionCookie },
);

export const LoggedOut = Type.Object(
  { success: Type.Literal(true), message: Type.String() },
  { headers: SetsSessionCookie },
);

export const Me = Type.Object({
  success: Type.Literal(true),
  user: Type.Composite([
    UserView,
    Type.Object({
      telegram: Type.Union([TelegramIdentity, Type.Null()], { description: 'the linked Telegram account, if any' }),
    }),
  ]),
});

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

export const SessionView = Type.Object({
  id: Type.String({ description: 'the session id (the `sid` of its access tokens)' }),
  device: Type.Object({
    browser: Type.Union([Type.String(), Type.Null()]),
    os: Type.Union([Type.String(), Type.Null()]),
  }),
  ip: Type.Union([Type.String(), Type.Null()], { description: 'the address of its latest sign-in or refresh' }),
  created_at: Type.String({ format: 'date-time', description: 'when it signed in' }),
  method: Type.Union([Type.Literal('sms'), Type.Literal('telegram')], { description: 'how it signed in' }),
  last_used_at: Type.String({ format: 'date-time', description: 'its latest sign-in or refresh' }),
  current: Type.Boolean({ description: 'true for the session of the access token that asked' }),
});

export const SessionList = Type.Object({ success: Type.Literal(true), sessions: Type.Array(SessionView) });

export const SessionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const LogoutAllBody = Type.Object(
  {
    include_current: Type.Optional(
      Type.Boolean({ default: false, description: "also end the caller's own session (default: keep it)" }),
    ),
  },
  { additionalProperties: false },
);
