import { Redis } from 'ioredis';
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { DatabaseHandle } from '../db/index.ts';
import { createDatabaseLimiter } from './database-store.ts';
import type { Decision, RateLimiter, RateRule } from './limiter.ts';
import { redisRulePrefix } from './redis-keys.ts';
import { consumeInTurn } from './take-all.ts';

const REFUND_MARGIN_MS = 250;

export interface RateLimiterOptions {
  readonly database: DatabaseHandle;
  readonly redisUrl?: string | undefined;
  readonly redisKeyPrefix: string;
}

/**
 * Counters in Redis when it is configured, otherwise in the `rate_limits` table (our own store: all of a
 * request's limits in one upsert, see the README's performance section). With Redis, rate-limiter-flexible's
 * database store is its insurance: if Redis stops answering, limits go on being enforced from the database
 * instead of failing open (ASVS 5.0 16.5.3).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  return options.redisUrl ? createRedisLimiter(options, options.redisUrl) : createDatabaseLimiter(options.database);
}

function createRedisLimiter(options: RateLimiterOptions, redisUrl: string): RateLimiter {
  const redis = new Redis(redisUrl, {
    // Fail fast when Redis is away so the insurance store answers instead of requests queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
    lazyConnect: false,
  });
  redis.on('error', () => {});
  const limiters = new Map<string, RateLimiterAbstract>();

  const limiterFor = (rule: RateRule): RateLimiterAbstract => {
    const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      const base = { points: rule.points, duration: rule.durationSeconds, keyPrefix: rule.name };
      const sql = sqlLimiter(options.database, base);
      limiter = new RateLimiterRedis({
        ...base,
        keyPrefix: redisRulePrefix(options.redisKeyPrefix, rule),
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: sql,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  const limiter: RateLimiter = {
    store: 'redis',
    async consume(rule, key, cost = 1): Promise<Decision> {
      const limiter = limiterFor(rule);
      try {
        const result = await limiter.consume(key, cost);
        return { allowed: true, taken: { rule, key, cost, windowEndsAt: Date.now() + result.msBeforeNext } };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // The store added the points even though it said no; take them back so that the count is the
        // number of allowed actions and a later refund frees exactly what it should.
        await limiter.reward(key, cost);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
    async refund(taken) {
      // The margin covers the time between this check and the store's write; within it the points stay
      // spent, which errs towards the limit.
      if (Date.now() >= taken.windowEndsAt - REFUND_MARGIN_MS) return;
      await limiterFor(taken.rule).reward(taken.key, taken.cost);
    },
    async reset(rule, key) {
      await limiterFor(rule).delete(key);
    },
    // Each Redis call is its own script; the charges go one at a time, with give-backs on a refusal.
    consumeAll: (charges) => consumeInTurn(limiter.consume, limiter.refund, charges),
    async close() {
      redis.disconnect();
    },
  };
  return limiter;
}

function sqlLimiter(database: DatabaseHandle, base: { points: number; duration: number; keyPrefix: string }) {
  const common = { ...base, tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false };
  if (database.sqlite)
    return new RateLimiterSQLite({ ...common, storeClient: database.sqlite, storeType: 'better-sqlite3' });
  if (database.pool)
    return new RateLimiterPostgres({ ...common, storeClient: database.pool, storeType: 'pool' } as never);
  throw new Error('rate limiter: the database handle has no client');
}
