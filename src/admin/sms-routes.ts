import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { parseMobile } from '../phone/parse.ts';
import type { SmsLogFilter, SmsLogRepository } from '../sms/log-repository.ts';
import type { CancelService } from '../sms/queue/cancel-service.ts';
import type { SendService } from '../sms/queue/send-service.ts';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestCaller, requestKey, type RequireScope } from './auth.ts';
import { decodeCursor, encodeCursor } from '../db/list-cursor.ts';
import type { ProviderReport } from './sms-providers.ts';
import type { SmsStats } from './sms-stats.ts';
import {
  FullNumbersQuery,
  LogPage,
  LogParams,
  LogQuery,
  MessageCancelled,
  OneLog,
  ProviderList,
  SendAccepted,
  SendBody,
  SendHeaders,
  SmsStatsAnswer,
  StatsQuery,
  logView,
} from './sms-schemas.ts';

export interface SmsAdminOptions {
  readonly logs: SmsLogRepository;
  readonly providers: ProviderReport;
  /** Messages per hour, by status and provider (GET /sms/stats). */
  readonly stats: SmsStats;
  readonly send: SendService;
  readonly cancel: CancelService;
  /** PHONE_ALLOWED_COUNTRIES, for the phone_number filter. */
  readonly allowedCountries: readonly string[];
  readonly requireScope: RequireScope;
}

