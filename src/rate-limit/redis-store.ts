import type { Redis } from 'ioredis';
import type { AllDecision, Charge, Decision, RateLimiter, RateRule } from './limiter.ts';
import { redisRulePrefix } from './redis-keys.ts';
import { counterBatch } from './redis-batch.ts';
import { carryScript } from './redis-scripts.ts';
import { consumeThenWrite, writeThenRefund } from './take-all.ts';

const REFUND_MARGIN_MS = 250;

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
 * Fixed-window counters in Redis, every charge of a request taken all or none in one script call, and the
 * calls of the requests that reach the counters in the same turn of the event loop sent together
 * (redis-batch.ts): under load, a few round trips for a hundred requests' limits and give-backs.
 * rate-limiter-flexible's Redis store counts one key per call, and a request's limits must be taken all or
 * none, so its calls went one after another with give-backs on a refusal: eight round trips per code
 * request. The keys are the ones that store used, `<prefix>rl:<rule>:<key>`, so a database row's key
 * (`<rule>:<key>`) names its Redis counter. A Redis failure rejects, and `failover.ts` decides where to count instead.
 */
export function createRedisStore(redis: Redis, keyPrefix: string): RedisStore {
  const batch = counterBatch(redis);
  const carry = carryScript(redis);
  const counter = (rule: RateRule, key: string) => `${redisRulePrefix(keyPrefix, rule)}:${key}`;

  async function take(charges: readonly Charge[], cost: number): Promise<AllDecision> {
    const args = charges.flatMap(([rule]) => [cost, rule.points, rule.durationSeconds * 1000]);
    const answer = await batch.take(
      charges.map(([rule, key]) => counter(rule, key)),
      args,
    );
    const now = Date.now();
    if (answer[0] !== 1) {
      const [, index = 1, ttl = -1] = answer;
      const rule = charges[index - 1]![0];
      // A counter with no room that has no expiry (-1) or no value (-2, a cost above the limit): a window.
      const waitMs = ttl > 0 ? ttl : rule.durationSeconds * 1000;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), rule };
    }
    const taken = charges.map(([rule, key], i) => ({ rule, key, cost, windowEndsAt: now + answer[i + 1]! }));
    return { allowed: true, taken };
  }

  const store: RedisStore = {
    store: 'redis',
    degraded: false,
    async consume(rule, key, cost = 1): Promise<Decision> {
      const decision = await take([[rule, key]], cost);
      return decision.allowed ? { allowed: true, taken: decision.taken[0]! } : decision;
    },
    consumeAll: (charges) => take(charges, 1),
    consumeAllWith: (charges, write) => consumeThenWrite(store, charges, write),
    refundAllWith: (taken, write) => writeThenRefund(store, taken, write),
    refund: (taken) => store.refundAll([taken]),
    async refundAll(taken) {
      // The margin covers the time between this check and the script's run; within it the points stay
      // spent, which errs towards the limit.
      const now = Date.now();
      const live = taken.filter((t) => now < t.windowEndsAt - REFUND_MARGIN_MS);
      if (live.length === 0) return;
      await batch.giveBack(
        live.map((t) => counter(t.rule, t.key)),
        live.map((t) => t.cost),
      );
    },
    async reset(rule, key) {
      await redis.del(counter(rule, key));
    },
    async carry(rows, now) {
      const live = rows.filter((row) => row.expire > now && row.points > 0);
      if (live.length === 0) return;
      await carry(
        live.map((row) => `${keyPrefix}rl:${row.key}`),
        live.flatMap((row) => [row.points, row.expire - now]),
      );
    },
    async close() {
      redis.disconnect();
    },
  };
  return store;
}
