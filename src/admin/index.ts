import type { FastifyPluginAsync } from 'fastify';
import { apiKeyRoutes } from '../api-keys/routes.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import { createAdminAuth } from './auth.ts';

/**
 * The server-to-server admin API, registered at /api/v1/admin. Every route in it needs a valid API key
 * (checked once per request, before the body is read); each route adds `preHandler: requireScope(...)` for
 * the scope it needs. Admin routes of other domains register here and receive `requireScope`.
 */
export const adminRoutes: FastifyPluginAsync<{ apiKeys: ApiKeyService }> = async (app, { apiKeys }) => {
  const { authenticate, requireScope } = createAdminAuth(apiKeys);
  app.addHook('onRequest', authenticate);
  await app.register(apiKeyRoutes, { apiKeys, requireScope });
};
