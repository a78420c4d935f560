import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';
import {
  phoneLimitKey,
  databaseCountersFor,
  errorBody,
  HEALTH,
  mobile,
  requestCode,
  sleep,
  tally,
  withApp,
  type Answer,
  type From,
} from '../helpers/otp-flow.ts';
import { dropRedisKeys, redisKeys, untilCountingInRedis } from '../helpers/otp-redis.ts';

const HOUR = 3600;
const DAY = 86_400;

/** A RATE_LIMITED answer whose Retry-After (header and body) lies in (`above`, `atMost`] seconds. */
function assertRateLimited(answer: Answer, above: number, atMost: number): void {
  assert.equal(answer.status, 429, answer.raw);
  assert.deepEqual(answer.body, errorBody('RATE_LIMITED', { retry_after: answer.body.retry_after }));
  const seconds = answer.body.retry_after;
  assert.ok(Number.isInteger(seconds) && seconds > above && seconds <= atMost, `retry_after ${seconds}`);
  assert.equal(answer.headers['retry-after'], String(seconds));
}

async function tenAtOnce(t: TestApp, phone: string): Promise<void> {
  const answers = await Promise.all(Array.from({ length: 10 }, () => requestCode(t, phone)));
  assert.deepEqual(tally(answers), { '200': 1, '429 RATE_LIMITED': 9 });
  for (const refused of answers.filter((a) => a.status === 429)) assertRateLimited(refused, 55, 60);
  assert.equal(t.sink.messagesTo(phone).length, 1);
}

forEachDatabase('one number, many parallel requests', (backend) => {
  it('sends exactly one SMS for 10 parallel requests, counters in the database; the other 9 are told when to retry', async () => {
    await withApp(backend, {}, async (t) => {
      const phone = mobile(3001);
      await tenAtOnce(t, phone);
      assert.equal(t.sink.requests.length, 1);
      // The failed-send budget is taken too, and given back once the code went out.
      const key = phoneLimitKey(t, phone);
      assert.deepEqual(await databaseCountersFor(t, phone), [
        `otp-failed-send-phone-hour:${key}`,
        `otp-phone-hour:${key}`,
        `otp-resend:login:${key}`,
      ]);
    });
  });

  it('sends exactly one SMS for 10 parallel requests, counters in Redis', { skip: redisSkip }, async () => {
    await withApp(backend, { REDIS_URL: redisUrl! }, async (t) => {
      const prefix = t.config.redis.keyPrefix;
      try {
        await untilCountingInRedis(t, redisUrl!, 0);
        assert.equal((await t.get(HEALTH)).body.rate_limit.store, 'redis');
        const phone = mobile(3002);
        await tenAtOnce(t, phone);
        // The counters are Redis's, not the database fallback's.
        assert.deepEqual(await databaseCountersFor(t, phone), []);
        const keys = await redisKeys(redisUrl!, prefix);
        assert.equal(keys.get(`${prefix}rl:otp-resend:login:${phoneLimitKey(t, phone)}`), '1');
        assert.equal(keys.get(`${prefix}rl:otp-phone-hour:${phoneLimitKey(t, phone)}`), '1');
      } finally {
        await dropRedisKeys(redisUrl!, prefix);
      }
    });
  });
});

