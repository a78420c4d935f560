import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { DatabaseHandle } from '../db/index.ts';
import { StartupError } from '../server-errors.ts';
import { createDatabaseLimiter } from './database-store.ts';
import type { Charge } from './limiter.ts';
import { redisRulePrefix } from './redis-keys.ts';

const REDIS_CONNECT_TIMEOUT_MS = 2000;

export interface ResetTarget {
  readonly database: DatabaseHandle;
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
}

/**
 * Forgets the counters `charges` name, in the database (the store without Redis, and Redis's insurance,
 * whose rows have the same keys) and, when REDIS_URL is set, in Redis. Redis that cannot be reached is a
 * StartupError naming REDIS_URL and its host, thrown after the database's counters are cleared: unlike the
 * service, which counts in the database while Redis is away, a reset that silently missed Redis would leave
 * the user locked out while saying otherwise.
 */
export async function resetCounters(target: ResetTarget, charges: readonly Charge[]): Promise<void> {
  const database = createDatabaseLimiter(target.database);
  for (const [rule, key] of charges) await database.reset(rule, key);
  if (!target.redisUrl) return;

  const redis = new Redis(target.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with "Connection is closed."; the reason is in the error event before it.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    try {
      await redis.connect();
    } catch (error) {
      throw new StartupError(
        `REDIS_URL: cannot reach Redis at ${redisHost(target.redisUrl)} (${(lastError ?? (error as Error)).message}); the database's counters were cleared, Redis's were not`,
      );
    }
    for (const [rule, key] of charges) {
      // No insurance store here: a failed delete must fail, not quietly go to the database instead.
      const limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: redisRulePrefix(target.redisKeyPrefix, rule),
        points: rule.points,
        duration: rule.durationSeconds,
      });
      await limiter.delete(key);
    }
  } finally {
    redis.disconnect();
  }
}

function redisHost(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return `${hostname || 'localhost'}:${port || '6379'}`;
  } catch {
    return 'an unparsable host';
  }
}
