import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { AcceptLanguage, BearerAuth, responses } from '../http/schemas.ts';
import { signedInTokens } from '../sessions/signed-in.ts';
import type { SessionCookie } from '../sessions/cookie.ts';
import type { SessionService } from '../sessions/service.ts';
import { userView } from '../users/schemas.ts';
import type { PhoneFlows } from './phone-flows.ts';
import { CodeRequestBody, CodeSent, CodeVerifyBody, LoginCodeRequestBody, PhoneChanged, SignedIn } from './schemas.ts';

const codeSent = (r: { expiresIn: number; resendIn: number; channel?: 'sms' | 'telegram' }) => ({
  success: true as const,
  message: 'OTP code sent',
  expires_in: r.expiresIn,
  resend_in: r.resendIn,
  ...(r.channel ? { channel: r.channel } : {}),
});

/** What checking a typed code can answer (OtpService.verify); VALIDATION_ERROR is a code that is not digits. */
export const VERIFY_ERRORS = [
  'VALIDATION_ERROR',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_ATTEMPTS_EXCEEDED',
  'RATE_LIMITED',
] as const;

export const otpRoutes: FastifyPluginAsyncTypebox<{
  flows: PhoneFlows;
  sessions: SessionService;
  cookie: SessionCookie;
}> = async (app, { flows, sessions, cookie }) => {
  app.post(
    '/phone/login/request',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Send a sign-in code by SMS or Telegram',
        description:
          "The message's language: the best of Accept-Language that has a template; without that header, the " +
          "user's stored locale (PATCH /api/v1/auth/me); otherwise Persian. With `channel` telegram or auto and " +
          'the bot configured, the code goes as a bot message to the Telegram account linked to the number, when ' +
          'the bot can reach it, and by SMS otherwise or when the bot cannot deliver within TELEGRAM_CODE_TIMEOUT_MS. ' +
          'The answer is the same either way unless TELEGRAM_CODE_CHANNEL_DISCLOSE=true.',
        headers: AcceptLanguage,
        body: LoginCodeRequestBody,
        response: responses(200, CodeSent, [
          ...BODY_ERRORS,
          'INVALID_PHONE',
          'RATE_LIMITED',
          'SMS_FAILED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request) =>
      codeSent(
        await flows.requestLogin(
          request.body.phone_number,
          request.ip,
          request.headers['accept-language'],
          request.body.channel,
        ),
      ),
  );

  app.post(
    '/phone/login/verify',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with the code',
        description:
          'With SESSION_COOKIE and an Origin of CORS_ORIGINS or the service itself, the refresh token is set as the ' +
          'HttpOnly otpgate_refresh cookie and left out of the body.',
        body: CodeVerifyBody,
        response: responses(200, SignedIn, [
          ...BODY_ERRORS,
          'INVALID_PHONE',
          ...VERIFY_ERRORS,
          'USER_BLOCKED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request, reply) => {
      const { user, isNew, tokens } = await flows.verifyLogin(request.body.phone_number, request.body.code, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return {
        ...signedInTokens(cookie, request, reply, tokens),
        // A sign-in by code is a sign-in with a number.
        user: { id: user.id, phone_number: user.phone_number!, is_new: isNew },
      };
    },
  );

  app.post(
    '/phone/change/request',
    {
      schema: {
        tags: ['phone change'],
        summary: 'Send a code to the new number',
        description:
          'Needs a session signed in (with a code) less than PHONE_CHANGE_MAX_AUTH_AGE_SECONDS ago; otherwise ' +
          "401 REAUTH_REQUIRED. The message's language: the best of Accept-Language that has a template, else the " +
          "user's stored locale.",
        security: BearerAuth,
        headers: AcceptLanguage,
        body: CodeRequestBody,
        response: responses(200, CodeSent, [
          ...BODY_ERRORS,
          'UNAUTHORIZED',
          'REAUTH_REQUIRED',
          'USER_BLOCKED',
          'INVALID_PHONE',
          'RATE_LIMITED',
          'SMS_FAILED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request) => {
      const session = await sessions.authenticate(request.headers.authorization);
      const { phone_number: phone } = request.body;
      return codeSent(await flows.requestChange(session, phone, request.ip, request.headers['accept-language']));
    },
  );

  app.post(
    '/phone/change/confirm',
    {
      schema: {
        tags: ['phone change'],
        summary: 'Move the account to the new number',
        description:
          'Needs a session signed in (with a code) less than PHONE_CHANGE_MAX_AUTH_AGE_SECONDS ago; otherwise ' +
          '401 REAUTH_REQUIRED. Ends every other session of the account and sends the old number a notice.',
        security: BearerAuth,
        body: CodeVerifyBody,
        response: responses(200, PhoneChanged, [
          ...BODY_ERRORS,
          'UNAUTHORIZED',
          'REAUTH_REQUIRED',
          'INVALID_PHONE',
          ...VERIFY_ERRORS,
          'PHONE_IN_USE',
          'USER_BLOCKED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request) => {
      const session = await sessions.authenticate(request.headers.authorization);
      const user = await flows.confirmChange(session, request.body.phone_number, request.body.code, request.ip);
      return { success: true as const, message: 'Phone number changed', user: userView(user) };
    },
  );
};
