import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestActor, type RequireScope } from '../admin/auth.ts';
import { recordAudit } from '../audit/repository.ts';
import { decodeCursor, encodeCursor } from '../db/list-cursor.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import type { EventRepository } from './repository.ts';
import { EventPage, EventParams, EventQuery, OneEvent, eventView } from './schemas.ts';

export interface EventAdminOptions {
  readonly events: EventRepository;
  /** Wakes this instance's event worker after a redelivery (a no-op when it does not run). */
  readonly wake: () => void;
  readonly now: () => number;
  readonly requireScope: RequireScope;
}

/** The events sent to the shop: their deliveries, and a redelivery; under /api/v1/admin, behind its key check. */
export const eventAdminRoutes: FastifyPluginAsyncTypebox<EventAdminOptions> = async (app, options) => {
  const { events, wake, now, requireScope } = options;

  app.get(
    '/events',
    {
      preHandler: requireScope('events:read'),
      schema: {
        tags: ['admin'],
        summary:
          'Events sent to EVENTS_WEBHOOK_URL and their delivery, newest first, paged by cursor; scope events:read',
        security: AdminKeyAuth,
        querystring: EventQuery,
        response: responses(200, EventPage, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ query }) => {
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
      const limit = query.limit === undefined ? 20 : Number(query.limit);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await events.list({ status: query.status, type: query.type, after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        success: true as const,
        events: page.map(eventView),
        next_cursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/events/:id',
    {
      preHandler: requireScope('events:read'),
      schema: {
        tags: ['admin'],
        summary: 'One event and its delivery; scope events:read',
        security: AdminKeyAuth,
        params: EventParams,
        response: responses(200, OneEvent, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'NOT_FOUND']),
      },
    },
    async ({ params }) => {
      const row = await events.get(params.id);
      if (!row) throw new AppError('NOT_FOUND', 'No event with this id');
      return { success: true as const, event: eventView(row) };
    },
  );

  app.post(
    '/events/:id/redeliver',
    {
      preHandler: requireScope('events:write'),
      schema: {
        tags: ['admin'],
        summary: 'Queues an event for delivery again, now, with its tries counted afresh; scope events:write',
        description:
          'Any event not being sent at this moment: a failed one, or a delivered one the receiver lost. It goes ' +
          'out with the same `webhook-id`, so a receiver that kept it drops the repeat. An event being sent ' +
          'answers 409 EVENT_IN_FLIGHT. Recorded in the audit trail as `event.redeliver`.',
        security: AdminKeyAuth,
        params: EventParams,
        response: responses(200, OneEvent, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'NOT_FOUND', 'EVENT_IN_FLIGHT']),
      },
    },
    async (request) => {
      const actor = requestActor(request);
      const result = await events.redeliver(request.params.id, (trx, row) =>
        recordAudit(trx, { actor, action: 'event.redeliver', target: row.id, summary: { type: row.type } }, now()),
      );
      if (!result) throw new AppError('NOT_FOUND', 'No event with this id');
      if (!result.requeued) throw new AppError('EVENT_IN_FLIGHT');
      wake();
      return { success: true as const, event: eventView(result.row) };
    },
  );
};
