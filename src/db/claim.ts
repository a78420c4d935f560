import type { SelectQueryBuilder } from 'kysely';
import type { DatabaseHandle } from './index.ts';

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
