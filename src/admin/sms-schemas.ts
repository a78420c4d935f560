import { Type } from '@sinclair/typebox';
import { MessageText, PhoneNumber } from '../http/schemas.ts';
import { maskPhone } from '../phone/parse.ts';
import type { SmsLogRow } from '../sms/log-repository.ts';
import { PLACEHOLDER_NAME } from '../templates/placeholders.ts';

const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'expired', 'cancelled'] as const;
const Time = Type.String({ format: 'date-time' });
/** A template key, as the template routes take it. */
const TEMPLATE_KEY = '^[a-z][a-z0-9_]{0,63}$';

// Querystring values arrive as strings and the app does not coerce them (coerceTypes is off), so numbers and
// booleans are patterns here and are converted by the route.
export const LogQuery = Type.Object(
  {
    phone_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a mobile number as typed' })),
    status: Type.Optional(Type.Union(STATUSES.map((status) => Type.Literal(status)))),
    template: Type.Optional(Type.String({ pattern: TEMPLATE_KEY, description: 'a template key' })),
    provider: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'a provider name' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'created at or after (ISO 8601)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'created at or before (ISO 8601)' })),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' }),
    ),
    full_numbers: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'unmasked phone numbers' }),
    ),
  },
  // A misspelt filter must not pass as if it had not been sent: that would answer the whole log.
  { additionalProperties: false },
);

export const LogParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' }) });
export const FullNumbersQuery = Type.Object(
  { full_numbers: LogQuery.properties.full_numbers },
  { additionalProperties: false },
);

const Nullable = (schema: ReturnType<typeof Type.String>, description?: string) =>
  Type.Union([schema, Type.Null()], description === undefined ? {} : { description });

const SmsLog = Type.Object({
  id: Type.String(),
  phone_number: Type.String({ description: 'masked (+98912***6789) unless full_numbers=true' }),
  template: Nullable(Type.String()),
  locale: Nullable(Type.String()),
  provider: Type.String(),
  provider_message_id: Nullable(Type.String()),
  status: Type.String(),
  error_code: Nullable(Type.String({ description: "the provider's own code" })),
  error_message: Nullable(Type.String()),
  text: Type.String({ description: 'the message as sent, with any one-time code masked' }),
  attempts: Type.Integer({ description: 'provider calls made for it' }),
  tries: Type.Integer({
    description: 'a queued message: the times a worker took it to send (each may call several providers)',
  }),
  provider_status: Nullable(Type.String({ description: "the provider's own delivery status code" })),
  poll_failures: Type.Integer({
    description: 'delivery-status reads that failed in a row; after 10 the poller stops asking and the row stays sent',
  }),
  cost: Type.Union([Type.Number(), Type.Null()], { description: 'what the provider says it cost, in its unit' }),
  created_at: Time,
  updated_at: Time,
  queued_at: Nullable(Time),
  sending_at: Nullable(Time, 'a queued message: when a worker last took it to send'),
  next_attempt_at: Nullable(Time, 'a queued message: when it is next tried (after a failed try, later)'),
  sent_at: Nullable(Time),
  final_at: Nullable(Time),
  cancelled_by: Nullable(
    Type.String({ description: 'a cancelled message: the id of the API key that cancelled it, or `cli`' }),
  ),
});

export const LogPage = Type.Object({
  success: Type.Literal(true),
  logs: Type.Array(SmsLog),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const OneLog = Type.Object({ success: Type.Literal(true), log: SmsLog });

export const ProviderList = Type.Object({
  success: Type.Literal(true),
  providers: Type.Array(
    Type.Object({
      name: Type.String(),
      live: Type.Boolean({ description: 'false for the console fallback' }),
      circuit: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')], {
        description: "this instance's circuit for code messages",
      }),
      queue_circuit: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')], {
        description: "this instance's circuit for queued messages, which has its own breaker",
      }),
      recent: Type.Object(
        {
          sent: Type.Integer(),
          failed: Type.Integer(),
          success_rate: Type.Union([Type.Number(), Type.Null()], { description: 'null with no messages' }),
        },
        { description: 'messages created in the last hour that this provider carried or last failed' },
      ),
      credit: Type.Union([Type.Object({ amount: Type.Number(), unit: Type.String() }), Type.Null()]),
      credit_error: Type.Optional(Type.String({ description: "why credit is null: the provider's code or kind" })),
    }),
  ),
});

