import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/index.ts';
import { createGroupCommit, type GroupCommit } from './group-commit.ts';
import { WorkingSchemaPostgresDialect } from './postgres-dialect.ts';
import { GroupCommitSqliteDialect } from './sqlite-dialect.ts';
import { withStatementCache } from './statement-cache.ts';
import type { Database } from './types.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The database as the rest of the code sees it. `db` is all most code needs; the raw clients are exposed
 * only for the rate-limit stores (rate-limiter-flexible's, and ours on SQLite, which runs its upsert
 * synchronously in the group commit), which share our connection rather than opening their own.
 */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** PostgreSQL can hand rows to concurrent workers with FOR UPDATE SKIP LOCKED; SQLite has one writer. */
  readonly supportsSkipLocked: boolean;
  readonly sqlite?: SqliteDatabase.Database;
  /** SQLite only: the group commit that every write goes through (ours run their units in it). */
  readonly group?: GroupCommit;
  readonly pool?: pg.Pool;
  /** PostgreSQL: the pool's connections at this moment; null on SQLite, which has one connection. */
  poolStats(): PoolStats | null;
  /** Resolves when a trivial query answers; rejects otherwise. */
  ping(): Promise<void>;
  /**
   * The same database for health's probes. On PostgreSQL a connection of its own, outside the pool, so that
   * a pool full of requests (a flood of them, even refused ones) does not make every instance look down at
   * once; the pool's saturation shows in health's detail instead.
   */
  readonly probe: Pick<DatabaseHandle, 'db' | 'dialect' | 'ping' | 'pool'>;
  /**
   * PostgreSQL: a connection of its own for migrations, with no limit on how long an answer may take (the
   * pool's 1.8 s turns a database that stopped answering into a 503). A migration may wait for the
   * migration lock another instance holds while it migrates, or for a table's lock on a busy database, or
   * rewrite a table. Closed by the caller.
   */
  forMigrations?(): { readonly db: Kysely<Database>; close(): Promise<void> };
  close(): Promise<void>;
}

/**
 * `waiting` counts requests queued for a connection because all `size` are in use: above zero for long, the
 * database (or the pool's size) is what limits the service.
 */
export interface PoolStats {
  readonly size: number;
  readonly open: number;
  readonly idle: number;
  readonly waiting: number;
}

/**
 * The page cache, in KiB when negative (8 MiB). better-sqlite3 builds SQLite with 16 MiB, and a restock's
 * fan-out over 100,000 alerts filled it: half of it kept the server's peak about 8 MiB lower, with no
 * difference in the bench's sign-ins (their rows are few and hot; the operating system caches the file).
 */
const SQLITE_CACHE_SIZE = -8000;

/** How long a SQLite writer waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 2000;

const INT8_OID = 20;
// Epoch milliseconds fit a double exactly until the year 287396; returning them as strings helps no one.
const parseInt8 = (value: string) => Number(value);

export function createDatabase(config: Config['database']): DatabaseHandle {
  return config.dialect === 'sqlite' ? createSqlite(config.url) : createPostgres(config);
}

function createSqlite(url: string): DatabaseHandle {
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(path);
  // WAL with synchronous=NORMAL keeps every commit durable against a process crash while avoiding a disk
  // sync per write, which otherwise dominates the cost of a sign-in.
  sqlite.pragma('journal_mode = WAL');
  if (path !== ':memory:') keepPrivate(path);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = ${SQLITE_CACHE_SIZE}`);
  const group = createGroupCommit(sqlite, BUSY_TIMEOUT_MS);
  const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(group) });
  const ping = async () => {
    sqlite.prepare('select 1').get();
  };
  return {
    db,
    dialect: 'sqlite',
    supportsSkipLocked: false,
    sqlite: withStatementCache(sqlite),
    group,
    poolStats: () => null,
    ping,
    // One connection serves everything on SQLite; there is no pool to stand outside of.
    probe: { db, dialect: 'sqlite', ping },
    close: () => db.destroy(),
  };
}

/**
 * The database holds every user's number and session: readable by its owner only. The CLI's umask makes new
 * files so already; this also tightens a database an earlier version left readable to all (0644). SQLite
 * gives a -wal or -shm it creates later the mode of the database file, so those follow. Best effort: a file
 * owned by another user cannot be changed, and that is no reason to refuse to start.
 */
function keepPrivate(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch {
      // missing (no -shm yet) or not ours
    }
  }
}

function createPostgres(config: Config['database']): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    // A database that is down or unreachable must turn into a 503 within two seconds, not a hung request.
    connectionTimeoutMillis: 1500,
    query_timeout: 1800,
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', () => {});
  // A client that is checked out (inside a transaction, between statements) emits 'error' on itself, which
  // the pool does not listen to then. Its queries are already rejected, and the pool drops a client in that
  // state when it is released; the event itself must not end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new WorkingSchemaPostgresDialect({ pool }) });
  const probePool = new pg.Pool({
    connectionString: config.url,
    max: 1,
    connectionTimeoutMillis: 1500,
    query_timeout: 1800,
    idleTimeoutMillis: 60_000,
  });
  probePool.on('error', () => {});
  probePool.on('connect', (client) => client.on('error', () => {}));
  const probeDb = new Kysely<Database>({ dialect: new WorkingSchemaPostgresDialect({ pool: probePool }) });
  return {
    db,
    probe: {
      db: probeDb,
      dialect: 'postgres',
      pool: probePool,
      async ping() {
        await probePool.query('select 1');
      },
    },
    dialect: 'postgres',
    supportsSkipLocked: true,
    pool,
    forMigrations() {
      const own = new pg.Pool({ connectionString: config.url, max: 1, connectionTimeoutMillis: 1500 });
      own.on('error', () => {});
      const migrating = new Kysely<Database>({ dialect: new WorkingSchemaPostgresDialect({ pool: own }) });
      return { db: migrating, close: () => migrating.destroy() };
    },
    poolStats: () => ({
      size: config.poolSize,
      open: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only once it has run a query on it; the rate limiter may have been its only user.
      if (!pool.ending) await pool.end();
      await probeDb.destroy();
      if (!probePool.ending) await probePool.end();
    },
  };
}
