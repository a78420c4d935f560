import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { BearerAuth, responses } from '../http/schemas.ts';
import type { UserRepository } from '../users/repository.ts';
import { localeOfTag } from '../templates/locale.ts';
import { userView } from '../users/schemas.ts';
import { LoggedOut, Me, MeUpdate, RefreshBody, TokenPairView } from './schemas.ts';
import type { SessionService } from './service.ts';

export const sessionRoutes: FastifyPluginAsyncTypebox<{
  sessions: SessionService;
  users: UserRepository;
  now: () => number;
}> = async (app, { sessions, users, now }) => {
  app.post(
    '/refresh',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Exchange a refresh token for a new pair',
        body: RefreshBody,
        response: responses(200, TokenPairView, [...BODY_ERRORS, 'UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const pair = await sessions.refresh(request.body.refresh_token, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return {
        success: true as const,
        message: 'Tokens refreshed',
        access_token: pair.accessToken,
        refresh_token: pair.refreshToken,
        token_type: 'Bearer' as const,
        expires_in: pair.expiresIn,
      };
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['sessions'],
        summary: 'End the session the refresh token belongs to',
        body: RefreshBody,
        response: responses(200, LoggedOut, [...BODY_ERRORS, 'UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      await sessions.logout(request.body.refresh_token);
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
      const user = await users.findById(userId);
      if (!user) throw new AppError('UNAUTHORIZED');
      return { success: true as const, user: userView(user) };
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
      return { success: true as const, user: userView(user) };
    },
  );
};
