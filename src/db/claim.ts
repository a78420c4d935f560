import type { SelectQueryBuilder } from 'kysely';
import type { DatabaseHandle } from './index.ts';
import { databaseNow } from './clock.ts';

/**
 * Makes the subquery of a claim (`UPDATE ... WHERE id IN (SELECT id ... LIMIT n) RETURNING`) skip rows that
 * another transaction is claiming right now. On PostgreSQL that is `FOR UPDATE SKIP LOCKED`: concurrent
 * claimers each lock and take different rows, and none waits for another. SQLite has one writer at a time,
 * so its claim statement is atomic as it stands and takes no lock clause (it has none).
 */
export function skippingLocked<DB, TB extends keyof DB, O>(
  database: Pick<DatabaseHandle, 'supportsSkipLocked'>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return database.supportsSkipLocked ? query.forUpdate().skipLocked() : query;
}

/**
 * The tables whose rows are work delivered under a lease, with one life cycle: `queued` and due at
 * `next_attempt_at`, `sending` while a worker holds `lease_until`, then final. Queued SMS (`sms_logs`) and
 * events for the shop (`events`) share the statements below and the worker loop (sms/queue/lease-loop.ts).
 */
export type LeasedTable = 'sms_logs' | 'events';

/**
 * The subquery of a claim: up to `limit` due rows, earliest due first,
 * skipping rows another claim is taking (see `skippingLocked`). Due is on the database's clock (db/clock.ts).
 */
export function dueRows(database: DatabaseHandle, table: LeasedTable, limit: number) {
  // Both tables have these columns; Kysely cannot see that through a union of table names.
  const name = table as 'events';
  return skippingLocked(
    database,
    database.db
      .selectFrom(name)
      .select('id')
      .where('next_attempt_at', '<=', databaseNow(database))
      .orderBy('next_attempt_at')
      .limit(limit),
  );
}

/**
 * Queues again every row whose lease ran out by the database's clock: its worker died, or stalled past the
 * lease, mid-try. The next claim takes it again, under the same id. Returns how many rows that was.
 */
export async function releaseLapsed(database: DatabaseHandle, table: LeasedTable, at: number): Promise<number> {
  const result = await database.db
    .updateTable(table as 'events')
    .set({ status: 'queued', lease_until: null, next_attempt_at: databaseNow(database), updated_at: at })
    .where('lease_until', '<=', databaseNow(database))
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
