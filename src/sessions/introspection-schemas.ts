import { Type } from '@sinclair/typebox';

export const IntrospectBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 4096, description: 'the access token to check' }),
    token_type_hint: Type.Optional(
      Type.String({ maxLength: 64, description: 'RFC 7662 2.1; read as a hint only (`access_token`)' }),
    ),
  },
  { additionalProperties: false },
);

export const Introspection = Type.Object(
  {
    success: Type.Literal(true),
    active: Type.Boolean({
      description: 'true only for a genuine, unexpired token whose session is live; every other field only then',
    }),
    sub: Type.Optional(Type.String({ description: 'the user id' })),
    sid: Type.Optional(Type.String({ description: 'the session' })),
    phone_number: Type.Optional(
      Type.String({ description: 'E.164, as at the time the token was issued; absent for a user without a number' }),
    ),
    amr: Type.Optional(
      Type.Array(Type.String(), { description: 'how the session signed in: ["sms"] or ["telegram"]' }),
    ),
    phone_number_verified: Type.Optional(Type.Boolean()),
    external_id: Type.Optional(Type.String({ description: "the shop's own id for the user, when set" })),
    auth_time: Type.Optional(Type.Integer({ description: 'when the session signed in (seconds)' })),
    exp: Type.Optional(Type.Integer()),
    iat: Type.Optional(Type.Integer()),
    iss: Type.Optional(Type.String()),
    aud: Type.Optional(Type.String()),
    jti: Type.Optional(Type.String()),
    token_type: Type.Optional(Type.Literal('Bearer')),
  },
  { description: "RFC 7662 2.2, with the service's `success` field" },
);
