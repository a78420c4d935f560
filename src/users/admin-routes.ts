import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestActor, type RequireScope } from '../admin/auth.ts';
import { decodeCursor, encodeCursor } from '../db/list-cursor.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { parseMobile } from '../phone/parse.ts';
import type { UserFilter } from './accounts.ts';
import {
  BlockedUser,
  CreateUserBody,
  OneUser,
  SavedUser,
  SessionsEnded,
  UserDeleted,
  UserPage,
  UserParams,
  UserQuery,
  adminUserView,
} from './admin-schemas.ts';
import type { UserAdmin } from './service.ts';

export interface UserAdminOptions {
  readonly users: UserAdmin;
  /** PHONE_ALLOWED_COUNTRIES, for the numbers the routes take. */
  readonly allowedCountries: readonly string[];
  readonly requireScope: RequireScope;
}

const noSuchUser = () => new AppError('NOT_FOUND', 'No user with this id');

/** The shop's users over the admin API; mounted under /api/v1/admin, behind its key check. */
export const userAdminRoutes: FastifyPluginAsyncTypebox<UserAdminOptions> = async (app, options) => {
  const { users, allowedCountries, requireScope } = options;
  const canonical = (typed: string) => {
    const parsed = parseMobile(typed, allowedCountries);
    if (!parsed) throw new AppError('INVALID_PHONE');
    return parsed.e164;
  };
  const write = { preHandler: requireScope('users:write'), security: AdminKeyAuth, tags: ['admin'] };
  const read = { preHandler: requireScope('users:read'), security: AdminKeyAuth, tags: ['admin'] };

  app.post(
    '/users',
    {
      preHandler: write.preHandler,
      schema: {
        tags: write.tags,
        security: write.security,
        summary: "Creates the number's user with the shop's id, or finds it; scope users:write",
        description:
          '201 with created: true for a new user; 200 for the user the number and external_id already name, ' +
          "or for the number's user that had no external_id (it now has this one). 409 USER_PHONE_CONFLICT: " +
          'the number belongs to a user with another external_id; 409 EXTERNAL_ID_IN_USE: the external_id ' +
          'belongs to a user with another number. Safe to repeat.',
        body: CreateUserBody,
        response: {
          ...responses(200, SavedUser, [
            ...ADMIN_SCOPE_ERRORS,
            ...BODY_ERRORS,
            'INVALID_PHONE',
            'USER_PHONE_CONFLICT',
            'EXTERNAL_ID_IN_USE',
          ]),
          201: SavedUser,
        },
      },
    },
    async (request, reply) => {
      const { phone_number: phone, external_id: externalId, locale } = request.body;
      const row = { phoneNumber: canonical(phone), externalId, locale: locale ?? null };
      const resolved = await users.createOrFind(row, requestActor(request));
      if (!('user' in resolved)) {
        throw new AppError(resolved.outcome === 'phone_conflict' ? 'USER_PHONE_CONFLICT' : 'EXTERNAL_ID_IN_USE');
      }
      const created = resolved.outcome === 'created';
      const body = { success: true as const, created, user: adminUserView(resolved.user) };
      return created ? reply.status(201).send(body) : body;
    },
  );

  app.get(
    '/users',
    {
      preHandler: read.preHandler,
      schema: {
        tags: read.tags,
        security: read.security,
        summary: 'Users, newest first, filtered and paged by cursor; scope users:read',
        description:
          'phone_number (any form a person types) or external_id looks one user up: the page holds it or is empty.',
        querystring: UserQuery,
        response: responses(200, UserPage, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'INVALID_PHONE']),
      },
    },
    async ({ query }) => {
      const filter = userFilter(query, canonical);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await users.list({ ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      const more = rows.length > filter.limit && last;
      return {
        success: true as const,
        users: page.map(adminUserView),
        next_cursor: more ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/users/:id',
    {
      preHandler: read.preHandler,
      schema: {
        tags: read.tags,
        security: read.security,
        summary: 'One user; scope users:read',
        params: UserParams,
        response: responses(200, OneUser, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'NOT_FOUND']),
      },
    },
    async ({ params }) => {
      const user = await users.get(params.id);
      if (!user) throw noSuchUser();
      return { success: true as const, user: adminUserView(user) };
    },
  );

  // Fastify reads a body sent with these too, so its refusals are theirs as well.
  const changeErrors = [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'NOT_FOUND'] as const;

  app.post(
    '/users/:id/block',
    {
      preHandler: write.preHandler,
      schema: {
        tags: write.tags,
        security: write.security,
        summary: 'Blocks a user and ends every session; scope users:write',
        description:
          'A blocked user who enters a correct code gets 403 USER_BLOCKED and no session; nothing before the ' +
          'code (requests, wrong codes, limits) differs from any other number. Refresh tokens stop working.',
        params: UserParams,
        response: responses(200, BlockedUser, changeErrors),
      },
    },
    async (request) => {
      const done = await users.block(request.params.id, requestActor(request));
      if (!done) throw noSuchUser();
      return { success: true as const, user: adminUserView(done.blocked), sessions_ended: done.sessions_ended };
    },
  );

  app.post(
    '/users/:id/unblock',
    {
      preHandler: write.preHandler,
      schema: {
        tags: write.tags,
        security: write.security,
        summary: 'Lets a blocked user sign in again; scope users:write',
        params: UserParams,
        response: responses(200, OneUser, changeErrors),
      },
    },
    async (request) => {
      const done = await users.unblock(request.params.id, requestActor(request));
      if (!done) throw noSuchUser();
      return { success: true as const, user: adminUserView(done.unblocked) };
    },
  );

  app.post(
    '/users/:id/sign-out',
    {
      preHandler: write.preHandler,
      schema: {
        tags: write.tags,
        security: write.security,
        summary: 'Ends every session of a user; its access tokens stop working at once; scope users:write',
        params: UserParams,
        response: responses(200, SessionsEnded, changeErrors),
      },
    },
    async (request) => {
      const done = await users.signOut(request.params.id, requestActor(request));
      if (!done) throw noSuchUser();
      return { success: true as const, sessions_ended: done.sessions_ended };
    },
  );

  app.delete(
    '/users/:id',
    {
      preHandler: write.preHandler,
      schema: {
        tags: write.tags,
        security: write.security,
        summary: 'Deletes a user and erases their number everywhere; scope users:write',
        description:
          'Sessions, codes and phone-change history go; the delivery log and the audit trail keep their rows ' +
          'with the number replaced by "erased". The number can then sign up again as a new user.',
        params: UserParams,
        response: responses(200, UserDeleted, changeErrors),
      },
    },
    async (request) => {
      const done = await users.delete(request.params.id, requestActor(request));
      if (!done) throw noSuchUser();
      return {
        success: true as const,
        id: request.params.id,
        messages_erased: done.erased.messages,
        messages_cancelled: done.erased.cancelled,
      };
    },
  );
};

/** The listing's querystring, already checked against UserQuery, as a repository filter. */
function userFilter(query: Static<typeof UserQuery>, canonical: (typed: string) => string): UserFilter {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
  return {
    phoneNumber: query.phone_number === undefined ? undefined : canonical(query.phone_number),
    externalId: query.external_id,
    blocked: query.blocked === undefined ? undefined : query.blocked === 'true',
    fromMs: query.created_from === undefined ? undefined : Date.parse(query.created_from),
    toMs: query.created_to === undefined ? undefined : Date.parse(query.created_to),
    after,
    limit: query.limit === undefined ? 20 : Number(query.limit),
  };
}
