import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { GroupCommit } from '../db/group-commit.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Database } from '../db/types.ts';
import type { AllDecision, RateLimiter, RateRule } from './limiter.ts';

interface Item {
  readonly rule: RateRule;
  readonly key: string;
  /** The row's key: the rule's name and the key; `<REDIS_KEY_PREFIX>rl:<id>` names the same counter in Redis. */
  readonly id: string;
  readonly cost: number;
}

interface Row {
  readonly key: string;
  readonly points: number;
  readonly expire: number;
}

/** What each dialect runs; `accept` sees the counts after the upsert and, returning false, rolls it back. */
interface Counters {
  add(items: readonly Item[], now: number, accept: (rows: readonly Row[]) => boolean): Promise<void>;
  subtract(id: string, cost: number, windowEndsAt: number): Promise<void>;
  remove(id: string): Promise<void>;
}

const ROLLBACK = Symbol('rollback');

/**
 * Fixed windows in the `rate_limits` table, every charge of a request in one transaction and one upsert:
 * `points` is the count of the window that ends at `expire`, and a row whose window has ended starts a new
 * one. Row locks (PostgreSQL) or the single writer (SQLite) make each count atomic across instances; a
 * refused set of charges is rolled back, so it leaves every counter as it was.
 */
export function createDatabaseLimiter(database: DatabaseHandle): RateLimiter {
  const counters = database.group ? sqliteCounters(database.group) : kyselyCounters(database.db);

  async function take(items: readonly Item[]): Promise<AllDecision> {
    if (new Set(items.map((i) => i.id)).size !== items.length) throw new Error('rate limiter: a key charged twice');
    const now = Date.now();
    const ends = new Map<string, number>();
    let refused: { rule: RateRule; expire: number } | undefined;
    await counters.add(items, now, (rows) => {
      for (const row of rows) ends.set(row.key, Number(row.expire));
      const counts = new Map(rows.map((r) => [r.key, Number(r.points)]));
      const over = items.find((i) => (counts.get(i.id) ?? Infinity) > i.rule.points);
      if (over) refused = { rule: over.rule, expire: ends.get(over.id) ?? now };
      return refused === undefined;
    });
    if (refused) {
      const retryAfterSeconds = Math.max(1, Math.ceil((refused.expire - now) / 1000));
      return { allowed: false, retryAfterSeconds, rule: refused.rule };
    }
    const taken = items.map(({ rule, key, id, cost }) => ({ rule, key, cost, windowEndsAt: ends.get(id)! }));
    return { allowed: true, taken };
  }

  return {
    store: 'database',
    degraded: false,
    async consume(rule, key, cost = 1) {
      const decision = await take([{ rule, key, id: `${rule.name}:${key}`, cost }]);
      return decision.allowed ? { allowed: true, taken: decision.taken[0]! } : decision;
    },
    consumeAll: (charges) => take(charges.map(([rule, key]) => ({ rule, key, id: `${rule.name}:${key}`, cost: 1 }))),
    // Only the window the points came from gets them back: `expire` names it exactly, so a refund that
    // arrives after the window ended finds no row to change.
    refund: (taken) => counters.subtract(`${taken.rule.name}:${taken.key}`, taken.cost, taken.windowEndsAt),
    reset: (rule, key) => counters.remove(`${rule.name}:${key}`),
    async close() {},
  };
}

/** The upsert for `count` rows; `rate_limits.` names the stored row, `excluded.` the new one. */
function upsertText(count: number, param: (i: number) => string): string {
  const values = Array.from({ length: count }, (_, i) => `(${param(3 * i)}, ${param(3 * i + 1)}, ${param(3 * i + 2)})`);
  // `now` twice: SQLite's anonymous parameters cannot be named twice.
  return `insert into rate_limits (key, points, expire) values ${values.join(', ')}
    on conflict (key) do update set
      points = case when rate_limits.expire > ${param(3 * count)} then rate_limits.points + excluded.points else excluded.points end,
      expire = case when rate_limits.expire > ${param(3 * count + 1)} then rate_limits.expire else excluded.expire end
    returning key, points, expire`;
}

function upsertParams(items: readonly Item[], now: number): unknown[] {
  return [...items.flatMap((i) => [i.id, i.cost, now + i.rule.durationSeconds * 1000]), now, now];
}

const SUBTRACT = 'update rate_limits set points = points - ? where key = ? and expire = ? and points >= ?';

/**
 * better-sqlite3 directly, one synchronous unit per request in the connection's group commit: the upsert in
 * a savepoint of the group, so a refused set of charges is rolled back alone.
 */
function sqliteCounters(group: GroupCommit): Counters {
  const sqlite = group.connection;
  // One statement per number of charges, found by that number: building its text on every call to look
  // it up in the statement cache showed in the profile.
  const upserts = new Map<number, SqliteDatabase.Statement>();
  const upsert = (count: number) => {
    let statement = upserts.get(count);
    if (!statement) upserts.set(count, (statement = sqlite.prepare(upsertText(count, () => '?'))));
    return statement;
  };
  const subtract = sqlite.prepare(SUBTRACT);
  const remove = sqlite.prepare('delete from rate_limits where key = ?');
  const addAll = sqlite.transaction(
    (items: readonly Item[], now: number, accept: (rows: readonly Row[]) => boolean) => {
      if (!accept(upsert(items.length).all(...upsertParams(items, now)) as Row[])) throw ROLLBACK;
    },
  );
  return {
    async add(items, now, accept) {
      await group.run(() => {
        try {
          addAll(items, now, accept);
        } catch (error) {
          if (error !== ROLLBACK) throw error;
        }
      });
    },
    async subtract(id, cost, windowEndsAt) {
      await group.run(() => subtract.run(cost, id, windowEndsAt, cost));
    },
    async remove(id) {
      await group.run(() => remove.run(id));
    },
  };
}

/** PostgreSQL through Kysely: the upsert and its commit (or rollback) in one transaction. */
function kyselyCounters(db: Kysely<Database>): Counters {
  return {
    async add(unsorted, now, accept) {
      // Rows are locked in the order of the VALUES list; one global order means two requests never wait
      // on each other's locks in a circle.
      const items = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const params = upsertParams(items, now);
      const text = upsertText(items.length, (i) => `$${i + 1}`);
      await db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await trx.executeQuery<Row>(CompiledQuery.raw(text, params));
          if (!accept(rows)) throw ROLLBACK;
        })
        .catch((error: unknown) => {
          if (error !== ROLLBACK) throw error;
        });
    },
    async subtract(id, cost, windowEndsAt) {
      await sql`update rate_limits set points = points - ${cost}
        where key = ${id} and expire = ${windowEndsAt} and points >= ${cost}`.execute(db);
    },
    async remove(id) {
      await db.deleteFrom('rate_limits').where('key', '=', id).execute();
    },
  };
}
