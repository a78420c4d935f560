import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { StoreCounters } from './scenarios.ts';

const CONNECT_TIMEOUT_MS = 2000;
/** PGSTAT_IDLE_INTERVAL (10 s) and a margin: by then every backend has published what it counted. */
const SETTLE_MS = 10_500;

/** The bench's own connection to PostgreSQL (BENCH_DATABASE_URL): creates and drops its databases, reads their counters. */
export interface PostgresAdmin {
  /** The URL of database `name` on the same server, as the server child is given it. */
  urlOf(name: string): string;
  createDatabase(name: string): Promise<void>;
  /** Drops `name`, ending any connection still open to it; no error if it is gone. */
  dropDatabase(name: string): Promise<void>;
  counters(name: string): StoreCounters;
  close(): Promise<void>;
}

/** Connects, or rejects within two seconds when PostgreSQL is not there. */
export async function connectPostgres(url: string): Promise<PostgresAdmin> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {}); // a lost connection fails the next query, which says so
  await client.connect();
  const quoted = (name: string) => client.escapeIdentifier(name);
  return {
    urlOf(name) {
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
    async createDatabase(name) {
      await client.query(`create database ${quoted(name)}`);
    },
    async dropDatabase(name) {
      await client.query(`drop database if exists ${quoted(name)} with (force)`);
    },
    counters(name) {
      const target = new URL(url);
      target.pathname = `/${name}`;
      return databaseCounters(client, name, target.toString());
    },
    close: () => client.end(),
  };
}

const COUNTERS = `
  select xact_commit as commits, xact_rollback as rollbacks, tup_inserted as inserted, tup_updated as updated,
         tup_deleted as deleted, tup_returned as returned, tup_fetched as fetched
  from pg_stat_database where datname = $1`;

/**
 * `pg_stat_database` of one database. A backend does not publish its counts at once: it adds them to the
 * shared totals at most once a second, and what it did in its last second waits until it runs another
 * transaction a second later or, idle, for PGSTAT_IDLE_INTERVAL (ten seconds; on PostgreSQL 15 measured so:
 * the last counts of an idle connection appeared after ten seconds, or when it exited). Waiting a second, or
 * polling until the totals stop changing, would miss up to a second of work per connection; ending the
 * server's connections to make them publish (they do when they exit) races with the pool handing one out,
 * and fails the server's writes. So each reading waits out the interval: the only way that neither misses
 * counts nor disturbs the server. (The server's pool closes a connection idle for ten seconds too, so a run
 * after a reading opens its connections again: a few against thousands of operations.) Connections are
 * counted before the wait, as the server had them at the end of the run.
 */
function databaseCounters(client: pg.Client, name: string, databaseUrl: string): StoreCounters {
  return {
    /**
     * ANALYZE, as autovacuum does within a minute of a live table's first thousand rows. The bench's
     * database is seconds old: a statement planned while its tables held a page (a generic plan is cached
     * at a statement's sixth run, per connection) stays planned for that page, a sequential scan, until
     * the table's first analysis; rate_limits was read whole by every refund for the first half minute.
     */
    async analyze() {
      const own = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      await own.connect();
      try {
        await own.query('analyze');
      } finally {
        await own.end();
      }
    },
    async read() {
      const { rows: open } = await client.query<{ connections: number }>(
        `select count(*)::int as connections from pg_stat_activity
         where datname = $1 and backend_type = 'client backend'`,
        [name],
      );
      await sleep(SETTLE_MS);
      const { rows } = await client.query<Record<string, string>>(COUNTERS, [name]);
      const at = performance.now();
      const totals = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([key, value]) => [key, Number(value)]));
      return { totals, gauges: { connections: open[0]?.connections ?? NaN }, at };
    },
  };
}
