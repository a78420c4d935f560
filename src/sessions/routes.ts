import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { BearerAuth, emptyBodyAsObject, responses } from '../http/schemas.ts';
import type { UserRepository } from '../users/repository.ts';
import { localeOfTag } from '../templates/locale.ts';
import { userView } from '../users/schemas.ts';
import { LoggedOut, Me, MeUpdate, RefreshBody, TokenPairView } from './schemas.ts';
import type { SessionCookie } from './cookie.ts';
import type { SessionService } from './service.ts';
import type { TelegramAccounts } from '../telegram/accounts.ts';
import { telegramIdentityView } from '../telegram/identity-view.ts';

/** What refresh and logout answer besides success; ORIGIN_NOT_ALLOWED only for a cookie request. */
const TOKEN_ERRORS = [...BODY_ERRORS, 'UNAUTHORIZED', 'ORIGIN_NOT_ALLOWED', 'DATABASE_UNAVAILABLE'] as const;

export const sessionRoutes: FastifyPluginAsyncTypebox<{
  sessions: SessionService;
  users: UserRepository;
  cookie: SessionCookie;
  telegram: Pick<TelegramAccounts, 'identityOf'>;
  now: () => number;
}> = async (app, { sessions, users, cookie, telegram, now }) => {
  const linkedTelegram = async (userId: string) => {
    const row = await telegram.identityOf(userId);
    return row ? telegramIdentityView(row) : null;
  };
  /** The body's refresh token, else the session cookie's (see SessionCookie.read). */
  const refreshTokenOf = (body: Static<typeof RefreshBody>, request: FastifyRequest) => {
    if (body.refresh_token !== undefined) return { token: body.refresh_token, fromCookie: false };
    const token = cookie.read(request);
    if (token !== undefined) return { token, fromCookie: true };
    // Without the cookie the field is required, as it always was; with it, a browser whose cookie is gone
    // (expired, cleared) is simply not signed in.
    if (!cookie.enabled) throw new AppError('VALIDATION_ERROR', 'refresh_token is required');
    throw new AppError('UNAUTHORIZED', 'No refresh token: neither the body nor the session cookie has one');
  };

  app.post(
    '/refresh',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['sessions'],
        summary: 'Exchange a refresh token for a new pair',
        description:
          'The token comes from the body, else (SESSION_COOKIE) from the otpgate_refresh cookie, which then needs ' +
          'an Origin of CORS_ORIGINS or the service itself (403 ORIGIN_NOT_ALLOWED). From an allowed Origin the ' +
          'new refresh token is set as the cookie and left out of the body.',
        body: RefreshBody,
        response: responses(200, TokenPairView, TOKEN_ERRORS),
      },
    },
    async (request, reply) => {
      const pair = await sessions.refresh(refreshTokenOf(request.body, request).token, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      const inCookie = cookie.issue(request, reply, pair.refreshToken);
      return {
        success: true as const,
        message: 'Tokens refreshed',
        access_token: pair.accessToken,
        ...(inCookie ? {} : { refresh_token: pair.refreshToken }),
        token_type: 'Bearer' as const,
        expires_in: pair.expiresIn,
      };
    },
  );

  app.post(
    '/logout',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['sessions'],
        summary: 'End the session the refresh token belongs to',
        description:
          'The token comes from the body, else (SESSION_COOKIE) from the otpgate_refresh cookie, which then needs ' +
          'an Origin of CORS_ORIGINS or the service itself (403 ORIGIN_NOT_ALLOWED); then the cookie is cleared.',
        body: RefreshBody,
        response: responses(200, LoggedOut, TOKEN_ERRORS),
      },
    },
    async (request, reply) => {
      const { token, fromCookie } = refreshTokenOf(request.body, request);
      await sessions.logout(token);
      // A token from the body may be another session's: the cookie's session goes on, and so does the cookie.
      if (fromCookie) cookie.clear(request, reply);
      return { success: true as const, message: 'Signed out' };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['sessions'],
        summary: 'The signed-in user',
        security: BearerAuth,
        response: responses(200, Me, ['UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const [user, telegram] = await Promise.all([users.findById(userId), linkedTelegram(userId)]);
      if (!user) throw new AppError('UNAUTHORIZED');
      return { success: true as const, user: { ...userView(user), telegram } };
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['sessions'],
        summary: "Store the signed-in user's preferences: the locale of the SMS they are sent",
        security: BearerAuth,
        body: MeUpdate,
        response: responses(200, Me, [...BODY_ERRORS, 'UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const { locale } = request.body;
      const user = await users.setLocale(userId, locale === null ? null : localeOfTag(locale), now());
      if (!user) throw new AppError('UNAUTHORIZED');
      return { success: true as const, user: { ...userView(user), telegram: await linkedTelegram(userId) } };
    },
  );
};
