import { randomBytes } from 'node:crypto';
import { connectPostgres, type PostgresAdmin } from './postgres.ts';
import { connectRedis, type RedisAdmin } from './redis.ts';
import type { CounterReading, StoreCounters } from './scenarios.ts';
import { runCli } from './server.ts';

export const STORES = ['sqlite', 'postgres', 'postgres+redis'] as const;
export type StoreName = (typeof STORES)[number];

export interface Backends {
  readonly stores: readonly StoreName[];
  readonly postgres?: PostgresAdmin;
  readonly redis?: RedisAdmin;
  /** Why fewer stores than all three run, when BENCH_STORES did not say. */
  readonly note?: string;
}

/** The URL without its password, for messages. */
const shown = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * The stores of BENCH_STORES (all three when unset and PostgreSQL answers, else SQLite alone), with the
 * bench's connections to PostgreSQL and Redis when a store needs them. A store that was asked for and is
 * not reachable is an error; one that was not asked for is left out with a note.
 */
export async function chooseStores(
  databaseUrl: string,
  redisUrl: string,
  asked: string | undefined,
): Promise<Backends> {
  const named = asked?.trim() ? asked.split(',').map((name) => name.trim()) : undefined;
  for (const name of named ?? []) {
    if (!(STORES as readonly string[]).includes(name))
      throw new Error(`BENCH_STORES: unknown store "${name}" (use ${STORES.join(', ')})`);
  }
  const wanted = (named ?? STORES) as readonly StoreName[];
  if (!wanted.some((name) => name !== 'sqlite')) return { stores: wanted };

  const postgres = await connectPostgres(databaseUrl).catch((error: Error) => {
    if (named) throw new Error(`PostgreSQL at ${shown(databaseUrl)} (BENCH_DATABASE_URL): ${error.message}`);
    return undefined;
  });
  if (!postgres) {
    return {
      stores: ['sqlite'],
      note: `PostgreSQL does not answer at ${shown(databaseUrl)} (BENCH_DATABASE_URL): SQLite alone`,
    };
  }
  if (!wanted.includes('postgres+redis')) return { stores: wanted, postgres };
  const redis = await connectRedis(redisUrl).catch(async (error: Error) => {
    if (!named) return undefined;
    await postgres.close(); // an open connection would keep the process from exiting
    throw new Error(`Redis at ${shown(redisUrl)} (BENCH_REDIS_URL): ${error.message}`);
  });
  if (!redis) {
    return {
      stores: wanted.filter((name) => name !== 'postgres+redis'),
      postgres,
      note: `Redis does not answer at ${shown(redisUrl)} (BENCH_REDIS_URL): no postgres+redis`,
    };
  }
  return { stores: wanted, postgres, redis };
}

export interface PreparedStore {
  readonly name: StoreName;
  /** What the server child and the CLI get as DATABASE_URL. */
  readonly databaseUrl: string;
  /** The child's environment for this store, shared by every instance of the store run. */
  readonly env: NodeJS.ProcessEnv;
  readonly counters?: StoreCounters;
  /** Drops the database and deletes the Redis keys; says what it removed. Safe to call twice. */
  dispose(): Promise<string>;
}

/**
 * A fresh database `otpgate_bench_<pid>_<store>` migrated by `otpgate migrate` as an operator would (the
 * server migrates SQLite itself, but on PostgreSQL it only checks the schema), and for Redis a key prefix
 * of this run's own. `dispose` is put into `undo` before anything is created, so that Ctrl-C during the
 * preparation removes it too.
 */
export async function prepareStore(
  name: StoreName,
  backends: Backends,
  where: { root: string; dataDir: string },
  undo: Set<() => Promise<unknown>>,
): Promise<PreparedStore> {
  const secret = { AUTH_SECRET: randomBytes(36).toString('base64url') };
  if (name === 'sqlite') {
    const databaseUrl = `sqlite:${where.dataDir}/bench.db`;
    return { name, databaseUrl, env: { ...secret, DATABASE_URL: databaseUrl }, dispose: async () => '' };
  }
  const { postgres, redis } = backends;
  if (!postgres || (name === 'postgres+redis' && !redis)) throw new Error(`${name}: not connected`);
  const database = `otpgate_bench_${process.pid}_${name.replace('+', '_')}`;
  const prefix = `otpgate_bench_${process.pid}_${randomBytes(4).toString('hex')}:`;
  let disposed: Promise<string> | undefined;
  const dispose = () => {
    disposed ??= (async () => {
      undo.delete(dispose);
      await postgres.dropDatabase(database);
      const keys = name === 'postgres+redis' ? await redis!.deleteKeys(prefix) : null;
      return `dropped database ${database}${keys === null ? '' : `, deleted ${keys} Redis keys under ${prefix}`}`;
    })();
    return disposed;
  };
  undo.add(dispose);
  await postgres.createDatabase(database);
  const databaseUrl = postgres.urlOf(database);
  runCli(where.root, where.dataDir, { DATABASE_URL: databaseUrl }, ['migrate']);
  const env: NodeJS.ProcessEnv = { ...secret, DATABASE_URL: databaseUrl };
  // Redis first: its reading is immediate, PostgreSQL's waits ten seconds in which others may use Redis.
  const counters = [postgres.counters(database)];
  if (name === 'postgres+redis') {
    Object.assign(env, { REDIS_URL: redis!.url, REDIS_KEY_PREFIX: prefix });
    counters.unshift(redis!.counters());
  }
  return { name, databaseUrl, env, counters: combined(counters), dispose };
}

/** Several stores' counters as one: each reading holds all of theirs. */
function combined(counters: readonly StoreCounters[]): StoreCounters {
  return {
    async analyze() {
      for (const counter of counters) await counter.analyze?.();
    },
    async read() {
      const readings: CounterReading[] = [];
      for (const counter of counters) readings.push(await counter.read());
      const merge = (pick: (reading: CounterReading) => Readonly<Record<string, number>> | undefined) =>
        Object.assign({}, ...readings.map(pick)) as Record<string, number>;
      return {
        totals: merge((r) => r.totals),
        gauges: merge((r) => r.gauges),
        ownCommands: merge((r) => r.ownCommands),
        at: Math.max(...readings.map((r) => r.at)),
      };
    },
  };
}
