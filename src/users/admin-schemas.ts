import { Type } from '@sinclair/typebox';
import { PhoneNumber } from '../http/schemas.ts';
import { LOCALE } from '../templates/locale.ts';
import type { User } from './repository.ts';

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

/** The shop's id for a user: visible ASCII, no quotes or backslashes, so that it reads the same in CSV and JSON. */
export const EXTERNAL_ID_PATTERN = '^[!#-\\[\\]-~]{1,128}$';
export const EXTERNAL_ID = new RegExp(EXTERNAL_ID_PATTERN);

export const ExternalId = Type.String({
  pattern: EXTERNAL_ID_PATTERN,
  description: "the shop's own id for the user: 1 to 128 visible ASCII characters, no quote or backslash",
  examples: ['customer-1042'],
});

export const UserParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' }) });

export const CreateUserBody = Type.Object(
  {
    phone_number: PhoneNumber,
    external_id: ExternalId,
    locale: Type.Optional(
      Type.String({
        pattern: LOCALE.source,
        description: 'the language of its SMS (fa, en, ...); used for a new user only',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserQuery = Type.Object(
  {
    phone_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a mobile number as typed' })),
    external_id: Type.Optional(ExternalId),
    blocked: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    created_from: Type.Optional(Type.String({ format: 'date-time', description: 'created at or after (ISO 8601)' })),
    created_to: Type.Optional(Type.String({ format: 'date-time', description: 'created at or before (ISO 8601)' })),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' }),
    ),
  },
  // A misspelt filter must not pass as if it had not been sent: that would answer every user.
  { additionalProperties: false },
);

export const AdminUser = Type.Object({
  id: Type.String(),
  phone_number: Type.Union([Type.String(), Type.Null()], {
    description: 'E.164; null for a user who signed in with Telegram only',
  }),
  phone_verified: Type.Boolean({ description: 'false until the user first signs in with a code' }),
  external_id: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([Type.String(), Type.Null()]),
  blocked_at: Type.Union([Time, Type.Null()], { description: 'null unless the user is blocked' }),
  created_at: Time,
  last_login_at: NullableTime,
});

export const SavedUser = Type.Object({
  success: Type.Literal(true),
  created: Type.Boolean({ description: 'true (and status 201) when this request created the user' }),
  user: AdminUser,
});

export const OneUser = Type.Object({ success: Type.Literal(true), user: AdminUser });

export const UserPage = Type.Object({
  success: Type.Literal(true),
  users: Type.Array(AdminUser),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const SessionsEnded = Type.Object({
  success: Type.Literal(true),
  sessions_ended: Type.Integer({ description: 'sessions that were active' }),
});

export const BlockedUser = Type.Object({
  success: Type.Literal(true),
  user: AdminUser,
  sessions_ended: Type.Integer({ description: 'sessions that were active and ended now' }),
});

export const UserDeleted = Type.Object({
  success: Type.Literal(true),
  id: Type.String(),
  messages_erased: Type.Integer({ description: 'delivery-log rows to its numbers, kept with the number erased' }),
  messages_cancelled: Type.Integer({ description: 'messages still queued to its numbers, cancelled' }),
});

const iso = (ms: number) => new Date(ms).toISOString();

export const adminUserView = (user: User) => ({
  id: user.id,
  phone_number: user.phone_number,
  phone_verified: user.phone_verified === 1,
  external_id: user.external_id,
  locale: user.locale,
  blocked_at: user.blocked_at === null ? null : iso(user.blocked_at),
  created_at: iso(user.created_at),
  last_login_at: user.last_login_at === null ? null : iso(user.last_login_at),
});
