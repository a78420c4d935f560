import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Decision, RateLimiter, RateRule } from './limiter.ts';
import { consumeInTurn } from './take-all.ts';

const REFUND_MARGIN_MS = 250;

/** Adds counts to keys, stretching a key's expiry to the later of its own and the one given. */
const CARRY_SCRIPT = `
for i, key in ipairs(KEYS) do
  local points = tonumber(ARGV[2 * i - 1])
  local ttl = tonumber(ARGV[2 * i])
  redis.call('incrby', key, points)
  if redis.call('pttl', key) < ttl then redis.call('pexpire', key, ttl) end
end
return #KEYS`;

/** A count taken in the database while Redis was away: the row's key (`<rule>:<key>`), points, window end. */
export interface Carried {
  readonly key: string;
  readonly points: number;
  readonly expire: number;
}

export interface RedisStore extends RateLimiter {
  /** Adds counts taken elsewhere to the Redis counters of the same keys. Rejects if Redis does not answer. */
  carry(rows: readonly Carried[], now: number): Promise<void>;
}

/**
 * rate-limiter-flexible's Redis store (its Lua script is the atomic fixed window), without its insurance:
 * a Redis failure rejects, and `failover.ts` decides where to count instead. Keys are
 * `<prefix>rl:<rule>:<key>`, so a database row's key (`<rule>:<key>`) names its Redis counter.
 */
export function createRedisStore(redis: Redis, keyPrefix: string): RedisStore {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (rule: RateRule): RateLimiterAbstract => {
    const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        points: rule.points,
        duration: rule.durationSeconds,
        keyPrefix: `${keyPrefix}rl:${rule.name}`,
        storeClient: redis,
        rejectIfRedisNotReady: true,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  const store: RedisStore = {
    store: 'redis',
    degraded: false,
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
    consumeAll: (charges) => consumeInTurn(store.consume, store.refund, charges),
    async carry(rows, now) {
      const live = rows.filter((row) => row.expire > now && row.points > 0);
      if (live.length === 0) return;
      const keys = live.map((row) => `${keyPrefix}rl:${row.key}`);
      const args = live.flatMap((row) => [row.points, row.expire - now]);
      await redis.eval(CARRY_SCRIPT, keys.length, ...keys, ...args);
    },
    async close() {
      redis.disconnect();
    },
  };
  return store;
}
