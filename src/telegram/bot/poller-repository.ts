import { databaseNow, databaseNowPlus } from '../../db/clock.ts';
import type { DatabaseHandle } from '../../db/index.ts';

/**
 * The row of `telegram_bot_pollers` for one bot: which poller holds the lease to ask Telegram for its updates,
 * and the offset to ask from. Leases are on the database's clock (db/clock.ts), so instances whose own clocks
 * disagree still agree on when a lease has lapsed. Every write but `acquire` is fenced on the holder and its
 * lease: a poller that lost the lease (it stalled, another took over) changes nothing.
 */
export interface PollerRepository {
  /**
   * Takes the lease for `leaseMs` when nobody holds it, its holder let it lapse, or `holder` holds it already;
   * returns the offset to poll from, or null while another holds it. One statement (an upsert whose update is
   * conditional): of pollers acquiring at once, exactly one gets it.
   */
  acquire(holder: string, leaseMs: number): Promise<number | null>;
  /** Extends the lease `holder` still holds by `leaseMs` from now; false when it holds it no longer. */
  renew(holder: string, leaseMs: number): Promise<boolean>;
  /** Stores the offset of the next getUpdates, while `holder` holds the lease; false when it does not. */
  advance(holder: string, nextOffset: number): Promise<boolean>;
  /** Gives the lease up, if `holder` still has it, so that another instance need not wait for it to lapse. */
  release(holder: string): Promise<void>;
}

export function createPollerRepository(database: DatabaseHandle, botId: string, now: () => number): PollerRepository {
  const { db } = database;
  const held = (holder: string) =>
    db
      .updateTable('telegram_bot_pollers')
      .where('bot_id', '=', botId)
      .where('holder', '=', holder)
      .where('lease_until', '>', databaseNow(database));

  return {
    async acquire(holder, leaseMs) {
      const row = await db
        .insertInto('telegram_bot_pollers')
        .values({
          bot_id: botId,
          holder,
          lease_until: databaseNowPlus(database, leaseMs),
          next_offset: 0,
          updated_at: now(),
        })
        .onConflict((conflict) =>
          conflict
            .column('bot_id')
            .doUpdateSet({ holder, lease_until: databaseNowPlus(database, leaseMs), updated_at: now() })
            .where((eb) =>
              eb.or([
                eb('telegram_bot_pollers.holder', '=', holder),
                eb('telegram_bot_pollers.lease_until', '<=', databaseNow(database)),
              ]),
            ),
        )
        .returning('next_offset')
        .executeTakeFirst();
      return row ? Number(row.next_offset) : null;
    },

    async renew(holder, leaseMs) {
      const result = await held(holder)
        .set({ lease_until: databaseNowPlus(database, leaseMs), updated_at: now() })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async advance(holder, nextOffset) {
      const result = await held(holder).set({ next_offset: nextOffset, updated_at: now() }).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async release(holder) {
      await db
        .updateTable('telegram_bot_pollers')
        .set({ holder: null, lease_until: 0, updated_at: now() })
        .where('bot_id', '=', botId)
        .where('holder', '=', holder)
        .execute();
    },
  };
}
