import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createBreaker } from '../../src/sms/breaker.ts';
import { createDispatcher } from '../../src/sms/dispatcher.ts';
import { queuePausedForMs, queueRoutes, type SmsLane } from '../../src/sms/lanes.ts';
import type { SmsProvider } from '../../src/sms/provider.ts';

const provider = (name: string, codesOnly = false): SmsProvider => ({
  name,
  live: true,
  codesOnly,
  send: async () => ({ messageId: null }),
});

it('the queue waits for its SMS providers: a provider that carries codes only is never its way out', () => {
  const breaker = () => createBreaker({ failures: 5, cooldownMs: 60_000, now: Date.now });
  const routes = queueRoutes([provider('telegram_gateway', true), provider('kavenegar')], breaker, () => 10);
  const lane: SmsLane = {
    name: 'queue',
    routes,
    dispatcher: createDispatcher({ routes, timeoutMs: 1000, log: { warn() {} } }),
  };
  assert.equal(queuePausedForMs(lane), 0);
  routes[1]!.pacer!.limited('30');
  const paused = queuePausedForMs(lane);
  assert.ok(paused > 29_000 && paused <= 30_000, `paused for ${paused} ms`);
});
