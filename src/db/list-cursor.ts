import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Where a newest-first listing continues: the last row seen. Rows strictly older come next. */
export interface ListPosition {
  readonly createdAt: number;
  readonly id: string;
}

/**
 * The `cursor` of the admin listings ordered by time (the delivery log, the audit trail): base64url of `<created_at>.<id>` of the last row of a page.
 * Opaque to clients; nothing in it is secret (both values are in the page itself).
 */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(`${position.createdAt}.${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this service issued the form of. */
export function decodeCursor(cursor: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const match = /^(\d{1,16})\.([\w-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const createdAt = Number(match[1]);
  return Number.isSafeInteger(createdAt) ? { createdAt, id: match[2]! } : null;
}

/**
 * The rows after `position` in a newest-first listing (`created_at` desc, then `id` desc), for `.where()` on
 * any table with those two columns.
 */
export function olderThan(position: ListPosition): RawBuilder<SqlBool> {
  const { createdAt, id } = position;
  return sql<SqlBool>`(created_at < ${createdAt} or (created_at = ${createdAt} and id < ${id}))`;
}
