import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { StoreCounters } from './scenarios.ts';

/** The bench's own connection to Redis (BENCH_REDIS_URL): reads its command counts, deletes the run's keys. */
export interface RedisAdmin {
  /** What the server child is given as REDIS_URL. */
  readonly url: string;
  counters(): StoreCounters;
  /** Deletes the keys under `prefix`, and only those (SCAN, then DEL). */
  deleteKeys(prefix: string): Promise<number>;
  close(): Promise<void>;
}

export async function connectRedis(url: string): Promise<RedisAdmin> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // connect() and each command reject with it
  await redis.connect();
  return {
    url,
    counters: () => ({
      async read() {
        // One INFO per reading, so that the next reading's totals hold exactly one command of the bench's own.
        const info = await redis.info('all');
        const at = performance.now();
        const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
        const totals: Record<string, number> = { 'redis commands': field('total_commands_processed') };
        for (const [, command, calls] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
          totals[`redis ${command}`] = Number(calls);
        }
        return { totals, gauges: {}, ownCommands: { 'redis commands': 1, 'redis info': 1 }, at };
      },
    }),
    async deleteKeys(prefix) {
      const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      let deleted = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      return deleted;
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
