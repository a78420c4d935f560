import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import { redisUrl } from '../helpers/backends.ts';
import { mobile, requestCode, verifyCode, withApp, type From } from '../helpers/otp-flow.ts';
import { dropRedisKeys, untilCountingInRedis } from '../helpers/otp-redis.ts';

/**
 * Runs `fn` on a fresh app whose counters are the database's on SQLite and Redis's beside PostgreSQL (when
 * TEST_REDIS_URL is set), once Redis is the store that counts.
 */
async function withLimits(backend: DatabaseBackend, env: Record<string, string>, fn: (t: TestApp) => Promise<void>) {
  const redis = backend.name === 'postgres' ? redisUrl : undefined;
  await withApp(backend, redis ? { ...env, REDIS_URL: redis } : env, async (t) => {
    if (!redis) return fn(t);
    try {
      await untilCountingInRedis(t, redis, 0);
      await fn(t);
    } finally {
      await dropRedisKeys(redis, t.config.redis.keyPrefix);
    }
  });
}

const statuses = async (t: TestApp, requests: readonly [phone: string, from: From][]) => {
  const answers: number[] = [];
  for (const [phone, from] of requests) answers.push((await requestCode(t, phone, from)).status);
  return answers;
};

forEachDatabase('per-address limits count a whole IPv6 /64 and IPv4-mapped addresses as IPv4', (backend) => {
  it('addresses of one /64 share one code-request budget; the next /64 has its own', async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '2' }, async (t) => {
      const answers = await statuses(t, [
        [mobile(7101), { ip: '2001:db8:7:1::1' }],
        [mobile(7102), { ip: '2001:db8:7:1:ffff:ffff:ffff:fffe' }],
        [mobile(7103), { ip: '2001:db8:7:1:1234::9' }],
        [mobile(7104), { ip: '2001:db8:7:2::1' }],
      ]);
      assert.deepEqual(answers, [200, 200, 429, 200]);
    });
  });

  it('OTP_IPV6_PREFIX=56 widens the shared network to a /56', async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '1', OTP_IPV6_PREFIX: '56' }, async (t) => {
      const answers = await statuses(t, [
        [mobile(7201), { ip: '2001:db8:7:100::1' }],
        [mobile(7202), { ip: '2001:db8:7:1ff::1' }],
        [mobile(7203), { ip: '2001:db8:7:200::1' }],
      ]);
      assert.deepEqual(answers, [200, 429, 200]);
    });
  });

  it('::ffff:198.51.100.7 and 198.51.100.7 share one budget', async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '2' }, async (t) => {
      const answers = await statuses(t, [
        [mobile(7301), { ip: '198.51.100.7' }],
        [mobile(7302), { ip: '::ffff:198.51.100.7' }],
        [mobile(7303), { ip: '198.51.100.7' }],
        [mobile(7304), { ip: '::ffff:198.51.100.8' }],
      ]);
      assert.deepEqual(answers, [200, 200, 429, 200]);
    });
  });

  it('failed code checks from one /64, or from one IPv4 client in both notations, share one budget', async () => {
    await withLimits(backend, { OTP_VERIFY_IP_HOURLY_LIMIT: '2' }, async (t) => {
      const check = async (ip: string) => (await verifyCode(t, mobile(7401), '000000', { ip })).status;
      assert.deepEqual(
        [await check('2001:db8:7:4::1'), await check('2001:db8:7:4::2'), await check('2001:db8:7:4::3')],
        [400, 400, 429],
      );
      assert.deepEqual(
        [await check('203.0.113.40'), await check('::ffff:203.0.113.40'), await check('203.0.113.40')],
        [400, 400, 429],
      );
    });
  });

  it('behind a configured proxy, the X-Forwarded-For addresses of one /64 share one budget', async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '2', TRUST_PROXY: '127.0.0.1' }, async (t) => {
      const via = (client: string): From => ({ ip: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      const answers = await statuses(t, [
        [mobile(7501), via('2001:db8:7:5::a')],
        [mobile(7502), via('2001:db8:7:5::b')],
        [mobile(7503), via('2001:db8:7:5::c')],
        [mobile(7504), via('2001:db8:7:6::a')],
      ]);
      assert.deepEqual(answers, [200, 200, 429, 200]);
    });
  });

  it("behind a configured proxy, X-Forwarded-For addresses with ports share their address's budget", async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '2', TRUST_PROXY: '127.0.0.1' }, async (t) => {
      const via = (client: string): From => ({ ip: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      assert.deepEqual(
        await statuses(t, [
          [mobile(7701), via('10.203.0.1:40001')],
          [mobile(7702), via('10.203.0.1:40002')],
          [mobile(7703), via('10.203.0.1:40003')],
          [mobile(7704), via('10.203.0.2:40001')],
        ]),
        [200, 200, 429, 200],
      );
      assert.deepEqual(
        await statuses(t, [
          [mobile(7711), via('[2001:db8:77::5]')],
          [mobile(7712), via('[2001:db8:77::5]:443')],
          [mobile(7713), via('2001:db8:77::6')],
        ]),
        [200, 200, 429],
      );
    });
  });

  it('addresses that are not addresses share one budget between them', async () => {
    await withLimits(backend, { OTP_IP_HOURLY_LIMIT: '2', TRUST_PROXY: '127.0.0.1' }, async (t) => {
      const via = (client: string): From => ({ ip: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      const answers = await statuses(t, [
        [mobile(7801), via('010.202.0.1')],
        [mobile(7802), via('0x0aca0001')],
        [mobile(7803), via('not-an-address')],
        [mobile(7804), via('10.202.0.1')],
      ]);
      assert.deepEqual(answers, [200, 200, 429, 200]);
    });
  });
});

forEachDatabase('the daily SMS ceiling tells the operator', (backend) => {
  const ceilingLines = (t: TestApp) =>
    t.logs.lines.map((line) => JSON.parse(line)).filter((entry) => /daily SMS ceiling/.test(entry.msg ?? ''));
  const reachedMetric = async (t: TestApp) => {
    const text = (await t.inject({ method: 'GET', url: '/metrics' })).body;
    return Number(/^otpgate_sms_daily_limit_reached_total (\d+)$/m.exec(text)?.[1]);
  };

  it('logs one error line and counts it once when SMS_DAILY_LIMIT starts refusing, however many are refused', async () => {
    await withLimits(backend, { SMS_DAILY_LIMIT: '6' }, async (t) => {
      assert.equal(await reachedMetric(t), 0);
      // Redis's readiness probes may have spent some of the budget already: send until the first refusal.
      let n = 0;
      while ((await requestCode(t, mobile(7600 + n), { ip: `10.7.6.${n}` })).status === 200) n++;
      assert.ok(n <= 6, `${n} sends got through a ceiling of 6`);
      for (const more of [1, 2, 3]) {
        assert.equal((await requestCode(t, mobile(7650 + more), { ip: `10.7.7.${more}` })).status, 429);
      }
      const lines = ceilingLines(t);
      assert.equal(lines.length, 1, JSON.stringify(lines));
      assert.equal(lines[0].level, 50);
      assert.equal(lines[0].rule, 'sms-day');
      assert.equal(await reachedMetric(t), 1);
    });
  });
});
