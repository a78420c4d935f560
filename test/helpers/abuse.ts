import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { redisUrl } from './backends.ts';
import type { DatabaseBackend } from './backends.ts';
import { requestCode, sleep, verifyCode, type Answer } from './otp-flow.ts';
import { redisKeys } from './otp-redis.ts';
import { providerStates } from './sms-fakes.ts';

/** PostgreSQL runs with Redis counters when TEST_REDIS_URL is set; SQLite with its own table. */
export const countersFor = (backend: DatabaseBackend): Record<string, string> =>
  backend.name === 'postgres' && redisUrl ? { REDIS_URL: redisUrl } : {};

/** A distinct client address for each `n`, so that no address budget stands between the caller and the provider. */
export const client = (n: number) => ({ ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });

/** Every provider's circuit as health reports it. */
export async function assertEveryCircuitClosed(t: TestApp): Promise<void> {
  for (const { name, state } of await providerStates(t)) assert.equal(state, 'closed', `${name} is ${state}`);
}

/** Asks for a code to `phone` from a fresh address and signs in with `code(…)`, the code the provider got. */
export async function assertSignInWorks(t: TestApp, phone: string, code: () => string): Promise<void> {
  const from = { ip: '192.0.2.10' };
  const sent: Answer = await requestCode(t, phone, from);
  assert.equal(sent.status, 200, sent.raw);
  const signedIn = await verifyCode(t, phone, code(), from);
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
}

/**
 * Waits until `t` counts in Redis, when it has Redis (see `untilCountingInRedis`): until then it counts in
 * its database, and a test of limits must not straddle the switch. Each probe is a wrong code from an
 * address of its own, which touches neither the SMS limits nor the provider.
 */
export async function untilLimitsInRedis(t: TestApp): Promise<void> {
  if (!t.config.redis.url) return;
  const prefix = t.config.redis.keyPrefix;
  for (let i = 0; i < 100; i++) {
    const ip = `198.51.100.${i + 1}`;
    await verifyCode(t, '+989190000000', '000000', { ip });
    if ((await redisKeys(t.config.redis.url, `${prefix}rl:otp-verify-ip-hour:${ip}`)).size > 0) return;
    await sleep(20);
  }
  throw new Error('the service never started counting in Redis');
}
