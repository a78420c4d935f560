import { Type } from '@sinclair/typebox';
import type { AdminAuditTable } from '../db/types.ts';

// Querystring values arrive as strings (coerceTypes is off): `limit` is a pattern, converted by the route.
export const AuditQuery = Type.Object(
  {
    key_id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'only changes made with this API key' }),
    ),
    action: Type.Optional(
      Type.String({ pattern: '^[a-z_]{1,32}\\.[a-z_]{1,32}$', description: 'only this action, e.g. template.put' }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);

const AuditRecord = Type.Object({
  id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    key_id: Type.Union([Type.String(), Type.Null()], {
      description: 'the API key that made it; null: the command line',
    }),
    name: Type.String({ description: "the key's name at the time, or `cli`" }),
  }),
  action: Type.String({
    description:
      'template.put, template.delete, sms.send, sms.cancel, key.create, key.revoke, key.cancel_queued, limits.reset',
  }),
  target: Type.Union([Type.String(), Type.Null()], { description: 'a template key/locale, a message id, a key id' }),
  summary: Type.Record(Type.String(), Type.Unknown(), {
    description: 'what changed, bounded: long strings are cut, recipients masked',
  }),
});

export const AuditPage = Type.Object({
  success: Type.Literal(true),
  records: Type.Array(AuditRecord),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});

export const auditView = (row: AdminAuditTable) => ({
  id: row.id,
  created_at: new Date(row.created_at).toISOString(),
  actor: { key_id: row.actor_key_id, name: row.actor_name },
  action: row.action,
  target: row.target,
  summary: JSON.parse(row.summary) as Record<string, unknown>,
});
