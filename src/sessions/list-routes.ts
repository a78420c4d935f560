import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { BearerAuth, emptyBodyAsObject, responses } from '../http/schemas.ts';
import type { SessionCookie } from './cookie.ts';
import { deviceOf } from './device.ts';
import { LoggedOut, LogoutAllBody, SessionList, SessionParams } from './schemas.ts';
import type { SessionService } from './service.ts';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * A signed-in user's own sessions: list them, end one, end all others. Each asks for the Bearer access token
 * (never the cookie), so a page on another site cannot make a browser call them. An ended session's access
 * tokens stop working at once, since every use of one checks its session (SessionService.authenticate).
 */
export const sessionListRoutes: FastifyPluginAsyncTypebox<{ sessions: SessionService; cookie: SessionCookie }> = async (
  app,
  { sessions, cookie },
) => {
  app.get(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: "The signed-in user's open sessions, latest used first",
        security: BearerAuth,
        response: responses(200, SessionList, ['UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const session = await sessions.authenticate(request.headers.authorization);
      const list = await sessions.list(session);
      return {
        success: true as const,
        sessions: list.map((open) => ({
          id: open.familyId,
          device: deviceOf(open.userAgent),
          ip: open.ip,
          created_at: iso(open.authTime),
          method: open.method,
          last_used_at: iso(open.lastUsedAt),
          current: open.current,
        })),
      };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'End one of the signed-in user’s sessions',
        description: "404 NOT_FOUND for an id that is not one of the user's open sessions, another user's included.",
        security: BearerAuth,
        params: SessionParams,
        response: responses(200, LoggedOut, ['VALIDATION_ERROR', 'UNAUTHORIZED', 'NOT_FOUND', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request, reply) => {
      const session = await sessions.authenticate(request.headers.authorization);
      await sessions.end(session, request.params.id);
      if (request.params.id === session.sessionId) cookie.clear(request, reply);
      return { success: true as const, message: 'Session ended' };
    },
  );

  app.post(
    '/logout-all',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['sessions'],
        summary: 'End every other session of the signed-in user',
        description:
          'Keeps the session that asks unless `include_current` is true. A refresh of another session in flight ' +
          'at the same moment cannot leave it open.',
        security: BearerAuth,
        body: LogoutAllBody,
        response: responses(200, LoggedOut, [...BODY_ERRORS, 'UNAUTHORIZED', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request, reply) => {
      const session = await sessions.authenticate(request.headers.authorization);
      const includeCurrent = request.body.include_current === true;
      await sessions.endAll(session, includeCurrent);
      if (includeCurrent) cookie.clear(request, reply);
      return { success: true as const, message: includeCurrent ? 'Signed out everywhere' : 'Other sessions ended' };
    },
  );
};
