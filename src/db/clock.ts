import { sql, type RawBuilder } from 'kysely';
import type { DatabaseHandle } from './index.ts';

/**
 * The database's time in epoch milliseconds, as an SQL expression. Leases (a queued message's
 * `lease_until`, a delivery poll's `poll_at`) are set and compared with it, never with an instance's own
 * clock: every instance of a deployment shares the one database clock, so an instance whose clock runs
 * ahead cannot see another's lease as lapsed while that instance is still sending under it.
 *
 * PostgreSQL: `statement_timestamp()`, one value for the whole statement (a claim's lease and its due check
 * agree), and unlike `now()` not held back by an enclosing transaction. SQLite: the host's clock, which is
 * the only clock there is, since every instance on one SQLite file runs on that host.
 */
export function databaseNow(database: Pick<DatabaseHandle, 'dialect'>): RawBuilder<number> {
  return database.dialect === 'postgres'
    ? sql<number>`(extract(epoch from statement_timestamp()) * 1000)::bigint`
    : sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;
}

/** The database's time plus `ms`, as an SQL expression. */
export function databaseNowPlus(database: Pick<DatabaseHandle, 'dialect'>, ms: number): RawBuilder<number> {
  return sql<number>`(${databaseNow(database)} + ${Math.round(ms)})`;
}
