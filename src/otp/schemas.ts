import { Type } from '@sinclair/typebox';
import { Code, PhoneNumber } from '../http/schemas.ts';
import { SetsSessionCookie } from '../sessions/schemas.ts';
import { SignedInTokens } from '../sessions/signed-in.ts';
import { UserView } from '../users/schemas.ts';

export const CodeRequestBody = Type.Object({ phone_number: PhoneNumber }, { additionalProperties: false });

export const LoginCodeRequestBody = Type.Object(
  {
    phone_number: PhoneNumber,
    channel: Type.Optional(
      Type.Union([Type.Literal('sms'), Type.Literal('telegram'), Type.Literal('auto')], {
        description:
          'sms (the default), or telegram / auto (the same): by the bot to the Telegram account linked to the ' +
          "number's account when it can reach it, else by SMS. Without the bot configured, always SMS.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const CodeVerifyBody = Type.Object({ phone_number: PhoneNumber, code: Code }, { additionalProperties: false });

export const CodeSent = Type.Object({
  success: Type.Literal(true),
  message: Type.String(),
  expires_in: Type.Integer({ description: 'seconds until the code expires' }),
  resend_in: Type.Integer({ description: 'seconds until another code may be requested' }),
  channel: Type.Optional(
    Type.Union([Type.Literal('sms'), Type.Literal('telegram')], {
      description: 'which way the code went; only with TELEGRAM_CODE_CHANNEL_DISCLOSE=true',
    }),
  ),
});

export const SignedIn = Type.Object(
  {
    ...SignedInTokens,
    user: Type.Object({ id: Type.String(), phone_number: Type.String(), is_new: Type.Boolean() }),
  },
  { headers: SetsSessionCookie },
);

export const PhoneChanged = Type.Object({ success: Type.Literal(true), message: Type.String(), user: UserView });
