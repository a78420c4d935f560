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
 * With Redis configured, `rate_limits` holds only counts taken while Redis was away (until their windows
 * end), and this marker.
 */
export interface OutageBoard {
  /** Some instance cannot reach Redis for at least `forMs` more. A report that holds longer is kept. */
  report(forMs: number): Promise<void>;
  /** Whether a report still holds. */
  reported(): Promise<boolean>;
  /**
   * The counts taken in the database that are not in Redis yet, each marked as carried: what each row
   * gained since it was last carried, in its current window. The rows stay, so an instance still counting
   * in the database (it has not seen Redis back yet) counts on top of them rather than from nothing. Of
   * instances calling it at once, exactly one receives each gain.
   */
  takeCounts(): Promise<Carried[]>;
  /** Marks counts that could not be added to Redis as not carried again, for the next try. */
  putBack(rows: readonly Carried[]): Promise<void>;
}

/** What a row holds already in Redis: its carried points when they are of its current window. */
const CARRIED = 'case when carried_expire = expire then carried else 0 end';

interface DueRow {
  readonly key: string;
  readonly points: number | string;
  readonly expire: number | string | null;
  readonly carried: number | string;
}

const gain = (row: DueRow): Carried => ({
  key: row.key,
  points: Number(row.points) - Number(row.carried),
  expire: Number(row.expire ?? 0),
});

/** `takeCounts` on SQLite: one synchronous unit on the only connection, so nothing counts between the read and the mark. */
function sqliteTake(sqlite: NonNullable<DatabaseHandle['sqlite']>): () => Carried[] {
  const due = sqlite.prepare(`select key, points, expire, ${CARRIED} as carried from rate_limits
    where key <> ? and points > ${CARRIED}`);
  const mark = sqlite.prepare('update rate_limits set carried = points, carried_expire = expire where key = ?');
  return sqlite.transaction(() =>
    (due.all(OUTAGE_MARKER) as DueRow[]).map((row) => {
      mark.run(row.key);
      return gain(row);
    }),
  );
}

export function outageBoard(database: DatabaseHandle): OutageBoard {
  const { db } = database;
  let takeOnSqlite: (() => Carried[]) | undefined;
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
      if (database.group) return database.group.run(() => (takeOnSqlite ??= sqliteTake(database.group!.connection))());
      // FOR UPDATE: an instance carrying at the same moment waits, then reads the row as this one left it.
      const { rows } = await sql<DueRow>`with due as (
          select key, points, expire, ${sql.raw(CARRIED)} as carried from rate_limits
          where key <> ${OUTAGE_MARKER} and points > ${sql.raw(CARRIED)}
          for update
        )
        update rate_limits r set carried = due.points, carried_expire = due.expire from due where r.key = due.key
        returning due.key, due.points, due.expire, due.carried`.execute(db);
      return rows.map(gain);
    },
    async putBack(rows) {
      for (const row of rows) {
        await sql`update rate_limits set carried = case when carried > ${row.points} then carried - ${row.points} else 0 end
          where key = ${row.key} and carried_expire = ${row.expire}`.execute(db);
      }
    },
  };
}
