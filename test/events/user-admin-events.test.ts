import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import { signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from '../users/helpers.ts';

const deliverDue = (t: TestApp) => t.app.smsQueue.events!.runOnce();

forEachDatabase('events from the users admin API', (backend) => {
  let receiver: EventReceiver;
  let t: TestApp;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    t = await startTestApp(backend, { env: eventsEnv(receiver) });
  });
  after(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('blocking sends user.blocked once; blocking again sends nothing more', async () => {
    const admin = await userAdmin(t);
    const user = await signIn(t);
    assert.equal((await admin.act(user.userId, 'block')).status, 200);
    assert.equal((await admin.act(user.userId, 'block')).status, 200);
    await deliverDue(t);
    const blocked = receiver.ofType('user.blocked').filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(
      blocked.map((e) => e.data),
      [{ user_id: user.userId }],
    );
  });

  it('deleting sends user.deleted, and no event kept in the outbox names the number any more', async () => {
    const admin = await userAdmin(t);
    const user = await signIn(t); // its user.created (with the number) waits undelivered in the outbox
    assert.equal((await admin.remove(user.userId)).status, 200);
    const rows = await t.database.db.selectFrom('events').selectAll().where('user_id', '=', user.userId).execute();
    const digits = user.phone.slice(-7);
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(!row.payload.includes(digits), `${row.type} still names the number`);
    await deliverDue(t);
    const mine = ['user.created', 'user.signed_in', 'user.deleted']
      .flatMap((type) => receiver.ofType(type))
      .filter((e) => e.data.user_id === user.userId);
    assert.deepEqual(mine.map((e) => e.type).sort(), ['user.created', 'user.deleted', 'user.signed_in']);
    assert.ok(!JSON.stringify(mine).includes(digits));
  });
});