/** Queued sends, the delivery log and the providers' state; mounted under /api/v1/admin, behind its key check. */
export const smsAdminRoutes: FastifyPluginAsyncTypebox<SmsAdminOptions> = async (app, options) => {
  const { logs, providers, stats, send, cancel, allowedCountries, requireScope } = options;

  app.post(
    '/sms/send',
    {
      preHandler: requireScope('sms:send'),
      schema: {
        tags: ['admin'],
        summary: 'Queues a message (a template with params, or a text) for delivery; scope sms:send',
        security: AdminKeyAuth,
        headers: SendHeaders,
        body: SendBody,
        response: responses(202, SendAccepted, [
          ...ADMIN_SCOPE_ERRORS,
          ...BODY_ERRORS,
          'INVALID_PHONE',
          'IDEMPOTENCY_KEY_REUSED',
          'RATE_LIMITED',
          'TEMPLATE_NOT_FOUND',
          'TEMPLATE_RESERVED',
          'TEMPLATE_PARAMS_MISSING',
          'MESSAGE_TOO_LONG',
          'SMS_FAILED',
        ]),
      },
    },
    async (request, reply) => {
      const key = requestKey(request);
      const caller = { apiKeyId: key.id, apiKeyName: key.name, idempotencyKey: request.headers['idempotency-key'] };
      const accepted = await send.send(request.body, caller);
      return reply.status(202).send({ success: true as const, ...accepted });
    },
  );

  app.delete(
    '/sms/messages/:id',
    {
      preHandler: requireScope(['sms:send', 'keys:write']),
      schema: {
        tags: ['admin'],
        summary: "Cancels a queued message; scope sms:send for the key's own messages, keys:write for any",
        description:
          'Only a message still waiting in the queue can be cancelled; one a worker is sending, or one already ' +
          'sent or failed, answers 409 MESSAGE_NOT_CANCELLABLE. Cancelling a cancelled message answers 200 again.',
        security: AdminKeyAuth,
        params: LogParams,
        // Fastify reads a body sent with a DELETE too, so its refusals are this route's as well.
        response: responses(200, MessageCancelled, [
          ...ADMIN_SCOPE_ERRORS,
          ...BODY_ERRORS,
          'NOT_FOUND',
          'MESSAGE_NOT_CANCELLABLE',
        ]),
      },
    },
    async (request) => {
      const caller = requestCaller(request);
      // A key without keys:write may cancel only what it queued; a staff member's role decides alone.
      const own = caller.scopes.includes('keys:write') ? null : caller.kind === 'key' ? caller.key.id : '';
      const result = await cancel.cancel(request.params.id, caller.actor, own);
      switch (result.outcome) {
        case 'not_found':
          throw new AppError('NOT_FOUND', 'No message with this id');
        case 'not_yours':
          throw new AppError('FORBIDDEN', 'Another API key queued this message; cancelling it needs keys:write');
        case 'too_late':
          throw new AppError(
            'MESSAGE_NOT_CANCELLABLE',
            `This message is ${result.status}; only a queued one can be cancelled`,
          );
        case 'cancelled':
          return { success: true as const, id: request.params.id, status: 'cancelled' as const };
      }
    },
  );

  app.get(
    '/sms/logs',
    {
      preHandler: requireScope('sms:read'),
      schema: {
        tags: ['admin'],
        summary: 'The delivery log, newest first, filtered and paged by cursor; scope sms:read',
        security: AdminKeyAuth,
        querystring: LogQuery,
        response: responses(200, LogPage, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'INVALID_PHONE']),
      },
    },
    async ({ query }) => {
      const filter = logFilter(query, allowedCountries);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await logs.list({ ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      const more = rows.length > filter.limit && last;
      return {
        success: true as const,
        logs: page.map((row) => logView(row, query.full_numbers === 'true')),
        next_cursor: more ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/sms/logs/:id',
    {
      preHandler: requireScope('sms:read'),
      schema: {
        tags: ['admin'],
        summary: 'One message of the delivery log; scope sms:read',
        security: AdminKeyAuth,
        params: LogParams,
        querystring: FullNumbersQuery,
        response: responses(200, OneLog, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'NOT_FOUND']),
      },
    },
    async ({ params, query }) => {
      const row = await logs.get(params.id);
      if (!row) throw new AppError('NOT_FOUND', 'No message with this id');
      return { success: true as const, log: logView(row, query.full_numbers === 'true') };
    },
  );

  app.get(
    '/sms/stats',
    {
      preHandler: requireScope('sms:read'),
      schema: {
        tags: ['admin'],
        summary: 'Messages per hour of the last day or week, by status and by provider; scope sms:read',
        description:
          'Counted from the delivery log by the hour each message was created in (UTC hours). The current ' +
          'hour is the last bucket and counts what it has so far.',
        security: AdminKeyAuth,
        querystring: StatsQuery,
        response: responses(200, SmsStatsAnswer, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ query }) => {
      const period = query.period ?? 'day';
      const answer = await stats(period);
      const iso = (ms: number) => new Date(ms).toISOString();
      return {
        success: true as const,
        period,
        from: iso(answer.from),
        to: iso(answer.to),
        hours: answer.hours.map((bucket) => ({ ...bucket, hour: iso(bucket.hour) })),
      };
    },
  );

  app.get(
    '/sms/providers',
    {
      preHandler: requireScope('providers:read'),
      schema: {
        tags: ['admin'],
        summary: "Each SMS provider's circuit, last hour and credit, in the order they are tried; scope providers:read",
        security: AdminKeyAuth,
        response: responses(200, ProviderList, ADMIN_SCOPE_ERRORS),
      },
    },
    async () => ({ success: true as const, providers: await providers() }),
  );
};

/** The listing's querystring, already checked against LogQuery, as a repository filter. */
function logFilter(query: Static<typeof LogQuery>, allowedCountries: readonly string[]): SmsLogFilter {
  let phoneNumber: string | undefined;
  if (query.phone_number !== undefined) {
    const parsed = parseMobile(query.phone_number, allowedCountries);
    if (!parsed) throw new AppError('INVALID_PHONE');
    phoneNumber = parsed.e164;
  }
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
  return {
    phoneNumber,
    status: query.status,
    template: query.template,
    provider: query.provider,
    fromMs: query.from === undefined ? undefined : Date.parse(query.from),
    toMs: query.to === undefined ? undefined : Date.parse(query.to),
    after,
    limit: query.limit === undefined ? 20 : Number(query.limit),
  };
}
