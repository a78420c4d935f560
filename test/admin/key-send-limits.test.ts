import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { DATABASES, redisSkip, redisUrl } from '../helpers/backends.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { dropRedisKeys, redisKeys } from '../helpers/otp-redis.ts';
import { sendSms } from '../helpers/queue.ts';

const waiting = (t: TestApp, keyId: string) =>
  t.database.db
    .selectFrom('sms_logs')
    .select('id')
    .where('api_key_id', '=', keyId)
    .where('status', 'in', ['queued', 'sending'])
    .execute();

async function pastTheRate(t: TestApp): Promise<void> {
  const { secret } = await newKey(t, ['sms:send']);
  for (let i = 0; i < 3; i++) assert.equal((await sendSms(t, secret, { to: mobile(i), text: `m${i}` })).status, 202);
  const refused = await sendSms(t, secret, { to: mobile(9), text: 'one too many' });
  assert.equal(refused.status, 429, JSON.stringify(refused.body));
  assert.equal(refused.body.code, 'RATE_LIMITED');
  assert.ok(refused.body.retry_after >= 1 && refused.body.retry_after <= 60, `retry_after ${refused.body.retry_after}`);
  assert.equal(refused.headers['retry-after'], String(refused.body.retry_after));
  const other = await newKey(t, ['sms:send'], 'another key');
  assert.equal((await sendSms(t, other.secret, { to: mobile(9), text: 'its own rate' })).status, 202);
}

forEachDatabase('the send rate and the queued cap of an admin API key', (backend) => {
  it('a key past SMS_KEY_SEND_RATE_PER_MINUTE gets 429 RATE_LIMITED with retry_after; another key is not held', async () => {
    const t = await startTestApp(backend, { env: { SMS_KEY_SEND_RATE_PER_MINUTE: '3' } });
    try {
      await pastTheRate(t);
    } finally {
      await t.close();
    }
  });

  it(
    '50 parallel sends with SMS_KEY_QUEUED_MAX=20 across two instances queue exactly 20',
    { timeout: 30_000 },
    async () => {
      const env = { SMS_KEY_QUEUED_MAX: '20' };
      const a = await startTestApp(backend, { env });
      const b = await startTestApp(backend, { env, shareWith: a });
      try {
        const { secret, id } = await newKey(a, ['sms:send']);
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => sendSms(i % 2 ? a : b, secret, { to: mobile(i), text: `burst ${i}` })),
        );
        const accepted = answers.filter((answer) => answer.status === 202);
        const refused = answers.filter((answer) => answer.status === 429);
        assert.equal(accepted.length, 20, answers.map((answer) => answer.status).join(','));
        assert.equal(refused.length, 30);
        for (const answer of refused) {
          assert.equal(answer.body.code, 'RATE_LIMITED');
          assert.ok(answer.body.retry_after > 0);
        }
        assert.equal((await waiting(a, id)).length, 20);

        // Room comes back as messages leave the queue.
        assert.equal(await a.app.smsQueue.worker.runOnce(), a.config.sms.queue.concurrency);
        assert.equal((await sendSms(b, secret, { to: mobile(60), text: 'room again' })).status, 202);
      } finally {
        await b.close();
        await a.close();
      }
    },
  );

  it('a test number does not wait in the queue, so it is not held by the cap', async () => {
    const env = { SMS_KEY_QUEUED_MAX: '1', SMS_TEST_NUMBERS: `${mobile(99)}:123456` };
    const t = await startTestApp(backend, { env });
    try {
      const { secret } = await newKey(t, ['sms:send']);
      assert.equal((await sendSms(t, secret, { to: mobile(1), text: 'fills the queue' })).status, 202);
      assert.equal((await sendSms(t, secret, { to: mobile(2), text: 'no room' })).status, 429);
      assert.equal((await sendSms(t, secret, { to: mobile(99), text: 'a test number' })).status, 202);
    } finally {
      await t.close();
    }
  });
});

for (const backend of DATABASES) {
  const skip = backend.skip || redisSkip;
  describe(`the send rate of an admin API key with Redis, on ${backend.name}`, () => {
    it('is counted in Redis: a key past its rate gets 429 with retry_after', { skip }, async () => {
      const t = await startTestApp(backend, { env: { SMS_KEY_SEND_RATE_PER_MINUTE: '3', REDIS_URL: redisUrl! } });
      try {
        await pastTheRate(t);
        const prefix = `${t.config.redis.keyPrefix}rl:sms-key-send`;
        assert.ok((await redisKeys(redisUrl!, prefix)).size >= 1, 'the counters are in Redis');
      } finally {
        await dropRedisKeys(redisUrl!, t.config.redis.keyPrefix);
        await t.close();
      }
    });
  });
}
