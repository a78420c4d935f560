import assert from 'node:assert/strict';
import { it } from 'node:test';
import { migrateDown, migrateToLatest, schemaStatus } from '../../src/db/migrate.ts';
import { createPollRepository, POLL_GIVE_UP_AFTER } from '../../src/sms/queue/poll-repository.ts';
import { forEachDatabase, startTestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { backdate, logRow, sentText } from '../helpers/queue.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { withProviders, type ProviderFakes } from '../helpers/sms-fakes.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const statusCallsFor = (fakes: ProviderFakes, messageId: string) =>
  fakes.kavenegar.requests.filter((r) => r.call === 'sms/status' && r.fields.messageid === messageId).length;

forEachDatabase('the delivery poller and a message whose reads fail', (backend) => {
  it('garbage for one message is counted on its row with a growing wait; the others are polled; after ten it is left', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const { poller } = t.app.smsQueue;
      const bad = await sentText(t, mobile(1));
      const good = await sentText(t, mobile(2));
      const pending = await sentText(t, mobile(3));
      fakes.kavenegar.setDelivery(bad.messageId, 'x'.repeat(10_000));
      fakes.kavenegar.setDelivery(good.messageId, 10);
      fakes.kavenegar.setDelivery(pending.messageId, 5);

      await backdate(t, 'poll_at', MINUTE);
      assert.equal(await poller.runOnce(), 3);
      assert.equal((await logRow(t, good.id)).status, 'delivered', 'the batch went on past the bad row');
      const afterOne = await logRow(t, bad.id);
      assert.deepEqual([afterOne.status, afterOne.poll_failures, afterOne.provider_status], ['sent', 1, null]);
      const wait = afterOne.poll_at! - Date.now();
      assert.ok(
        wait > 2 * MINUTE - 10_000 && wait <= 2 * MINUTE,
        `the next read waits twice the interval (${wait} ms)`,
      );

      await backdate(t, 'poll_at', MINUTE);
      await poller.runOnce();
      assert.equal(statusCallsFor(fakes, bad.messageId), 1, 'not asked again before its wait is over');
      assert.equal((await logRow(t, pending.id)).poll_failures, 0, 'a read that works leaves no count');

      for (let i = 2; i <= POLL_GIVE_UP_AFTER; i++) {
        await backdate(t, 'poll_at', HOUR);
        await poller.runOnce();
      }
      const left = await logRow(t, bad.id);
      assert.deepEqual([left.status, left.poll_failures, left.poll_at], ['sent', POLL_GIVE_UP_AFTER, null]);
      assert.equal(statusCallsFor(fakes, bad.messageId), POLL_GIVE_UP_AFTER);
      assert.ok(t.logs.text().includes('SMS delivery status not read; no longer asked'));

      // Another instance (or this one restarted) on the same database leaves it too and polls the rest.
      const restarted = await startTestApp(backend, { shareWith: t, env: fakes.env(['kavenegar']) });
      try {
        const before = statusCallsFor(fakes, pending.messageId);
        await backdate(t, 'poll_at', HOUR);
        assert.equal(await restarted.app.smsQueue.poller.runOnce(), 1);
        assert.equal(statusCallsFor(fakes, bad.messageId), POLL_GIVE_UP_AFTER);
        assert.equal(statusCallsFor(fakes, pending.messageId), before + 1);
      } finally {
        await restarted.close();
      }
      const { secret } = await newKey(t, ['sms:read']);
      const listed = await t.get(`/api/v1/admin/sms/logs/${bad.id}`, bearer(secret));
      assert.equal(listed.body.log.poll_failures, POLL_GIVE_UP_AFTER);
    });
  });

  it('a message the provider does not know is counted the same way, and a read that works clears the count', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const { poller } = t.app.smsQueue;
      const message = await sentText(t, mobile(4));
      fakes.kavenegar.setDelivery(message.messageId, 100);
      await backdate(t, 'poll_at', MINUTE);
      await poller.runOnce();
      await backdate(t, 'poll_at', HOUR);
      await poller.runOnce();
      assert.equal((await logRow(t, message.id)).poll_failures, 2);
      fakes.kavenegar.setDelivery(message.messageId, 5);
      await backdate(t, 'poll_at', HOUR);
      await poller.runOnce();
      const row = await logRow(t, message.id);
      assert.deepEqual([row.poll_failures, row.provider_status], [0, '5']);
      const wait = row.poll_at! - Date.now();
      assert.ok(wait > MINUTE - 10_000 && wait <= MINUTE, `asked again a minute later (${wait} ms)`);
    });
  });

  it('a status about another message is not taken for this one', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const message = await sentText(t, mobile(7));
      fakes.kavenegar.setDelivery(message.messageId, 10);
      fakes.kavenegar.answerStatusAbout(999);
      await backdate(t, 'poll_at', MINUTE);
      await t.app.smsQueue.poller.runOnce();
      const row = await logRow(t, message.id);
      assert.deepEqual([row.status, row.provider_status, row.poll_failures], ['sent', null, 1]);
      fakes.kavenegar.answerStatusAbout(null);
      await backdate(t, 'poll_at', HOUR);
      await t.app.smsQueue.poller.runOnce();
      assert.equal((await logRow(t, message.id)).status, 'delivered', 'the answer about it is taken');
    });
  });

  it('a read that never comes back (the process died during it) counts: after ten starts the row is left', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const message = await sentText(t, mobile(5));
      const polls = createPollRepository(t.database, t.clock.now);
      // Each claim without a record is a poller that took the row and died before the answer was written.
      for (let start = 1; start <= POLL_GIVE_UP_AFTER; start++) {
        await backdate(t, 'poll_at', HOUR);
        const claimed = await polls.claimDue(['kavenegar'], 100, MINUTE);
        assert.deepEqual(
          claimed.map((m) => [m.id, m.pollFailures]),
          [[message.id, start]],
        );
      }
      await backdate(t, 'poll_at', HOUR);
      assert.equal(await t.app.smsQueue.poller.runOnce(), 0);
      assert.equal(statusCallsFor(fakes, message.messageId), 0);
    });
  });

  it('upgrading empties the megabyte ids earlier versions stored, so the poller and the log listing work', async () => {
    const t = await startTestApp(backend);
    try {
      // Back to the schema before 0007_sms_poll_failures, whatever came after it.
      while ((await schemaStatus(t.database)).version >= 7) await migrateDown(t.database);
      const at = t.clock.now();
      const row = (id: string, providerMessageId: string) => ({
        id,
        phone_number: mobile(6),
        template: 'text',
        locale: 'fa',
        provider: 'kavenegar',
        provider_message_id: providerMessageId,
        status: 'sent',
        error_code: null,
        error_message: null,
        text: 'Your order has shipped',
        attempts: 1,
        tries: 1,
        created_at: at,
        updated_at: at,
        sent_at: at,
        poll_at: at,
        provider_status: 'y'.repeat(100_000),
      });
      const db = t.database.db as any;
      await db
        .insertInto('sms_logs')
        .values([row('legacy-huge', '7'.repeat(2_000_000)), row('legacy-ok', '123456789')])
        .execute();
      await migrateToLatest(t.database);
      const huge = await logRow(t, 'legacy-huge');
      assert.deepEqual(
        [huge.provider_message_id, huge.poll_at, huge.provider_status, huge.status],
        [null, null, null, 'sent'],
      );
      const ok = await logRow(t, 'legacy-ok');
      assert.deepEqual([ok.provider_message_id, ok.poll_at, ok.poll_failures], ['123456789', at, 0]);
      const { secret } = await newKey(t, ['sms:read']);
      const listed = await t.get('/api/v1/admin/sms/logs', bearer(secret));
      assert.equal(listed.status, 200);
      assert.equal(listed.body.logs.length, 2);
    } finally {
      await t.close();
    }
  });
});
