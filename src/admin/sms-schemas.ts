import { Type } from '@sinclair/typebox';
import { maskPhone } from '../phone/parse.ts';
import type { SmsLogRow } from '../sms/log-repository.ts';

const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'expired'] as const;
const Time = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 64 });

// Querystring values arrive as strings and the app does not coerce them (coerceTypes is off), so numbers and
// booleans are patterns here and are converted by the route.
export const LogQuery = Type.Object({
  phone_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a mobile number as typed' })),
  status: Type.Optional(Type.Union(STATUSES.map((status) => Type.Literal(status)))),
  template: Type.Optional(Name),
  provider: Type.Optional(Name),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'created at or after (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'created at or before (ISO 8601)' })),
  limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' })),
  full_numbers: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'unmasked phone numbers' }),
  ),
});

export const LogParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const FullNumbersQuery = Type.Object({ full_numbers: LogQuery.properties.full_numbers });

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

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
  attempts: Type.Integer(),
  created_at: Time,
  updated_at: Time,
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
      circuit: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')]),
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
  created_at: new Date(row.created_at).toISOString(),
  updated_at: new Date(row.updated_at).toISOString(),
});
