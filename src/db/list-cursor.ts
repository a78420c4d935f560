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
