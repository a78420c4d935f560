import { newKey } from './api-keys.ts';
import type { TestApp } from './app.ts';

export const HEALTH_URL = '/api/v1/otp/health';

const readers = new WeakMap<TestApp, Promise<string>>();

/** Health with its detail (providers, breaker states, version), as an admin key with providers:read sees it. */
export async function detailedHealth(t: TestApp): Promise<{ status: number; body: any }> {
  let secret = readers.get(t);
  if (!secret) {
    secret = newKey(t, ['providers:read'], 'health reader').then((key) => key.secret);
    readers.set(t, secret);
  }
  return t.get(HEALTH_URL, { authorization: `Bearer ${await secret}` });
}
