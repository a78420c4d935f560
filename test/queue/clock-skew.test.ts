import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, startTestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { drainTogether, queueTexts } from '../helpers/queue.ts';
import { newId } from '../../src/db/ids.ts';
import { createPollRepository } from '../../src/sms/queue/poll-repository.ts';

const N = 10;
const SKEW_MS = 8_000;

forEachDatabase('two instances whose clocks disagree by 8 s', (backend) => {
  it(
    `send each of ${N} messages exactly once while the provider takes 1 to 4 s to answer`,
    { timeout: 60_000 },
    async () => {
      // SMS_TIMEOUT_MS 5 s makes a lease 10 s long: on the instance 8 s ahead, a lease the other took looked
      // lapsed 2 s into its send, before the provider had answered, and the message went out again.
      const env = { SMS_QUEUE_CONCURRENCY: '4', SMS_TIMEOUT_MS: '5000' };
      const a = await startTestApp(backend, { env });
      const ahead = testClock();
      ahead.advance(SKEW_MS);
      const b = await startTestApp(backend, { env, shareWith: a, clock: ahead });
      try {
        for (const sink of [a.sink, b.sink]) sink.answerAfter(() => 1000 + Math.random() * 3000);
        const ids = await queueTexts(a, N, mobile);
        const references = await drainTogether([a, b], 40_000, 6000);
        assert.equal(references.length, N, `${references.length - N} sends of ${N} messages were repeats`);
        assert.deepEqual(new Set(references), ids);
      } finally {
        await b.close();
        await a.close();
      }
    },
  );
});

forEachDatabase('the delivery poll claim on an instance whose clock runs ahead', (backend) => {
  it("is taken and compared on the database's clock: the instance 8 s ahead does not poll a message claimed 5 s ahead", async () => {
    await withApp(backend, {}, async (t) => {
      const at = Date.now();
      await t.database.db
        .insertInto('sms_logs')
        .values({
          id: newId(),
          phone_number: mobile(1),
          provider: 'kavenegar',
          provider_message_id: 'k-1',
          status: 'sent',
          text: 'Your order has shipped',
          attempts: 1,
          tries: 1,
          poll_failures: 0,
          sent_at: at,
          poll_at: at - 1000,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const onTime = createPollRepository(t.database, () => Date.now());
      const ahead = createPollRepository(t.database, () => Date.now() + SKEW_MS);
      assert.equal((await onTime.claimDue(['kavenegar'], 10, 5_000)).length, 1);
      assert.deepEqual(await ahead.claimDue(['kavenegar'], 10, 5_000), [], 'not due for another 5 s');
      assert.deepEqual(await onTime.claimDue(['kavenegar'], 10, 5_000), []);
    });
  });
});
