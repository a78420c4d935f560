import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/**
 * Cancelling queued messages. Only a `queued` row can be cancelled: one a worker holds (`sending`) is being
 * sent and goes out or fails as it would have. Each is one conditional UPDATE on `status = 'queued'`, and a
 * claim takes a row by the same kind of statement, so of a cancel and a claim racing for one row exactly one
 * wins: the message is sent or cancelled, never both. The payload is cleared, as for any final row.
 */
const cancelled = (by: string, at: number) =>
  ({
    status: 'cancelled',
    cancelled_by: by,
    payload: null,
    next_attempt_at: null,
    final_at: at,
    updated_at: at,
  }) as const;

/** Cancels one message if it is still queued; returns whether it was. `by`: a key id or `cli`. */
export async function cancelQueuedMessage(db: Kysely<Database>, id: string, by: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable('sms_logs')
    .set(cancelled(by, at))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Cancels every queued message of an API key; returns their ids. */
export async function cancelQueuedOfKey(
  db: Kysely<Database>,
  apiKeyId: string,
  by: string,
  at: number,
): Promise<string[]> {
  return cancelQueuedWhere(db, 'api_key_id', apiKeyId, by, at);
}

/** Cancels every queued message to a number (its user is being deleted); returns how many. */
export async function cancelQueuedTo(db: Kysely<Database>, phoneNumber: string, by: string, at: number) {
  return (await cancelQueuedWhere(db, 'phone_number', phoneNumber, by, at)).length;
}

async function cancelQueuedWhere(
  db: Kysely<Database>,
  column: 'api_key_id' | 'phone_number',
  value: string,
  by: string,
  at: number,
): Promise<string[]> {
  const rows = await db
    .updateTable('sms_logs')
    .set(cancelled(by, at))
    .where(column, '=', value)
    .where('status', '=', 'queued')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