export const StatsQuery = Type.Object(
  {
    period: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('week')], {
        description: 'the last 24 hours (default) or the last 7 days, hour by hour',
      }),
    ),
  },
  { additionalProperties: false },
);

const Counts = (description: string) => Type.Record(Type.String(), Type.Integer({ minimum: 1 }), { description });

export const SmsStatsAnswer = Type.Object({
  success: Type.Literal(true),
  period: Type.Union([Type.Literal('day'), Type.Literal('week')]),
  from: Type.String({ format: 'date-time', description: 'the first hour’s start' }),
  to: Type.String({ format: 'date-time', description: 'the end of the current hour (excluded)' }),
  hours: Type.Array(
    Type.Object({
      hour: Type.String({ format: 'date-time', description: 'the hour’s start (UTC)' }),
      total: Type.Integer({ description: 'messages created in the hour' }),
      statuses: Counts('messages by their status now; statuses with none are left out'),
      providers: Counts('messages by the provider that carried them, or was last tried'),
    }),
    { description: 'every hour of the period, oldest first, an empty one too (24 or 168)' },
  ),
});

export const logView = (row: SmsLogRow, fullNumbers: boolean) => ({
  id: row.id,
  phone_number: fullNumbers ? row.phone_number : maskPhone(row.phone_number),
  template: row.template,
  locale: row.locale,
  provider: row.provider,
  provider_message_id: row.provider_message_id,
  status: row.status,
  error_code: row.error_code,
  error_message: row.error_message,
  text: row.text,
  attempts: row.attempts,
  tries: row.tries,
  provider_status: row.provider_status,
  poll_failures: row.poll_failures,
  cost: row.cost,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
  queued_at: row.queued_at === null ? null : iso(row.queued_at),
  sending_at: row.sending_at === null ? null : iso(row.sending_at),
  next_attempt_at: row.next_attempt_at === null ? null : iso(row.next_attempt_at),
  sent_at: row.sent_at === null ? null : iso(row.sent_at),
  final_at: row.final_at === null ? null : iso(row.final_at),
  cancelled_by: row.cancelled_by,
});

export const MessageCancelled = Type.Object({
  success: Type.Literal(true),
  id: Type.String(),
  status: Type.Literal('cancelled'),
});

const iso = (ms: number) => new Date(ms).toISOString();

/** Printable ASCII without spaces, as the IETF Idempotency-Key draft's clients send (UUIDs, ULIDs, hashes). */
export const IDEMPOTENCY_KEY = '^[\\x21-\\x7E]{1,255}$';

export const SendHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: IDEMPOTENCY_KEY,
      description: 'up to 255 printable ASCII characters; a retry with the same key and body returns the first message',
    }),
  ),
});

export const SendBody = Type.Object(
  {
    to: PhoneNumber,
    template: Type.Optional(Type.String({ pattern: TEMPLATE_KEY, description: 'a template key' })),
    params: Type.Optional(
      Type.Record(Type.String({ pattern: PLACEHOLDER_NAME.source }), MessageText({ maxLength: 500 }), {
        maxProperties: 32,
        // A record's key pattern does not refuse other keys by itself.
        additionalProperties: false,
        description: "the template's placeholders (lower case, like order_id) and their values",
      }),
    ),
    locale: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'fa by default' })),
    text: Type.Optional(
      MessageText({ minLength: 1, maxLength: 1000, description: 'free text, instead of a template' }),
    ),
  },
  { description: '`{to, template, params, locale?}` or `{to, text}`', additionalProperties: false },
);

export const SendAccepted = Type.Object({
  success: Type.Literal(true),
  id: Type.String({ description: 'the message id in the delivery log' }),
  status: Type.String({
    description: '`queued`; `sent` for a test number; for a repeated Idempotency-Key, where the first message is',
  }),
});
