import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import { client, countersFor, untilLimitsInRedis } from '../helpers/abuse.ts';
import type { SinkAnswer } from '../helpers/fake-webhook-sink.ts';
import { mobile, requestCode, sleep, tally, withApp } from '../helpers/otp-flow.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

/**
 * A provider call that may have delivered its message (a timeout, a 5xx) counts against every limit, as a
 * sent one does: whatever the provider does, no number gets more SMS than its limits allow, and the
 * service no more than SMS_DAILY_LIMIT.
 */
forEachDatabase('sends that may have arrived', (backend) => {
  const maybeSent: ReadonlyArray<readonly [string, SinkAnswer]> = [
    ['accepts the request and never answers', 'hang'],
    ['answers HTTP 502', { status: 502 }],
  ];
  for (const [what, answer] of maybeSent) {
    it(`a gateway that ${what}: 30 requests for one number within its resend window send one SMS`, async () => {
      await withApp(backend, { ...countersFor(backend), SMS_TIMEOUT_MS: '150' }, async (t) => {
        await untilLimitsInRedis(t);
        t.sink.answerAll(answer);
        const phone = mobile(8001);
        // In parallel and one after another, from as many addresses: only the number's limits apply.
        const parallel = await Promise.all(Array.from({ length: 15 }, (_, n) => requestCode(t, phone, client(n))));
        const inTurn = [];
        for (let n = 15; n < 30; n++) inTurn.push(await requestCode(t, phone, client(n)));
        assert.deepEqual(tally([...parallel, ...inTurn]), { '503 SMS_FAILED': 1, '429 RATE_LIMITED': 29 });
        assert.equal(t.sink.messagesTo(phone).length, 1);
      });
    });

    it(`a gateway that ${what}: one number gets OTP_PHONE_HOURLY_LIMIT SMS in the hour, however often it asks`, async () => {
      const env = {
        ...countersFor(backend),
        SMS_TIMEOUT_MS: '150',
        OTP_RESEND_SECONDS: '1',
        OTP_PHONE_HOURLY_LIMIT: '3',
      };
      await withApp(backend, env, async (t) => {
        await untilLimitsInRedis(t);
        t.sink.answerAll(answer);
        const phone = mobile(8002);
        const started = Date.now();
        for (let n = 0; n < 6; n++) {
          await Promise.all(Array.from({ length: 3 }, (_, i) => requestCode(t, phone, client(10 * n + i))));
          await sleep(1100);
        }
        const windows = Math.floor((Date.now() - started) / 1000) + 1;
        const received = t.sink.messagesTo(phone).length;
        assert.equal(received, 3);
        assert.ok(received <= windows, `${received} messages in ${windows} resend windows`);
      });
    });
  }

  it('a gateway that never answers, across numbers: no more than SMS_DAILY_LIMIT messages in all', async () => {
    const env = { ...countersFor(backend), SMS_TIMEOUT_MS: '150', SMS_DAILY_LIMIT: '5' };
    await withApp(backend, env, async (t) => {
      await untilLimitsInRedis(t);
      t.sink.answerAll('hang');
      const answers = [];
      for (let n = 0; n < 20; n++) answers.push(await requestCode(t, mobile(8100 + n), client(n)));
      assert.deepEqual(tally(answers), { '503 SMS_FAILED': 5, '429 RATE_LIMITED': 15 });
      assert.equal(t.sink.requests.length, 5);
    });
  });

  it('Kavenegar takes the message and hangs, every time: it never takes more than the limits allow', async () => {
    const env = { ...countersFor(backend), SMS_TIMEOUT_MS: '150', SMS_DAILY_LIMIT: '4', OTP_PHONE_HOURLY_LIMIT: '2' };
    await withProviders(backend, ['kavenegar'], env, async (t, { kavenegar }) => {
      await untilLimitsInRedis(t);
      for (let i = 0; i < 30; i++) kavenegar.answerNext('accept-then-hang');
      const phone = mobile(8201);
      for (let n = 0; n < 5; n++) await requestCode(t, phone, client(n));
      assert.equal(kavenegar.issued.length, 1, 'one per resend window for the number');
      for (let n = 0; n < 10; n++) await requestCode(t, mobile(8210 + n), client(50 + n));
      assert.equal(kavenegar.issued.length, 4, 'SMS_DAILY_LIMIT in all');
    });
  });

  it('after a provider that may have sent it, the next one is tried only within the limits: a second copy counts', async () => {
    const env = { ...countersFor(backend), SMS_TIMEOUT_MS: '150', OTP_PHONE_HOURLY_LIMIT: '1' };
    await withProviders(backend, ['kavenegar', 'melipayamak'], env, async (t, { kavenegar, melipayamak }) => {
      await untilLimitsInRedis(t);
      kavenegar.answerNext('accept-then-hang');
      const phone = mobile(8301);
      assert.equal((await requestCode(t, phone)).status, 503);
      assert.equal(kavenegar.issued.length, 1);
      assert.equal(melipayamak.requests.length, 0, "the number's one SMS of the hour may be on its phone");
    });
    // With room for a second message, the next provider carries it, and it counts.
    const roomy = { ...env, OTP_PHONE_HOURLY_LIMIT: '2', OTP_RESEND_SECONDS: '1' };
    await withProviders(backend, ['kavenegar', 'melipayamak'], roomy, async (t, { kavenegar, melipayamak }) => {
      await untilLimitsInRedis(t);
      kavenegar.answerNext('accept-then-hang');
      const phone = mobile(8302);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.deepEqual([kavenegar.issued.length, melipayamak.recIds.length], [1, 1]);
      await sleep(1100);
      const next = await requestCode(t, phone);
      assert.equal(next.body.code, 'RATE_LIMITED', 'both copies counted');
      assert.ok(next.body.retry_after > 60, `the hour's limit, not the resend window: ${next.raw}`);
    });
  });
});
