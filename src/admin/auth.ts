import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { ApiKey } from '../api-keys/repository.ts';
import { keyFromAuthorization } from '../api-keys/key.ts';
import { keyActor, staffActor, type Actor } from '../audit/actor.ts';
import type { StaffAccess } from '../staff/service.ts';
import type { ApiKeyScope } from '../api-keys/scopes.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';

/** The OpenAPI security requirement of every admin route (the schemes are declared in http/openapi.ts). */
export const AdminKeyAuth: Array<Record<string, string[]>> = [{ adminKey: [] }, { staffToken: [] }];

/**
 * What the credential check answers on every admin route (it reads the key, or the session and the staff row,
 * from the database): 401 for no valid credential, 403 STAFF_ONLY or USER_BLOCKED for a user's valid token
 * that is not a staff member's, or a blocked one's.
 */
export const ADMIN_KEY_ERRORS: readonly ErrorCode[] = [
  'UNAUTHORIZED',
  'STAFF_ONLY',
  'USER_BLOCKED',
  'DATABASE_UNAVAILABLE',
];

/** ADMIN_KEY_ERRORS, and FORBIDDEN for a key or a staff role without the scope: every route with a `requireScope`. */
export const ADMIN_SCOPE_ERRORS: readonly ErrorCode[] = [...ADMIN_KEY_ERRORS, 'FORBIDDEN'];

/** Makes a route's preHandler that lets through only callers holding `scope` (or one of several). */
export type RequireScope = (scope: ApiKeyScope | readonly ApiKeyScope[]) => preHandlerAsyncHookHandler;

/**
 * Who an admin request acts as: an API key (a shop's backend), or a staff member signed in to the console
 * with their own access token, holding their role's scopes. One check of scopes serves both, so the
 * console reaches the data through the same routes and services as the API.
 */
export type AdminCaller =
  | { readonly kind: 'key'; readonly key: ApiKey; readonly scopes: readonly ApiKeyScope[]; readonly actor: Actor }
  | {
      readonly kind: 'staff';
      readonly staff: StaffAccess;
      readonly scopes: readonly ApiKeyScope[];
      readonly actor: Actor;
    };

const authenticated = new WeakMap<FastifyRequest, AdminCaller>();

/** The caller an admin request was authenticated as; UNAUTHORIZED if it went through no admin check. */
export function requestCaller(request: FastifyRequest): AdminCaller {
  const caller = authenticated.get(request);
  if (!caller) throw new AppError('UNAUTHORIZED');
  return caller;
}

/** Who to record as having made an admin change. */
export const requestActor = (request: FastifyRequest): Actor => requestCaller(request).actor;

/**
 * The API key an admin request was made with, for what only a key can do (send in its name, name itself);
 * a staff member's request there is 403 FORBIDDEN.
 */
export function requestKey(request: FastifyRequest): ApiKey {
  const caller = requestCaller(request);
  if (caller.kind !== 'key') throw new AppError('FORBIDDEN', 'This needs an admin API key, not a staff sign-in');
  return caller.key;
}

/**
 * Admin API authentication. `authenticate` runs on every request to the admin plugin, so a route that
 * forgets its scope still needs a valid credential (it fails closed); `requireScope(scope)` is each route's
 * preHandler. The credential is `Authorization: Bearer` with an API key, or a staff member's access token
 * (the console's); a missing, unknown or revoked key and an invalid or ended token are 401 UNAUTHORIZED, a
 * valid token of a user who is not staff 403 STAFF_ONLY; a valid caller without the scope is 403 FORBIDDEN.
 */
export function createAdminAuth(
  apiKeys: ApiKeyService,
  /** Absent where only a key may call (token introspection). */
  staffOf?: (request: FastifyRequest) => Promise<StaffAccess>,
): {
  authenticate: onRequestAsyncHookHandler;
  requireScope: RequireScope;
} {
  async function identify(request: FastifyRequest): Promise<AdminCaller> {
    const known = authenticated.get(request);
    if (known) return known;
    let caller: AdminCaller;
    if (keyFromAuthorization(request.headers.authorization) !== null || !staffOf) {
      const key = await apiKeys.authenticate(request.headers.authorization);
      if (!key) throw new AppError('UNAUTHORIZED', 'A valid admin API key is required');
      caller = { kind: 'key', key, scopes: key.scopes, actor: keyActor(key) };
    } else {
      const staff = await staffOf(request).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'UNAUTHORIZED') {
          throw new AppError('UNAUTHORIZED', 'A valid admin API key or a staff member’s access token is required');
        }
        throw error;
      });
      caller = { kind: 'staff', staff, scopes: staff.scopes, actor: staffActor(staff) };
    }
    authenticated.set(request, caller);
    return caller;
  }

  return {
    async authenticate(request) {
      await identify(request);
    },
    requireScope: (scope) => {
      const any: readonly ApiKeyScope[] = typeof scope === 'string' ? [scope] : scope;
      const named = any.join(' or ');
      return async function requireScope(request) {
        const caller = await identify(request);
        if (any.some((one) => caller.scopes.includes(one))) return;
        if (caller.kind === 'key') {
          request.log.warn({ apiKey: caller.key.prefix, scope: named }, 'admin API key lacks the scope');
          throw new AppError('FORBIDDEN', `This API key does not have the ${named} scope`);
        }
        request.log.warn({ staff: caller.staff.userId, scope: named }, 'staff role lacks the scope');
        throw new AppError('FORBIDDEN', `The ${caller.staff.role} role does not have the ${named} scope`);
      };
    },
  };
}
