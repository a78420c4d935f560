import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { ApiKey } from '../api-keys/repository.ts';
import type { ApiKeyScope } from '../api-keys/scopes.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';

/** The OpenAPI security requirement of every admin route (the scheme is declared in http/openapi.ts). */
export const AdminKeyAuth = [{ adminKey: [] }];

/** What the key check answers on every admin route (it reads the key from the database). */
export const ADMIN_KEY_ERRORS: readonly ErrorCode[] = ['UNAUTHORIZED', 'DATABASE_UNAVAILABLE'];

/** ADMIN_KEY_ERRORS, and FORBIDDEN for a key without the scope: every route with a `requireScope`. */
export const ADMIN_SCOPE_ERRORS: readonly ErrorCode[] = [...ADMIN_KEY_ERRORS, 'FORBIDDEN'];

/** Makes a route's preHandler that lets through only keys holding `scope` (or one of several). */
export type RequireScope = (scope: ApiKeyScope | readonly ApiKeyScope[]) => preHandlerAsyncHookHandler;

const authenticated = new WeakMap<FastifyRequest, ApiKey>();

/** The key an admin request was authenticated with; UNAUTHORIZED if it went through no admin check. */
export function requestKey(request: FastifyRequest): ApiKey {
  const key = authenticated.get(request);
  if (!key) throw new AppError('UNAUTHORIZED');
  return key;
}

/**
 * Admin API authentication. `authenticate` runs on every request to the admin plugin, so a route that
 * forgets its scope still needs a valid key (it fails closed); `requireScope(scope)` is each route's
 * preHandler. A missing, unknown or revoked key, or anything that is not a key (a user's JWT), is 401
 * UNAUTHORIZED; a valid key without the scope is 403 FORBIDDEN.
 */
export function createAdminAuth(apiKeys: ApiKeyService): {
  authenticate: onRequestAsyncHookHandler;
  requireScope: RequireScope;
} {
  async function identify(request: FastifyRequest): Promise<ApiKey> {
    const known = authenticated.get(request);
    if (known) return known;
    const key = await apiKeys.authenticate(request.headers.authorization);
    if (!key) throw new AppError('UNAUTHORIZED', 'A valid admin API key is required');
    authenticated.set(request, key);
    return key;
  }

  return {
    async authenticate(request) {
      await identify(request);
    },
    requireScope: (scope) => {
      const any: readonly ApiKeyScope[] = typeof scope === 'string' ? [scope] : scope;
      const named = any.join(' or ');
      return async function requireScope(request) {
        const key = await identify(request);
        if (any.some((one) => key.scopes.includes(one))) return;
        request.log.warn({ apiKey: key.prefix, scope: named }, 'admin API key lacks the scope');
        throw new AppError('FORBIDDEN', `This API key does not have the ${named} scope`);
      };
    },
  };
}
