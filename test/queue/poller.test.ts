import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { backdate, logRow, sentText } from '../helpers/queue.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

forEachDatabase('the delivery poller', (backend) => {
  it('moves a sent message to delivered once the provider says so, every SMS_DELIVERY_POLL_SECONDS', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const { poller } = t.app.smsQueue;
      const { id, messageId } = await sentText(t, mobile(1));
      const row = await logRow(t, id);
      assert.equal(row.poll_at, row.sent_at! + MINUTE, 'first asked one poll interval after it was sent');
      assert.equal(row.cost, 1450, "Kavenegar's cost is kept");
      assert.equal(await poller.runOnce(), 0, 'not due yet');

      await backdate(t, 'poll_at', MINUTE);
      assert.equal(await poller.runOnce(), 1);
      const pending = await logRow(t, id);
      assert.deepEqual([pending.status, pending.provider_status], ['sent', '1']);
      // The next poll is set on the database's clock, which is this host's.
      const next = pending.poll_at! - Date.now();
      assert.ok(next > MINUTE - 1000 && next <= MINUTE, `asked again a minute later (in ${next} ms)`);

      fakes.kavenegar.setDelivery(messageId, 10);
      await backdate(t, 'poll_at', MINUTE);
      assert.equal(await poller.runOnce(), 1);
      const delivered = await logRow(t, id);
      assert.deepEqual([delivered.status, delivered.provider_status, delivered.poll_at], ['delivered', '10', null]);
      assert.ok(delivered.final_at !== null);
      await backdate(t, 'poll_at', MINUTE);
      assert.equal(await poller.runOnce(), 0, 'a final message is not asked about again');
      const statusCalls = fakes.kavenegar.requests.filter((r) => r.call === 'sms/status');
      assert.deepEqual(
        statusCalls.map((r) => r.fields.messageid),
        [messageId, messageId],
      );
    });
  });

  it('a message never settled is expired 48 hours after it was sent', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t) => {
      const { id } = await sentText(t, mobile(2));
      t.clock.advance(47 * HOUR);
      await t.app.smsQueue.poller.runOnce();
      assert.equal((await logRow(t, id)).status, 'sent');
      t.clock.advance(HOUR + 1);
      await t.app.smsQueue.poller.runOnce();
      const row = await logRow(t, id);
      assert.deepEqual([row.status, row.poll_at], ['expired', null]);
    });
  });

  it('a code sent inside a request is polled too, and undelivered is final', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const phone = mobile(3);
      const requested = await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
      assert.equal(requested.status, 200, JSON.stringify(requested.body));
      const row = await t.database.db
        .selectFrom('sms_logs')
        .selectAll()
        .where('phone_number', '=', phone)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      fakes.kavenegar.setDelivery(row.provider_message_id!, 11);
      await backdate(t, 'poll_at', MINUTE);
      assert.equal(await t.app.smsQueue.poller.runOnce(), 1);
      assert.deepEqual(
        [(await logRow(t, row.id)).status, (await logRow(t, row.id)).provider_status],
        ['undelivered', '11'],
      );
    });
  });
});
