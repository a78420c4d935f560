import { Type } from '@sinclair/typebox';
import { Code, PhoneNumber } from '../http/schemas.ts';
import { SetsSessionCookie } from '../sessions/schemas.ts';
import { SignedInTokens } from '../sessions/signed-in.ts';
import { UserView } from '../users/schemas.ts';

export const CodeRequestBody = Type.Object({ phone_number: PhoneNumber }, { additionalProperties: false });

export const CodeVerifyBody = Type.Object({ phone_number: PhoneNumber, code: Code }, { additionalProperties: false });

export const CodeSent = Type.Object({
  success: Type.Literal(true),
  message: Type.String(),
  expires_in: Type.Integer({ description: 'seconds until the code expires' }),
  resend_in: Type.Integer({ description: 'seconds until another code may be requested' }),
});

export const SignedIn = Type.Object(
  {
    ...SignedInTokens,
    user: Type.Object({ id: Type.String(), phone_number: Type.String(), is_new: Type.Boolean() }),
  },
  { headers: SetsSessionCookie },
);

export const PhoneChanged = Type.Object({ success: Type.Literal(true), message: Type.String(), user: UserView });
