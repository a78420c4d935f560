import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';
import {
  databaseCountersFor,
  issueCode,
  mobile,
  phoneLimitKey,
  requestCode,
  tally,
  verifyCode,
  wrongCode,
} from '../helpers/otp-flow.ts';
import { dropRedisKeys, untilCountingInRedis } from '../helpers/otp-redis.ts';

interface Store {
  readonly counters: string;
  readonly skip: string | false;
  readonly env: { REDIS_URL?: string };
}

const STORES: readonly Store[] = [
  { counters: 'the database', skip: false, env: {} },
  { counters: 'Redis', skip: redisSkip, env: redisUrl ? { REDIS_URL: redisUrl } : {} },
];

forEachDatabase('two instances of the service', (backend) => {
  for (const { counters, skip, env } of STORES) {
    const name = `with counters in ${counters}`;
    if (skip) {
      it(name, { skip }, () => {});
      continue;
    }
    describe(name, () => {
      let a: TestApp;
      let b: TestApp;
      /** Alternates the calls between the two instances, all started at once. */
      const split = <T>(n: number, call: (t: TestApp) => Promise<T>) =>
        Promise.all(Array.from({ length: n }, (_, i) => call(i % 2 === 0 ? a : b)));

      before(async () => {
        a = await startTestApp(backend, { env });
        b = await startTestApp(backend, { env, shareWith: a });
        if (env.REDIS_URL) {
          await untilCountingInRedis(a, env.REDIS_URL, 0);
          await untilCountingInRedis(b, env.REDIS_URL, 1000);
        }
      });
      after(async () => {
        await b?.close();
        await a?.close();
        if (env.REDIS_URL && a) await dropRedisKeys(env.REDIS_URL, a.config.redis.keyPrefix);
      });

      it('sends one SMS between them for 10 parallel requests for one number', async () => {
        const phone = mobile(8001);
        const answers = await split(10, (t) => requestCode(t, phone));
        assert.deepEqual(tally(answers), { '200': 1, '429 RATE_LIMITED': 9 });
        assert.equal(a.sink.messagesTo(phone).length + b.sink.messagesTo(phone).length, 1);
        const inDatabase = await databaseCountersFor(a, phone);
        const key = phoneLimitKey(a, phone);
        const counted = [`otp-failed-send-phone-hour:${key}`, `otp-phone-hour:${key}`, `otp-resend:login:${key}`];
        assert.deepEqual(inDatabase, env.REDIS_URL ? [] : counted);
      });

      it('signs in once between them for 20 parallel verifies with the right code', async () => {
        const phone = mobile(8002);
        const code = await issueCode(a, phone);
        const answers = await split(20, (t) => verifyCode(t, phone, code, { ip: '10.8.0.2' }));
        assert.deepEqual(tally(answers), { '200': 1, '400 OTP_EXPIRED': 19 });
      });

      it('code requests, resends, wrong and right codes for a few numbers at once on both: none fails on the server', async () => {
        // Every code request and sign-in locks the same counters (the address, the daily total) and some the
        // same code rows; the statements lock in one order, so none waits on another in a circle.
        const phones = [mobile(3101), mobile(3102), mobile(3103), mobile(3104)];
        const from = { ip: '10.8.0.9' };
        const first = await Promise.all(phones.map((phone, i) => requestCode(i % 2 ? a : b, phone, from)));
        assert.deepEqual(
          first.map((r) => r.status),
          [200, 200, 200, 200],
        );
        const codes = phones.map((phone) => a.sink.lastCode(phone) ?? b.sink.lastCode(phone));
        const storm = await Promise.all(
          phones.flatMap((phone, i) => [
            requestCode(a, phone, from),
            requestCode(b, phone, from),
            verifyCode(b, phone, wrongCode(codes[i]!), from),
            verifyCode(a, phone, codes[i]!, from),
            requestCode(b, mobile(3200 + i), from),
          ]),
        );
        const failed = storm.filter((r) => r.status >= 500);
        assert.deepEqual(
          failed.map((r) => r.body),
          [],
        );
      });

      it('counts 30 parallel wrong codes between them as exactly OTP_MAX_ATTEMPTS (5)', async () => {
        const phone = mobile(8003);
        const code = await issueCode(b, phone);
        const answers = await split(30, (t) => verifyCode(t, phone, wrongCode(code), { ip: '10.8.0.3' }));
        assert.deepEqual(tally(answers), { '400 OTP_INVALID': 5, '429 OTP_ATTEMPTS_EXCEEDED': 25 });
      });
    });
  }
});
