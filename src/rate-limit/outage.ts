import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/index.ts';
import type { Carried } from './redis-store.ts';

/**
 * The row in `rate_limits` that says some instance cannot reach Redis, until its `expire`. Rule names are
 * words with dashes, so no counter's key starts with `~`.
 */
const MARKER = '~redis-outage';

/**
 * What the instances of one deployment tell each other about Redis through the database they share.
 * With Redis configured, `rate_limits` holds only counts taken while Redis was away, and this marker.
 */
export interface OutageBoard {
  /** Some instance cannot reach Redis at least until `until` (epoch ms). A later report extends it. */
  report(until: number): Promise<void>;
  /** Until when an outage was last reported (0 when never). */
  reportedUntil(): Promise<number>;
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
    async report(until) {
      await sql`insert into rate_limits (key, points, expire) values (${MARKER}, 0, ${until})
        on conflict (key) do update set
          expire = case when rate_limits.expire > excluded.expire then rate_limits.expire else excluded.expire end`.execute(
        db,
      );
    },
    async reportedUntil() {
      const row = await db.selectFrom('rate_limits').select('expire').where('key', '=', MARKER).executeTakeFirst();
      return Number(row?.expire ?? 0);
    },
    async takeCounts() {
      const rows = await db
        .deleteFrom('rate_limits')
        .where('key', '<>', MARKER)
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
