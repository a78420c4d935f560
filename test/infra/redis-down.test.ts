import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/infra-tcp-proxy.ts';
import { HEALTH, mobile, requestCode, sleep } from '../helpers/otp-flow.ts';
import { dropRedisKeys } from '../helpers/otp-redis.ts';

const RESEND_SECONDS = 1;

/** The health answer once `condition` holds for it; the instances check Redis every second. */
async function healthWhen(t: TestApp, condition: (body: any) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await t.get(HEALTH);
    if (condition(health.body)) return health;
    if (Date.now() > deadline) throw new Error(`health never matched: ${JSON.stringify(health.body)}`);
    await sleep(100);
  }
}

const onStore = (store: string) => (body: any) => body?.rate_limit?.store === store;

/** The `warn` lines an instance wrote about where it counts. */
const storeWarnings = (t: TestApp) =>
  t.logs.lines
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.level === 40 && String(entry.msg).startsWith('rate limits:'))
    .map((entry) => entry.msg as string);

async function metric(t: TestApp, name: string): Promise<number> {
  const text = (await t.inject({ method: 'GET', url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  assert.ok(line, `${name} is exported`);
  return Number(line.split(' ')[1]);
}

if (redisSkip) it('a Redis outage under two instances', { skip: redisSkip }, () => {});
else
  forEachDatabase('a Redis outage under two instances', (backend) => {
    let proxy: TcpProxy;
    let a: TestApp;
    let b: TestApp;
    let warningsAtStart: number[];

    before(async () => {
      const target = new URL(redisUrl!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      const env = {
        REDIS_URL: proxy.rewrite(redisUrl!),
        OTP_PHONE_HOURLY_LIMIT: '3',
        OTP_RESEND_SECONDS: String(RESEND_SECONDS),
        OTP_IP_HOURLY_LIMIT: '1000',
        METRICS_ENABLED: 'true',
      };
      a = await startTestApp(backend, { env });
      b = await startTestApp(backend, { env, shareWith: a });
      for (const t of [a, b]) await healthWhen(t, onStore('redis'));
      // A loaded machine can be slow to make the first connection; only what follows is the outage's.
      warningsAtStart = [a, b].map((t) => storeWarnings(t).length);
    });
    after(async () => {
      await b?.close();
      await a?.close();
      await proxy?.close();
      if (a) await dropRedisKeys(redisUrl!, a.config.redis.keyPrefix);
    });

    it('keeps the hourly limit exact across the outage, and says so in health, the log and the metrics', async () => {
      // `early` asks once before the outage (counted in Redis), `late` only from the outage on.
      const early = mobile(7101);
      const late = mobile(7102);
      const statuses = new Map<string, number[]>([
        [early, []],
        [late, []],
      ]);
      const ask = async (t: TestApp, phone: string) => statuses.get(phone)!.push((await requestCode(t, phone)).status);
      /** Waits out the one-code-per-second limit, so that only the hourly limit can refuse the next ask. */
      const nextSecond = () => sleep(RESEND_SECONDS * 1000 + 100);

      await ask(a, early);
      assert.equal(await metric(a, 'otpgate_rate_limit_store_degraded'), 0);

      await proxy.pause();
      await ask(b, early);
      await ask(b, late);
      for (const t of [a, b]) {
        const health = await healthWhen(t, onStore('database'));
        assert.equal(health.status, 200, 'the service still works: readiness stays');
        assert.equal(health.body.status, 'degraded');
        assert.equal(health.body.rate_limit.status, 'degraded');
        assert.equal(await metric(t, 'otpgate_rate_limit_store_degraded'), 1);
      }
      await nextSecond();
      await ask(a, late);

      await proxy.resume();
      for (const t of [a, b]) {
        const health = await healthWhen(t, onStore('redis'));
        assert.equal(health.status, 200);
        assert.equal(health.body.status, 'ok');
        assert.equal(health.body.rate_limit.status, 'ok');
        assert.equal(await metric(t, 'otpgate_rate_limit_store_degraded'), 0);
      }
      await nextSecond();
      await ask(a, early);
      await ask(b, late);
      await nextSecond();
      await ask(b, early);
      await ask(a, late);

      assert.deepEqual(statuses.get(early), [200, 200, 200, 429], 'one before, one during, one after');
      assert.deepEqual(statuses.get(late), [200, 200, 200, 429], 'two during, one after');
      assert.equal(await metric(a, 'otpgate_rate_limit_rejections_total{rule="otp-phone-hour"}'), 1);
      assert.equal(await metric(b, 'otpgate_rate_limit_rejections_total{rule="otp-phone-hour"}'), 1);
      for (const [i, t] of [a, b].entries()) {
        assert.deepEqual(storeWarnings(t).slice(warningsAtStart[i]), [
          'rate limits: Redis unavailable, counting in the database',
          'rate limits: Redis is back, counting in Redis again',
        ]);
      }
    });
  });
