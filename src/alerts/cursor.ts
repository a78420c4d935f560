import { decodeCursor, encodeCursor, type ListPosition } from '../db/list-cursor.ts';

/**
 * Where a user's own listing continues. That listing shows the active alerts first, then the ended ones
 * (notified or cancelled), each group newest first, so its position is the group and the usual
 * (created_at, id): `a` or `e`, a dot, and the cursor of the admin listings.
 */
export interface MyListPosition extends ListPosition {
  readonly active: boolean;
}

export function encodeMyCursor(position: MyListPosition): string {
  return `${position.active ? 'a' : 'e'}.${encodeCursor(position)}`;
}

/** The position a cursor names, or null when it is not one this listing issued. */
export function decodeMyCursor(cursor: string): MyListPosition | null {
  const match = /^([ae])\.(.+)$/.exec(cursor);
  const position = match ? decodeCursor(match[2]!) : null;
  return position ? { ...position, active: match![1] === 'a' } : null;
}
