import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { logRow, sendSms } from '../helpers/queue.ts';
import { createQueueRepository } from '../../src/sms/queue/repository.ts';

const LEASE_MS = 1_000;
const NO_POLLING = { reportsDelivery: () => false, delayMs: 60_000 };

forEachDatabase('the lease on a queued message', (backend) => {
  it('shuts out a worker that stalled past its lease: only the worker that took the row over may finish it', async () => {
    await withApp(backend, {}, async (t) => {
      const { secret } = await newKey(t, ['sms:send']);
      const accepted = await sendSms(t, secret, { to: mobile(7), text: 'Your order has shipped' });
      assert.equal(accepted.status, 202);
      const id: string = accepted.body.id;
      const queue = createQueueRepository(t.database, t.clock.now, NO_POLLING);

      const [stalled] = await queue.claim(10, LEASE_MS);
      assert.equal(stalled?.id, id);
      assert.equal(await queue.releaseLapsed(), 0, 'a lease that has not run out is left alone');
      // Leases run on the database's clock, which no test can move: the lease is short, and this waits it out.
      await sleep(LEASE_MS + 50);
      assert.equal(await queue.releaseLapsed(), 1);
      const [current] = await queue.claim(10, 60_000);
      assert.equal(current?.id, id);
      assert.equal(current?.tries, 2);

      const late = { provider: 'webhook', attempts: 1, messageId: 'late-1' };
      assert.equal(await queue.markSent(stalled!, late), false);
      assert.equal(await queue.markFailed(stalled!, { provider: 'webhook', attempts: 1 }), false);
      assert.equal(
        await queue.retryLater(stalled!, { provider: 'webhook', attempts: 1, retryInMs: 0, countTry: true }),
        false,
      );
      const held = await logRow(t, id);
      assert.deepEqual(
        [held.status, held.lease_until, held.provider_message_id],
        ['sending', current!.leaseUntil, null],
      );

      assert.equal(await queue.markSent(current!, { provider: 'webhook', attempts: 1, messageId: 'm-2' }), true);
      const sent = await logRow(t, id);
      assert.deepEqual([sent.status, sent.provider_message_id, sent.tries], ['sent', 'm-2', 2]);
    });
  });

  it("is kept and compared on the database's clock: an instance whose clock runs 8 s ahead neither takes over a live lease nor claims early", async () => {
    await withApp(backend, {}, async (t) => {
      const { secret } = await newKey(t, ['sms:send']);
      const accepted = await sendSms(t, secret, { to: mobile(8), text: 'Your order has shipped' });
      const id: string = accepted.body.id;
      const onTime = createQueueRepository(t.database, () => Date.now(), NO_POLLING);
      const ahead = createQueueRepository(t.database, () => Date.now() + 8_000, NO_POLLING);

      const [held] = await onTime.claim(10, 5_000);
      assert.equal(held?.id, id);
      assert.equal(await ahead.releaseLapsed(), 0, 'a lease 5 s long is not over for the instance 8 s ahead');
      assert.deepEqual(await ahead.claim(10, 5_000), [], 'nor can it claim the row');
      const row = await logRow(t, id);
      assert.deepEqual([row.status, row.lease_until], ['sending', held!.leaseUntil]);

      // A retry's wait is on the database's clock too: the instance ahead does not find it due early.
      const retry = { provider: 'webhook', attempts: 1, retryInMs: 5_000, countTry: true };
      assert.equal(await onTime.retryLater(held!, retry), true);
      assert.deepEqual(await ahead.claim(10, 5_000), []);
    });
  });
});
