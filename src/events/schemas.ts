import { Type } from '@sinclair/typebox';
import type { EventRow } from './repository.ts';
import { DELIVERY_STATUSES, EVENT_TYPES } from './types.ts';

const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

// Querystring values arrive as strings and are not coerced (coerceTypes is off): numbers are patterns here.
export const EventQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((status) => Type.Literal(status)))),
    type: Type.Optional(Type.Union(EVENT_TYPES.map((type) => Type.Literal(type)))),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' }),
    ),
  },
  // A misspelt filter must not pass as if it had not been sent.
  { additionalProperties: false },
);

export const EventParams = Type.Object({ id: Type.String({ pattern: '^evt_[0-9a-f-]{36}$' }) });

const Event = Type.Object({
  id: Type.String({ description: 'the `webhook-id` of every try' }),
  type: Type.Union(EVENT_TYPES.map((type) => Type.Literal(type))),
  data: Type.Unknown({ description: "the event's data, as the body's `data` carries it" }),
  status: Type.Union(
    DELIVERY_STATUSES.map((status) => Type.Literal(status)),
    {
      description: '`queued` (waiting for its next try), `sending`, `delivered` or `failed` (given up)',
    },
  ),
  attempts: Type.Integer({ description: 'tries made (counted afresh by a redelivery)' }),
  last_error: Nullable(
    Type.String({ description: 'why the last try failed: `HTTP_<status>`, `TIMEOUT`, or a network error code' }),
  ),
  next_attempt_at: Nullable(Time),
  created_at: Time,
  last_attempt_at: Nullable(Time),
  delivered_at: Nullable(Time),
});

export const EventPage = Type.Object({
  success: Type.Literal(true),
  events: Type.Array(Event),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const OneEvent = Type.Object({ success: Type.Literal(true), event: Event });

const iso = (ms: number) => new Date(ms).toISOString();

export const eventView = (row: EventRow) => ({
  id: row.id,
  type: row.type as (typeof EVENT_TYPES)[number],
  data: JSON.parse(row.payload) as unknown,
  status: row.status as (typeof DELIVERY_STATUSES)[number],
  attempts: row.attempts,
  last_error: row.last_error,
  // A new event is due at 0 ("at once"): it has no time of its own to show.
  next_attempt_at: row.next_attempt_at === null || row.next_attempt_at === 0 ? null : iso(row.next_attempt_at),
  created_at: iso(row.created_at),
  last_attempt_at: row.last_attempt_at === null ? null : iso(row.last_attempt_at),
  delivered_at: row.delivered_at === null ? null : iso(row.delivered_at),
});
