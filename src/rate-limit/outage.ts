import { sql } from 'kysely';
import { databaseNow, databaseNowPlus } from '../db/clock.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Carried } from './redis-store.ts';

/**
 * The row in `rate_limits` that says some instance cannot reach Redis, until its `expire`. Rule names are
 * words with dashes, so no counter's key starts with `~`. Its `expire` is a lease on the database's clock
 * (db/clock.ts), set and compared there: an instance whose own clock runs ahead would otherwise see another's
 * report as lapsed and count apart from the others.
 */
export const OUTAGE_MARKER = '~redis-outage';

/**
 * What the instances of one deployment tell each other about Redis through the database they share.
 * With Redis configured, `rate_limits` holds only counts taken while Redis was away, and this marker.
 */
export interface OutageBoard {
  /** Some instance cannot reach Redis for at least `forMs` more. A report that holds longer is kept. */
  report(forMs: number): Promise<void>;
  /** Whether a report still holds. */
  reported(): Promise<boolean>;
  /**
   * Removes and returns every count taken in the database. One `DELETE ... RETURNING`: of instances
   * calling it at once, exactly one receives each row.
   */
  takeCounts(): Promise<Carried[]>;
  /** Puts back counts that could not be carried into Redis, adding to any taken since. */
  putBack(rows: readonly Carried[]): Promise<void>;
}

export function outageBoard(database: DatabaseHandle): OutageBoard {
  const { db } = database;
  return {
    async report(forMs) {
      await sql`insert into rate_limits (key, points, expire) values (${OUTAGE_MARKER}, 0, ${databaseNowPlus(database, forMs)})
        on conflict (key) do update set
          expire = case when rate_limits.expire > excluded.expire then rate_limits.expire else excluded.expire end`.execute(
        db,
      );
    },
    async reported() {
      const row = await db
        .selectFrom('rate_limits')
        .select('key')
        .where('key', '=', OUTAGE_MARKER)
        .where('expire', '>', databaseNow(database))
        .executeTakeFirst();
      return row !== undefined;
    },
    async takeCounts() {
      const rows = await db
        .deleteFrom('rate_limits')
        .where('key', '<>', OUTAGE_MARKER)
        .returning(['key', 'points', 'expire'])
        .execute();
      return rows.map((r) => ({ key: r.key, points: Number(r.points), expire: Number(r.expire ?? 0) }));
    },
    async putBack(rows) {
      for (const row of rows) {
        await sql`insert into rate_limits (key, points, expire) values (${row.key}, ${row.points}, ${row.expire})
          on conflict (key) do update set points = rate_limits.points + excluded.points,
            expire = case when rate_limits.expire > excluded.expire then rate_limits.expire else excluded.expire end`.execute(
          db,
        );
      }
    },
  };
}
