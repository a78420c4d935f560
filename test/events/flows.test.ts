import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import { requestChangeCode, confirmChange } from '../helpers/session-phone-change.ts';
import { freshPhone, signIn } from '../helpers/session-sign-in.ts';
import { sentText } from '../helpers/queue.ts';
import { withProviders } from '../helpers/sms-fakes.ts';
import { backdate } from '../helpers/queue.ts';

/** Every event row, oldest first. */
const eventRows = (t: TestApp) => t.database.db.selectFrom('events').selectAll().orderBy('id').execute();

/** Delivers what is due, as a worker's pass does, and returns how many it took. */
const deliverDue = (t: TestApp) => t.app.smsQueue.events!.runOnce();

forEachDatabase('events from the real flows', (backend) => {
  let receiver: EventReceiver;
  let t: TestApp;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    t = await startTestApp(backend, { env: { ...eventsEnv(receiver), OTP_RESEND_SECONDS: '1' } });
  });
  after(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('a first sign-in sends user.created and user.signed_in, verified by standardwebhooks; a second only user.signed_in', async () => {
    const user = await signIn(t);
    await deliverDue(t);
    const created = receiver.ofType('user.created').filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(
      created.map((e) => e.data),
      [{ user_id: user.userId, phone_number: user.phone }],
    );
    const signedIn = receiver.ofType('user.signed_in').filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(
      signedIn.map((e) => e.data),
      [{ user_id: user.userId, session_id: user.sessionId, method: 'sms' }],
    );
    assert.match(created[0]!.id, /^evt_[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(created[0]!.timestamp)));
    assert.equal(receiver.refused(), 0, 'every request verifies');

    await sleep(1100); // OTP_RESEND_SECONDS
    const again = await signIn(t, user.phone);
    await deliverDue(t);
    assert.equal(receiver.ofType('user.created').filter((e) => e.data.user_id === user.userId).length, 1);
    const sessions = receiver.ofType('user.signed_in').filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(
      sessions.map((e) => e.data.session_id),
      [user.sessionId, again.sessionId],
    );
    const rows = await eventRows(t);
    assert.ok(rows.every((row) => row.status === 'delivered' && row.attempts === 1));
  });

  it('a code message sends sms.status_changed sent, with the log id and template and without the number', async () => {
    const phone = freshPhone();
    assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone })).status, 200);
    await deliverDue(t);
    const log = await t.database.db
      .selectFrom('sms_logs')
      .selectAll()
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    const events = receiver.ofType('sms.status_changed').filter((e) => e.data.log_id === log.id);
    assert.deepEqual(
      events.map((e) => e.data),
      [{ log_id: log.id, status: 'sent', provider: 'webhook', template: 'otp_login', error_code: null }],
    );
    assert.ok(!JSON.stringify(events).includes(phone.slice(3)), 'the number is not in the event');
  });

  it('a phone change sends user.phone_changed with the new number', async () => {
    const user = await signIn(t);
    const target = freshPhone();
    const { code } = await requestChangeCode(t, user.accessToken, target);
    assert.equal((await confirmChange(t, user.accessToken, target, code!)).status, 200);
    await deliverDue(t);
    const changed = receiver.ofType('user.phone_changed').filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(
      changed.map((e) => e.data),
      [{ user_id: user.userId, phone_number: target }],
    );
  });

  it('a sign-in with a wrong code writes no event', async () => {
    const phone = freshPhone();
    assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone })).status, 200);
    const before = (await eventRows(t)).length;
    const wrong = t.sink.lastCode(phone) === '000000' ? '111111' : '000000';
    const answer = await t.post('/api/v1/otp/phone/login/verify', { phone_number: phone, code: wrong });
    assert.equal(answer.body.code, 'OTP_INVALID');
    assert.equal((await eventRows(t)).length, before);
  });

  it('the event row exists exactly when its change committed: a sign-in whose session write fails leaves neither', async () => {
    const phone = freshPhone();
    assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone })).status, 200);
    const code = t.sink.lastCode(phone)!;
    // Every session insert now fails inside the sign-in's own statement (or group-commit unit).
    await t.database.db.schema.alterTable('sessions').renameTo('sessions_away').execute();
    try {
      const answer = await t.post('/api/v1/otp/phone/login/verify', { phone_number: phone, code });
      assert.equal(answer.status, 500);
    } finally {
      await t.database.db.schema.alterTable('sessions_away').renameTo('sessions').execute();
    }
    const rows = await eventRows(t);
    const users = await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).execute();
    const aboutThem = rows.filter((row) => users.some((u) => row.user_id === u.id));
    assert.equal(
      aboutThem.filter((row) => row.type === 'user.signed_in').length,
      0,
      'no user.signed_in without its session',
    );
    assert.equal(
      aboutThem.filter((row) => row.type === 'user.created').length,
      users.length,
      'user.created iff the user',
    );
  });
});

forEachDatabase('events from the SMS queue', (backend) => {
  it('a queued message sends sms.status_changed sent, then delivered from the delivery report', async () => {
    const receiver = await startEventReceiver(newWebhookSecret());
    try {
      await withProviders(backend, ['kavenegar'], eventsEnv(receiver), async (t, fakes) => {
        const { id, messageId } = await sentText(t, freshPhone());
        fakes.kavenegar.setDelivery(messageId, 10);
        await backdate(t, 'poll_at', 60_000);
        assert.equal(await t.app.smsQueue.poller.runOnce(), 1);
        await t.app.smsQueue.events!.runOnce();
        const events = receiver.ofType('sms.status_changed').filter((e) => e.data.log_id === id);
        assert.deepEqual(
          events.map((e) => [e.data.status, e.data.provider, e.data.template]),
          [
            ['sent', 'kavenegar', null],
            ['delivered', 'kavenegar', null],
          ],
        );
      });
    } finally {
      await receiver.close();
    }
  });
});

describe('events when EVENTS_WEBHOOK_URL is unset', () => {
  forEachDatabase('no events', (backend) => {
    it('a sign-up, a code and a queued message write no event row and run no worker', async () => {
      const t = await startTestApp(backend);
      try {
        await signIn(t);
        await sentText(t, freshPhone());
        assert.equal(t.app.smsQueue.events, null);
        assert.deepEqual(await eventRows(t), []);
      } finally {
        await t.close();
      }
    });
  });
});
