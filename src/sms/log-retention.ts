import type { DatabaseHandle } from '../db/index.ts';
import { skippingLocked } from '../db/claim.ts';

/** Rows one purge statement deletes at most: a short statement, so a big log is never locked for long. */
export const PURGE_BATCH = 1000;

/** Messages some worker still has to move: never purged, however old. */
const UNSETTLED = ['queued', 'sending'];

/**
 * Deletes up to `limit` delivery-log rows created before `before` (epoch ms), never a queued or sending
 * one. Returns how many it deleted. Instances purging at once take different rows on PostgreSQL (the
 * subquery skips rows another purge has locked) and none waits; a row deleted twice is simply gone, so two
 * purges at once are harmless.
 */
export async function purgeSmsLogBatch(database: DatabaseHandle, before: number, limit = PURGE_BATCH): Promise<number> {
  const { db } = database;
  const old = skippingLocked(
    database,
    db
      .selectFrom('sms_logs')
      .select('id')
      .where('created_at', '<', before)
      .where('status', 'not in', UNSETTLED)
      .limit(limit),
  );
  const result = await db.deleteFrom('sms_logs').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Purges every such row, one batch at a time, until a batch comes back short or `stopped()` says to stop
 * (the service is closing). Returns how many rows it deleted.
 */
export async function purgeSmsLogs(
  database: DatabaseHandle,
  before: number,
  stopped: () => boolean = () => false,
  limit = PURGE_BATCH,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await purgeSmsLogBatch(database, before, limit);
    total += deleted;
    if (deleted < limit || stopped()) return total;
    // Lets requests between batches: on SQLite their writes would otherwise queue behind the whole purge.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
