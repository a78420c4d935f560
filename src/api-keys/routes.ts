import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_KEY_ERRORS, ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestKey, type RequireScope } from '../admin/auth.ts';
import { responses } from '../http/schemas.ts';
import { KeyList, WhoAmI, keyIdentity, keyView } from './schemas.ts';
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
        security: AdminKeyAuth,
        response: responses(200, WhoAmI, ADMIN_KEY_ERRORS),
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
};