forEachDatabase('send limits per number and per address', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      env: { OTP_RESEND_SECONDS: '1', OTP_PHONE_HOURLY_LIMIT: '2', OTP_IP_HOURLY_LIMIT: '3' },
    });
  });
  after(() => t?.close());

  it('sends again once OTP_RESEND_SECONDS have passed, and no more than OTP_PHONE_HOURLY_LIMIT in the hour', async () => {
    const phone = mobile(3101);
    const from: From = { ip: '10.3.1.1' };
    const first = await requestCode(t, phone, from);
    assert.deepEqual(first.body, { success: true, message: 'OTP code sent', expires_in: 300, resend_in: 1 });
    assertRateLimited(await requestCode(t, phone, from), 0, 1);
    await sleep(1100);
    assert.equal((await requestCode(t, phone, from)).status, 200);
    await sleep(1100);
    assertRateLimited(await requestCode(t, phone, from), HOUR - 10, HOUR);
    assert.equal(t.sink.messagesTo(phone).length, 2);
  });

  it('caps sends from one address at OTP_IP_HOURLY_LIMIT across numbers; another address is unaffected', async () => {
    const from: From = { ip: '10.3.2.1' };
    for (const n of [3201, 3202, 3203]) assert.equal((await requestCode(t, mobile(n), from)).status, 200);
    assertRateLimited(await requestCode(t, mobile(3204), from), HOUR - 10, HOUR);
    assert.equal(t.sink.messagesTo(mobile(3204)).length, 0);
    assert.equal((await requestCode(t, mobile(3204), { ip: '10.3.2.2' })).status, 200);
  });

  it('does not let a rotating X-Forwarded-For escape the address limit when TRUST_PROXY is off', async () => {
    const answers: Answer[] = [];
    for (const n of [1, 2, 3, 4]) {
      answers.push(
        await requestCode(t, mobile(3300 + n), { ip: '10.3.3.1', headers: { 'x-forwarded-for': `203.0.113.${n}` } }),
      );
    }
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 429],
    );
  });
});

forEachDatabase('send limits behind a trusted proxy', (backend) => {
  it('counts the address X-Forwarded-For names when TRUST_PROXY=true', async () => {
    await withApp(backend, { TRUST_PROXY: 'true', OTP_IP_HOURLY_LIMIT: '2' }, async (t) => {
      const via = (client: string): From => ({ ip: '10.0.0.1', headers: { 'x-forwarded-for': client } });
      const statuses: number[] = [];
      for (const [n, client] of [
        [3401, '203.0.113.1'],
        [3402, '203.0.113.2'],
        [3403, '203.0.113.3'],
        [3404, '203.0.113.1'],
        [3405, '203.0.113.1'],
      ] as const) {
        statuses.push((await requestCode(t, mobile(n), via(client))).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
    });
  });
});

forEachDatabase('the daily SMS ceiling', (backend) => {
  it('stops every send past SMS_DAILY_LIMIT for the day, whatever the number or address', async () => {
    await withApp(backend, { SMS_DAILY_LIMIT: '3' }, async (t) => {
      for (const n of [1, 2, 3])
        assert.equal((await requestCode(t, mobile(3500 + n), { ip: `10.3.5.${n}` })).status, 200);
      assertRateLimited(await requestCode(t, mobile(3504), { ip: '10.3.5.4' }), DAY - 10, DAY);
      assert.equal(t.sink.requests.length, 3);
    });
  });
});

forEachDatabase('refused requests', (backend) => {
  it("takes nothing from the number's cooldown or hourly room, nor from the daily budget, when the address limit refuses", async () => {
    const env = { OTP_IP_HOURLY_LIMIT: '2', OTP_PHONE_HOURLY_LIMIT: '1', SMS_DAILY_LIMIT: '3' };
    await withApp(backend, env, async (t) => {
      const busy: From = { ip: '10.3.6.1' };
      const fresh: From = { ip: '10.3.6.2' };
      assert.equal((await requestCode(t, mobile(3601), busy)).status, 200);
      assert.equal((await requestCode(t, mobile(3602), busy)).status, 200);
      assertRateLimited(await requestCode(t, mobile(3603), busy), HOUR - 10, HOUR);
      // Had the refusal taken the number's cooldown or its one hourly send, or a daily send, this would fail.
      assert.equal((await requestCode(t, mobile(3603), fresh)).status, 200);
      // The budget is spent by the three real sends and nothing else.
      assertRateLimited(await requestCode(t, mobile(3604), fresh), DAY - 10, DAY);
      assert.equal(t.sink.requests.length, 3);
    });
  });
});
