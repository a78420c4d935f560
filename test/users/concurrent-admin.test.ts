import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';
import { userAdmin } from './helpers.ts';

/** Rows of `table` about the user: its events of `type`, or its audit records of `action`. */
const eventsOf = (t: TestApp, type: string, userId: string) =>
  t.database.db.selectFrom('events').select('id').where('type', '=', type).where('user_id', '=', userId).execute();
const auditOf = (t: TestApp, action: string, userId: string) =>
  t.database.db
    .selectFrom('admin_audit')
    .select('summary')
    .where('action', '=', action)
    .where('target', '=', userId)
    .execute();

forEachDatabase('one user changed by the admin API on two instances at once', (backend) => {
  let receiver: EventReceiver;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    a = await startTestApp(backend, { env: eventsEnv(receiver) });
    b = await startTestApp(backend, { env: eventsEnv(receiver), shareWith: a });
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await receiver?.close();
  });

  it('is blocked once: one user.blocked event, one audit record that says it was not blocked before', async () => {
    const [adminA, adminB] = [await userAdmin(a), await userAdmin(b)];
    const created = await adminA.create({ phone_number: freshPhone(), external_id: `race-${Date.now()}` });
    const id = created.body.user.id;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? adminA : adminB).act(id, 'block')),
    );
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
    assert.equal((await eventsOf(a, 'user.blocked', id)).length, 1);
    const firsts = (await auditOf(a, 'user.block', id)).filter((row) =>
      row.summary.includes('"already_blocked":false'),
    );
    assert.equal(firsts.length, 1);
  });

  it('is deleted once: one 200 and the rest 404, one user.deleted event, one audit record', async () => {
    const [adminA, adminB] = [await userAdmin(a), await userAdmin(b)];
    const created = await adminA.create({ phone_number: freshPhone(), external_id: `gone-${Date.now()}` });
    const id = created.body.user.id;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? adminA : adminB).remove(id)));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [200, ...Array(9).fill(404)]);
    assert.equal((await eventsOf(a, 'user.deleted', id)).length, 1);
    assert.equal((await auditOf(a, 'user.delete', id)).length, 1);
  });
});
