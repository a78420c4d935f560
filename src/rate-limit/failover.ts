import type { Redis } from 'ioredis';
import type { AllDecision, RateLimiter, Taken } from './limiter.ts';
import type { OutageBoard } from './outage.ts';
import type { RedisStore } from './redis-store.ts';

/** How often each instance asks Redis (PING) and the database (the outage marker) how things stand. */
export const CHECK_INTERVAL_MS = 1000;
/** How long one report of an outage holds every instance on the database; refreshed at each check. */
export const OUTAGE_LEASE_MS = 3000;
/**
 * How long the first charges of a starting instance wait for its first Redis connection (a refused one
 * ends the wait at once). Counting in the database meanwhile would split the counts from the instances
 * already on Redis.
 */
const FIRST_CONNECT_MS = 3000;
/**
 * How long after it counts in Redis again an instance still moves what others count in the database: they
 * follow within a check or two (each instance checks every second), and each moves its own counts itself
 * before it switches. After that there is nothing new to move, and no reason to read the table every second.
 */
const LATE_COUNTS_MS = 10_000;

export interface FailoverLog {
  warn(fields: object, message: string): void;
}

export interface FailoverOptions {
  readonly redis: Redis;
  readonly redisStore: RedisStore;
  readonly databaseStore: RateLimiter;
  readonly board: OutageBoard;
  readonly log: FailoverLog;
}

type State = 'starting' | 'redis' | 'database';

/**
 * Counts in Redis while every instance reaches it, and in the database (our own store) while any does not,
 * so that all instances always count in one place. An instance that sees a Redis command fail or time out
 * switches at once and writes the outage marker (`outage.ts`); the others follow at their next check. When
 * Redis answers again and the marker has lapsed (no instance renewed it for OUTAGE_LEASE_MS), each instance
 * moves the counts taken in the database into Redis before it counts there again, so they still count.
 * Each change of state is one `warn` line.
 */
