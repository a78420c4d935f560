import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ADMIN_KEY_ERRORS,
  ADMIN_SCOPE_ERRORS,
  AdminKeyAuth,
  requestActor,
  requestKey,
  type RequireScope,
} from '../admin/auth.ts';
import { keyActor } from '../audit/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { KeyList, KeyParams, KeyRevoked, QueuedCancelled, WhoAmI, keyIdentity, keyView } from './schemas.ts';
import type { ApiKeyService } from './service.ts';

/** Admin routes about keys themselves; mounted under /api/v1/admin, behind its key check. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeyService; requireScope: RequireScope }> = async (
  app,
  { apiKeys, requireScope },
) => {
  app.get(
    '/keys/whoami',
    {
      schema: {
        tags: ['admin'],
        summary: 'The API key this request carries (any valid key)',
        description: "403 FORBIDDEN with a staff member's token: it names an API key (staff have /api/v1/staff/me).",
        security: AdminKeyAuth,
        response: responses(200, WhoAmI, [...ADMIN_KEY_ERRORS, 'FORBIDDEN']),
      },
    },
    async (request) => ({ success: true as const, key: keyIdentity(requestKey(request)) }),
  );

  app.get(
    '/keys',
    {
      preHandler: requireScope('keys:read'),
      schema: {
        tags: ['admin'],
        summary: 'Every API key, revoked ones included (never the keys themselves); scope keys:read',
        security: AdminKeyAuth,
        response: responses(200, KeyList, ADMIN_SCOPE_ERRORS),
      },
    },
    async () => ({ success: true as const, keys: (await apiKeys.list()).map(keyView) }),
  );

  app.post(
    '/keys/:id/revoke',
    {
      preHandler: requireScope('keys:write'),
      schema: {
        tags: ['admin'],
        summary: 'Revokes an API key at once and cancels every message it queued; scope keys:write',
        description:
          'A message a worker is sending at that moment goes out (or fails); it is never sent after the ' +
          'revocation otherwise. Revoking a revoked key answers 200 with cancelled 0.',
        security: AdminKeyAuth,
        params: KeyParams,
        response: responses(200, KeyRevoked, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'NOT_FOUND']),
      },
    },
    async (request) => {
      const result = await apiKeys.revoke(request.params.id, requestActor(request), true);
      if (result.outcome === 'not_found' || result.outcome === 'ambiguous') {
        throw new AppError('NOT_FOUND', 'No API key with this id');
      }
      const cancelled = result.outcome === 'revoked' ? result.cancelled : 0;
      return { success: true as const, key: keyView(result.key), cancelled };
    },
  );

  app.post(
    '/keys/:id/cancel-queued',
    {
      preHandler: requireScope(['sms:send', 'keys:write']),
      schema: {
        tags: ['admin'],
        summary: "Cancels every queued message of an API key; scope sms:send for the key's own, keys:write for any",
        description: 'Messages a worker is sending at that moment go out (or fail) as they would have.',
        security: AdminKeyAuth,
        params: KeyParams,
        response: responses(200, QueuedCancelled, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'NOT_FOUND']),
      },
    },
    async (request) => {
      const key = requestKey(request);
      if (request.params.id !== key.id && !key.scopes.includes('keys:write')) {
        throw new AppError('FORBIDDEN', "Cancelling another API key's messages needs keys:write");
      }
      const cancelled = await apiKeys.cancelQueued(request.params.id, keyActor(key));
      if (cancelled === null) throw new AppError('NOT_FOUND', 'No API key with this id');
      return { success: true as const, cancelled };
    },
  );
};
