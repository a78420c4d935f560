import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import type { SessionService } from '../sessions/service.ts';
import type { Staff, StaffAccess } from './service.ts';

/** What the staff check answers on every console route (it reads the session and the staff row). */
export const STAFF_ERRORS: readonly ErrorCode[] = [
  'UNAUTHORIZED',
  'STAFF_ONLY',
  'USER_BLOCKED',
  'DATABASE_UNAVAILABLE',
];

const authenticated = new WeakMap<FastifyRequest, StaffAccess>();

/** The staff member a request was let through for; UNAUTHORIZED if it went through no staff check. */
export function requestStaff(request: FastifyRequest): StaffAccess {
  const staff = authenticated.get(request);
  if (!staff) throw new AppError('UNAUTHORIZED');
  return staff;
}

/**
 * The admin console's authentication: a staff member's own access token (`Authorization: Bearer`, as
 * /api/v1/auth/me takes it), and the scopes of their role, which name what the admin API's scopes name.
 * A missing or invalid token, or an ended session, is 401 UNAUTHORIZED; a user who is not staff is 403
 * STAFF_ONLY; a blocked one 403 USER_BLOCKED.
 *
 * Nothing is cached: the staff row is read on every request, so a removal, a role change or a block counts
 * from the next request, whatever the token's lifetime. A block ends the user's sessions too; the check of
 * `blocked_at` covers a block that commits between the session's read and the staff row's.
 */
export function createStaffGuard(deps: {
  sessions: Pick<SessionService, 'authenticate'>;
  staff: Pick<Staff, 'access'>;
}) {
  const { sessions, staff } = deps;

  async function identify(request: FastifyRequest): Promise<StaffAccess> {
    const known = authenticated.get(request);
    if (known) return known;
    const { userId } = await sessions.authenticate(request.headers.authorization);
    const member = await staff.access(userId);
    if (!member) throw new AppError('STAFF_ONLY');
    if (member.blockedAt !== null) throw new AppError('USER_BLOCKED');
    authenticated.set(request, member);
    return member;
  }

  return {
    /** The staff member a request's access token belongs to, or UNAUTHORIZED, STAFF_ONLY or USER_BLOCKED. */
    identify,
    /**
     * A preHandler that lets through any staff member; the route reads who with `requestStaff`, and checks
     * the scope it needs against `scopes`, as the admin API's `requireScope` checks a key's.
     */
    authenticate: (async (request) => {
      await identify(request);
    }) satisfies preHandlerAsyncHookHandler,
  };
}

export type StaffGuard = ReturnType<typeof createStaffGuard>;
