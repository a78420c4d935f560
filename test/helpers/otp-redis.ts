import { Redis } from 'ioredis';
import type { TestApp } from './app.ts';
import { phoneLimitKey, requestCode, sleep } from './otp-flow.ts';

/** The keys under `prefix` in the Redis at `url`, for tests that check where counters went. */
export async function redisKeys(url: string, prefix: string): Promise<Map<string, string | null>> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    const values = keys.length ? await redis.mget(keys) : [];
    return new Map(keys.map((key, i) => [key, values[i] ?? null]));
  } finally {
    redis.disconnect();
  }
}

/** Removes what a test left under its own prefix (hourly and daily counters outlive the test). */
export async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const keys = [...(await redisKeys(url, prefix)).keys()];
  if (keys.length === 0) return;
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/**
 * Waits until `t` counts in Redis. The service connects to Redis in the background and, until the
 * connection is ready, holds its first charges (and counts in the database if Redis does not come); a test of Redis counters must not
 * start inside that window. Each probe is a code request for a number of its own (`+98919<base+i>`),
 * so probes counted in the database leave nothing that the test's own numbers could collide with.
 */
export async function untilCountingInRedis(t: TestApp, url: string, base: number): Promise<void> {
  const prefix = t.config.redis.keyPrefix;
  // Time-bound rather than count-bound: on a loaded machine the connection can take seconds. Each probe comes
  // from an address of its own, so that probes never run into the per-address limit themselves.
  const deadline = Date.now() + 20_000;
  for (let i = 0; Date.now() < deadline; i++) {
    const probe = `+98919${String(base + i).padStart(7, '0')}`;
    await requestCode(t, probe, { ip: `192.0.2.${(i % 250) + 1}` });
    if ((await redisKeys(url, `${prefix}rl:otp-resend:login:${phoneLimitKey(t, probe)}`)).size > 0) return;
    await sleep(50);
  }
  throw new Error('the service never started counting in Redis');
}
