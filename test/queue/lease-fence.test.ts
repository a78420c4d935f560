import assert from 'node:assert/strict';
import { it } from 'node:test';
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
      t.clock.advance(LEASE_MS + 1);
      assert.equal(await queue.releaseLapsed(), 1);
      const [current] = await queue.claim(10, LEASE_MS);
      assert.equal(current?.id, id);
      assert.equal(current?.tries, 2);

      const late = { provider: 'webhook', attempts: 1, messageId: 'late-1' };
      assert.equal(await queue.markSent(stalled!, late), false);
      assert.equal(await queue.markFailed(stalled!, { provider: 'webhook', attempts: 1 }), false);
      assert.equal(
        await queue.retryLater(stalled!, { provider: 'webhook', attempts: 1, nextAttemptAt: 0, countTry: true }),
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
});