export function withFailover({ redis, redisStore, databaseStore, board, log }: FailoverOptions): RateLimiter {
  let state: State = 'starting';
  let inRedisSince = 0;
  /** What was taken in Redis; everything else came from the database. A refund goes where its points went. */
  const takenInRedis = new WeakSet<Taken>();

  // Closing disconnects Redis, which fails the checks still under way: that is no outage to report.
  let closing = false;
  const enter = (next: State, fields: object) => {
    const previous = state;
    if (previous === next || closing) return;
    state = next;
    if (next === 'redis') inRedisSince = Date.now();
    if (next === 'database') log.warn(fields, 'rate limits: Redis unavailable, counting in the database');
    else if (previous === 'database') log.warn(fields, 'rate limits: Redis is back, counting in Redis again');
  };

  /**
   * A command that failed may or may not have been counted by Redis; the caller counts it again in the
   * database. Counting it twice errs towards the limit, never past it.
   */
  const redisFailed = async (error: unknown) => {
    failures += 1;
    if (state !== 'redis') return;
    enter('database', { reason: 'command failed', error: (error as Error).message });
    await board.report(OUTAGE_LEASE_MS).catch(() => {});
  };

  /** Redis failures seen by requests; a check that overlapped one does not switch back to Redis. */
  let failures = 0;
  let checking: Promise<void> | undefined;
  const check = () => (checking ??= checkNow().finally(() => (checking = undefined)));
  async function checkNow(): Promise<void> {
    const now = Date.now();
    const failuresBefore = failures;
    const ping = () =>
      redis.ping().then(
        () => true,
        () => false,
      );
    // A ping that timed out while this process was busy (a start's synchronous SQLite migrations can hold
    // the event loop past the command timeout) says nothing about Redis: a second one does.
    const answers = (await ping()) || (await ping());
    if (!answers) await board.report(OUTAGE_LEASE_MS).catch(() => {});
    // A marker that cannot be read counts as reported: the safe side is the database, which all can see.
    const reported = await board.reported().catch(() => true);
    if (!answers) return enter('database', { reason: 'Redis does not answer' });
    if (reported) return enter('database', { reason: 'an instance reported Redis unreachable' });
    if (state === 'redis' && Date.now() - inRedisSince > LATE_COUNTS_MS) return;
    // Counts taken in the database go into Redis before this instance counts there; while another
    // instance has not switched back yet, this also sweeps up what it counts meanwhile.
    const carried = await carryCounts(now);
    if (carried === undefined) return enter('database', { reason: 'Redis does not answer' });
    if (failures !== failuresBefore) return;
    enter('redis', { carried_counts: carried });
  }

  async function carryCounts(now: number): Promise<number | undefined> {
    const rows = await board.takeCounts().catch(() => []);
    try {
      await redisStore.carry(rows, now);
      return rows.length;
    } catch {
      await board.putBack(rows).catch(() => {});
      return undefined;
    }
  }

  const started = whenConnected(redis, FIRST_CONNECT_MS).then(check);
  const timer = setInterval(check, CHECK_INTERVAL_MS);
  timer.unref();
  // A reconnect is checked at once, not at the next tick.
  redis.on('ready', () => void check());

  const limiter: RateLimiter = {
    get store() {
      return state === 'redis' ? 'redis' : 'database';
    },
    get degraded() {
      return state !== 'redis';
    },
    async consume(rule, key, cost) {
      await started;
      if (state === 'redis') {
        try {
          const decision = await redisStore.consume(rule, key, cost);
          if (decision.allowed) takenInRedis.add(decision.taken);
          return decision;
        } catch (error) {
          await redisFailed(error);
        }
      }
      return databaseStore.consume(rule, key, cost);
    },
    async consumeAll(charges) {
      await started;
      if (state === 'redis') {
        try {
          const decision = await redisStore.consumeAll(charges);
          if (decision.allowed) for (const taken of decision.taken) takenInRedis.add(taken);
          return decision;
        } catch (error) {
          // Charges already taken in Redis stay taken: the safe side.
          await redisFailed(error);
        }
      }
      return databaseStore.consumeAll(charges);
    },
    async consumeAllWith(charges, write) {
      await started;
      if (state === 'redis') {
        let decision: AllDecision | undefined;
        try {
          decision = await redisStore.consumeAll(charges);
          if (decision.allowed) for (const taken of decision.taken) takenInRedis.add(taken);
        } catch (error) {
          await redisFailed(error);
        }
        if (decision) return decision.allowed ? { decision, value: (await write(undefined)).value } : { decision };
      }
      return databaseStore.consumeAllWith(charges, write);
    },
    async refundAllWith(taken, write) {
      const inRedis = taken.filter((t) => takenInRedis.has(t));
      const value = await databaseStore.refundAllWith(
        taken.filter((t) => !takenInRedis.has(t)),
        write,
      );
      if (inRedis.length > 0) await redisStore.refundAll(inRedis).catch(redisFailed);
      return value;
    },
    async refund(taken) {
      if (!takenInRedis.has(taken)) return databaseStore.refund(taken);
      // A refund that does not reach Redis leaves the points spent, which errs towards the limit.
      await redisStore.refund(taken).catch(redisFailed);
    },
    async refundAll(taken) {
      const inRedis = taken.filter((t) => takenInRedis.has(t));
      const inDatabase = taken.filter((t) => !takenInRedis.has(t));
      await Promise.all([
        inDatabase.length > 0 ? databaseStore.refundAll(inDatabase) : undefined,
        inRedis.length > 0 ? redisStore.refundAll(inRedis).catch(redisFailed) : undefined,
      ]);
    },
    async reset(rule, key) {
      await started;
      if (state === 'redis') {
        try {
          return await redisStore.reset(rule, key);
        } catch (error) {
          await redisFailed(error);
        }
      }
      await databaseStore.reset(rule, key);
    },
    async close() {
      closing = true;
      clearInterval(timer);
      await checking?.catch(() => {});
      redis.disconnect();
    },
  };
  return limiter;
}

/** Resolves when the client is connected, has failed to connect, or after `timeoutMs`. */
function whenConnected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done).off('error', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done).once('error', done);
  });
}
