import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { GroupCommit } from '../db/group-commit.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Database } from '../db/types.ts';
import type {
  AllDecision,
  Charge,
  CountRow,
  CountsPart,
  RateLimiter,
  RateRule,
  RefundPart,
  SqlPart,
  Taken,
} from './limiter.ts';
import { consumeThenWrite, writeThenRefund } from './take-all.ts';

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
  /** Gives points back to the windows they were taken from (`expire`); a window that has ended is left. */
  subtract(given: readonly Given[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** PostgreSQL: the same as parts of a caller's statement (see `RateLimiter.consumeAllWith`). */
  readonly parts?: {
    counts(items: readonly Item[], now: number): CountsPart;
    refund(given: readonly Given[]): RefundPart;
  };
}

interface Given {
  readonly id: string;
  readonly cost: number;
  readonly windowEndsAt: number;
}

const ROLLBACK = Symbol('rollback');

const itemsOf = (charges: readonly Charge[]): Item[] =>
  charges.map(([rule, key]) => ({ rule, key, id: `${rule.name}:${key}`, cost: 1 }));

/** The decision the counts after an upsert make: the first charge over its limit refuses them all. */
function decide(items: readonly Item[], rows: readonly Row[], now: number): AllDecision {
  const ends = new Map(rows.map((r) => [r.key, Number(r.expire)]));
  const counts = new Map(rows.map((r) => [r.key, Number(r.points)]));
  const over = items.find((i) => (counts.get(i.id) ?? Infinity) > i.rule.points);
  if (over) {
    const retryAfterSeconds = Math.max(1, Math.ceil(((ends.get(over.id) ?? now) - now) / 1000));
    return { allowed: false, retryAfterSeconds, rule: over.rule };
  }
  return {
    allowed: true,
    taken: items.map(({ rule, key, id, cost }) => ({ rule, key, cost, windowEndsAt: ends.get(id)! })),
  };
}

function checkDistinct(items: readonly Item[]): void {
  if (new Set(items.map((i) => i.id)).size !== items.length) throw new Error('rate limiter: a key charged twice');
}

/**
 * Fixed windows in the `rate_limits` table, every charge of a request in one upsert: `points` is the count
 * of the window that ends at `expire`, and a row whose window has ended starts a new one. Row locks
 * (PostgreSQL) or the single writer (SQLite) make each count atomic across instances; a refused set of
 * charges is undone, so it leaves every counter as it was. On PostgreSQL the counting can also be part of a
 * caller's statement (`consumeAllWith`), so a request's limits and its writes take one round trip.
 */
export function createDatabaseLimiter(database: DatabaseHandle): RateLimiter {
  const counters = database.group ? sqliteCounters(database.group) : postgresCounters(database.db);

  async function take(items: readonly Item[]): Promise<AllDecision> {
    checkDistinct(items);
    const now = Date.now();
    let decision: AllDecision | undefined;
    await counters.add(items, now, (rows) => (decision = decide(items, rows, now)).allowed);
    return decision!;
  }

  const limiter: RateLimiter = {
    store: 'database',
    degraded: false,
    async consume(rule, key, cost = 1) {
      const decision = await take([{ rule, key, id: `${rule.name}:${key}`, cost }]);
      return decision.allowed ? { allowed: true, taken: decision.taken[0]! } : decision;
    },
    consumeAll: (charges) => take(itemsOf(charges)),
    async consumeAllWith(charges, write) {
      const parts = counters.parts;
      if (!parts) return consumeThenWrite(limiter, charges, write);
      const items = itemsOf(charges);
      checkDistinct(items);
      const now = Date.now();
      const { value, counts } = await write(parts.counts(items, now));
      if (!counts) throw new Error('rate limiter: a statement given the counts did not return them');
      const decision = decide(items, counts, now);
      if (decision.allowed === (counts[0]?.refused ?? false)) {
        throw new Error('rate limiter: the database and the service disagree on a refusal');
      }
      return decision.allowed ? { decision, value } : { decision };
    },
    async refundAllWith(taken, write) {
      const parts = counters.parts;
      if (!parts || taken.length === 0) return writeThenRefund(limiter, taken, write);
      return write(parts.refund(given(taken)));
    },
    // Only the window the points came from gets them back: `expire` names it exactly, so a refund that
    // arrives after the window ended finds no row to change.
    refund: (taken) => counters.subtract(given([taken])),
    refundAll: (taken) => counters.subtract(given(taken)),
    reset: (rule, key) => counters.remove(`${rule.name}:${key}`),
    async close() {},
  };
  return limiter;
}

/** Refunds as rows to change, one per counter and window (a counter named twice gets the sum). */
function given(taken: readonly Taken[]): Given[] {
  const rows = new Map<string, Given>();
  for (const { rule, key, cost, windowEndsAt } of taken) {
    const id = `${rule.name}:${key}`;
    const same = rows.get(`${id}@${windowEndsAt}`);
    rows.set(`${id}@${windowEndsAt}`, { id, windowEndsAt, cost: cost + (same?.cost ?? 0) });
  }
  // In key order, as every statement here locks counters (see otpgate_take_counts).
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The upsert for `count` rows; `rate_limits.` names the stored row, `excluded.` the new one. */
function upsertText(count: number): string {
  const values = Array.from({ length: count }, () => '(?, ?, ?)');
  // `now` twice: SQLite's anonymous parameters cannot be named twice.
  return `insert into rate_limits (key, points, expire) values ${values.join(', ')}
    on conflict (key) do update set
      points = case when rate_limits.expire > ? then rate_limits.points + excluded.points else excluded.points end,
      expire = case when rate_limits.expire > ? then rate_limits.expire else excluded.expire end
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
    if (!statement) upserts.set(count, (statement = sqlite.prepare(upsertText(count))));
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
    async subtract(rows) {
      await group.run(() => {
        for (const { id, cost, windowEndsAt } of rows) subtract.run(cost, id, windowEndsAt, cost);
      });
    },
    async remove(id) {
      await group.run(() => remove.run(id));
    },
  };
}

/**
 * PostgreSQL: every charge in one call of `otpgate_take_counts` (migration 0010), which upserts them in key
 * order and undoes the upsert itself when one is over its limit: one statement, one round trip. The
 * decision is made here by the same rule (a count above the limit), so the two always agree.
 */
function postgresCounters(db: Kysely<Database>): Counters {
  const counts = (items: readonly Item[], now: number): SqlPart => ({
    text: (n) => `select counter as key, count as points, window_end as expire, refused
      from otpgate_take_counts($${n}::text[], $${n + 1}::integer[], $${n + 2}::integer[], $${n + 3}::bigint[], $${n + 4}::bigint)`,
    values: [
      items.map((i) => i.id),
      items.map((i) => i.cost),
      items.map((i) => i.rule.points),
      items.map((i) => now + i.rule.durationSeconds * 1000),
      now,
    ],
  });
  const refund = (given: readonly Given[]): SqlPart => ({
    text: (n) => `update rate_limits as r set points = r.points - g.cost
      from unnest($${n}::text[], $${n + 1}::integer[], $${n + 2}::bigint[]) as g(key, cost, expire)
      where r.key = g.key and r.expire = g.expire and r.points >= g.cost`,
    values: [given.map((g) => g.id), given.map((g) => g.cost), given.map((g) => g.windowEndsAt)],
  });
  const run = <R>(part: SqlPart) => db.executeQuery<R>(CompiledQuery.raw(part.text(1), [...part.values]));
  return {
    async add(items, now, accept) {
      const { rows } = await run<CountRow>(counts(items, now));
      if (accept(rows) === (rows[0]?.refused ?? false)) {
        throw new Error('rate limiter: the database and the service disagree on a refusal');
      }
    },
    async subtract(given) {
      if (given.length > 0) await run(refund(given));
    },
    async remove(id) {
      await db.deleteFrom('rate_limits').where('key', '=', id).execute();
    },
    parts: {
      counts: (items, now) => ({ counts: counts(items, now) }),
      refund: (given) => ({ refund: refund(given) }),
    },
  };
}
