import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { DATABASES, redisSkip, redisUrl } from '../helpers/backends.ts';
import { phoneLimitKey } from '../helpers/otp-flow.ts';

const postgres = DATABASES.find((b) => b.name === 'postgres')!;
const REQUEST = '/api/v1/otp/phone/login/request';
const VERIFY = '/api/v1/otp/phone/login/verify';
const LIMITS = { OTP_RESEND_SECONDS: '1', OTP_PHONE_HOURLY_LIMIT: '2', OTP_IP_HOURLY_LIMIT: '1000' };

/** Two instances of the service over one PostgreSQL schema (and one Redis prefix when `redis` is set). */
function twoInstances(store: 'redis' | 'database') {
  const env: Record<string, string> = store === 'redis' ? { ...LIMITS, REDIS_URL: redisUrl! } : LIMITS;
  const ctx = {} as { a: TestApp; b: TestApp; redis?: Redis };
  before(async () => {
    ctx.a = await startTestApp(postgres, { env });
    ctx.b = await startTestApp(postgres, { env, shareWith: ctx.a });
    if (store === 'redis') {
      ctx.redis = new Redis(redisUrl!);
      for (const [i, t] of [ctx.a, ctx.b].entries()) await untilCountingInRedis(t, ctx.redis, i);
    }
  });
  after(async () => {
    if (ctx.redis) {
      const keys = await ctx.redis.keys(`${ctx.a.config.redis.keyPrefix}*`);
      if (keys.length) await ctx.redis.del(...keys);
      ctx.redis.disconnect();
    }
    await ctx.b?.close();
    await ctx.a?.close();
  });
  const instance = (i: number) => (i % 2 === 0 ? ctx.a : ctx.b);
  const smsTo = (phone: string) => ctx.a.sink.messagesTo(phone).length + ctx.b.sink.messagesTo(phone).length;
  return { ctx, instance, smsTo };
}

/**
 * An instance counts in its database until its Redis connection is ready. The concurrency below must be
 * shown on Redis, so each instance is first seen writing a counter there (with numbers of its own).
 */
async function untilCountingInRedis(t: TestApp, redis: Redis, which: number): Promise<void> {
  const prefix = t.config.redis.keyPrefix;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const phone = `+98912${String(which)}${String(attempt).padStart(6, '0')}`;
    assert.equal((await t.post(REQUEST, { phone_number: phone })).status, 200);
    if ((await redis.exists(`${prefix}rl:otp-phone-hour:${phoneLimitKey(t, phone)}`)) === 1) return;
    await sleep(20);
  }
  throw new Error('the instance never counted in Redis');
}

const stores = [
  { store: 'redis', title: 'two instances sharing PostgreSQL and Redis', skip: postgres.skip || redisSkip },
  { store: 'database', title: 'two instances sharing PostgreSQL, counters in rate_limits', skip: postgres.skip },
] as const;

// Each pair has a schema and a Redis prefix of its own, so the two pairs run side by side.
describe('two instances of the service', { concurrency: true }, () => {
  for (const { store, title, skip } of stores) {
    if (skip) {
      it(title, { skip }, () => {});
      continue;
    }
    describe(title, { concurrency: 1 }, () => {
      const { ctx, instance, smsTo } = twoInstances(store);

      it('10 parallel code requests for one number, spread over both, send exactly one SMS', async () => {
        const phone = '+989121000001';
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) => instance(i).post(REQUEST, { phone_number: phone })),
        );
        assert.deepEqual(answers.map((r) => r.status).sort(), [200, ...Array(9).fill(429)]);
        for (const refused of answers.filter((r) => r.status === 429)) assert.equal(refused.body.code, 'RATE_LIMITED');
        assert.equal(smsTo(phone), 1);

        // The count is where the configuration says it lives.
        const row = await ctx.a.database.db
          .selectFrom('rate_limits')
          .select('points')
          .where('key', '=', `otp-phone-hour:${phoneLimitKey(ctx.a, phone)}`)
          .executeTakeFirst();
        if (store === 'redis') {
          assert.equal(row, undefined, 'with Redis up, nothing is counted in the database');
          assert.equal(
            await ctx.redis!.get(`${ctx.a.config.redis.keyPrefix}rl:otp-phone-hour:${phoneLimitKey(ctx.a, phone)}`),
            '1',
          );
        } else {
          assert.deepEqual(row, { points: 1 });
        }
      });

      it('20 parallel verifies with the right code, spread over both, sign in exactly once', async () => {
        const phone = '+989121000002';
        assert.equal((await ctx.b.post(REQUEST, { phone_number: phone })).status, 200);
        const code = ctx.b.sink.lastCode(phone);
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => instance(i).post(VERIFY, { phone_number: phone, code })),
        );
        assert.equal(answers.filter((r) => r.status === 200).length, 1);
        assert.deepEqual(
          answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.code}`),
          Array(19).fill('400 OTP_EXPIRED'),
        );
        const users = await ctx.a.database.db
          .selectFrom('users')
          .select('id')
          .where('phone_number', '=', phone)
          .execute();
        assert.equal(users.length, 1);
      });

      it('the hourly limit of a number is one count across both instances', async () => {
        const phone = '+989121000003';
        assert.equal((await ctx.a.post(REQUEST, { phone_number: phone })).status, 200);
        await sleep(1100); // past the 1 s resend window, so only the hourly limit can refuse
        assert.equal((await ctx.b.post(REQUEST, { phone_number: phone })).status, 200);
        await sleep(1100);
        const third = await ctx.a.post(REQUEST, { phone_number: phone });
        assert.equal(third.status, 429);
        assert.equal(third.body.code, 'RATE_LIMITED');
        assert.ok(
          third.body.retry_after > 3500,
          `retry_after ${third.body.retry_after} is the hour's, not the resend's`,
        );
        assert.equal(smsTo(phone), 2);
      });
    });
  }
});
