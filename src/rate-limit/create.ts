import { Redis } from 'ioredis';
import type { DatabaseHandle } from '../db/index.ts';
import { describeConnectionError } from '../errors/connection.ts';
import { createDatabaseLimiter } from './database-store.ts';
import { withFailover, type FailoverLog } from './failover.ts';
import type { RateLimiter } from './limiter.ts';
import { outageBoard } from './outage.ts';
import { createRedisStore } from './redis-store.ts';

export interface RateLimiterOptions {
  readonly database: DatabaseHandle;
  readonly redisUrl?: string | undefined;
  readonly redisKeyPrefix: string;
  /** Where a change between Redis and the database is reported (one `warn` line each), and why Redis failed. */
  readonly log?: FailoverLog;
}

const SILENT: FailoverLog = { warn() {} };

/**
 * Counters in Redis when it is configured, otherwise in the `rate_limits` table (our own store: all of a
 * request's limits in one upsert, see the README's performance section). With Redis, the database store
 * takes over while any instance cannot reach Redis, instead of failing open (ASVS 5.0 16.5.3); see
 * `failover.ts`.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const databaseStore = createDatabaseLimiter(options.database);
  if (!options.redisUrl) return databaseStore;
  const redis = new Redis(options.redisUrl, {
    // Fail fast when Redis is away: a command fails at once while disconnected, or after the timeout while
    // Redis does not answer, and the database counts instead of requests queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
    lazyConnect: false,
  });
  const log = options.log ?? SILENT;
  // ioredis emits an error on every reconnect attempt; one line per outage says where Redis was looked for
  // and why it did not answer (a wrong password looks the same to requests as a Redis that is down). The
  // failover reports the change of store itself.
  // After close, the errors are those of our own disconnect ("Stream isn't writeable"): nothing to report.
  let reported = false;
  let closing = false;
  redis.on('error', (error: unknown) => {
    if (reported || closing) return;
    reported = true;
    const line = describeConnectionError('REDIS_URL', options.redisUrl!, error);
    log.warn({}, `${line}; rate limits are counted in the database until it answers`);
  });
  redis.on('ready', () => {
    reported = false;
  });
  const limiter = withFailover({
    redis,
    redisStore: createRedisStore(redis, options.redisKeyPrefix),
    databaseStore,
    board: outageBoard(options.database),
    log,
  });
  const close = limiter.close.bind(limiter);
  limiter.close = async () => {
    closing = true;
    await close();
  };
  return limiter;
}
