import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { deleteTemplate, putTemplate } from '../templates/helpers.ts';

const AUDIT = '/api/v1/admin/audit';

interface AuditRecord {
  id: string;
  created_at: string;
  actor: { key_id: string | null; name: string };
  action: string;
  target: string | null;
  summary: Record<string, any>;
}

/** Every record the listing holds (newest first), read page by page with `query`. */
async function allRecords(t: TestApp, secret: string, query = ''): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let cursor: string | null = null;
  do {
    const params = [query, 'limit=2', cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
    const page = await t.get(`${AUDIT}?${params}`, bearer(secret));
    assert.equal(page.status, 200, JSON.stringify(page.body));
    records.push(...page.body.records);
    cursor = page.body.next_cursor;
  } while (cursor);
  return records;
}

forEachDatabase('the audit trail of admin changes', (backend) => {
  it('records every admin write with the key that made it, what changed, and never a secret', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await newKey(t, ['templates:write', 'sms:send', 'keys:write'], 'staff');
      const auditor = await newKey(t, ['audit:read'], 'auditor');
      const doomed = await newKey(t, ['sms:send'], 'old backend');
      const write = bearer(admin.secret);
      // The listing orders records by time, then by id, which is random within a millisecond.
      const tick = () => t.clock.advance(1);

      const longBody = `Order {order} is on its way. ${'x'.repeat(400)}`;
      assert.equal(
        (await putTemplate(t, 'order_shipped', 'en', { body: 'Order {order} shipped.' }, write)).status,
        200,
      );
      tick();
      assert.equal((await putTemplate(t, 'order_shipped', 'en', { body: longBody }, write)).status, 200);
      tick();
      assert.equal((await deleteTemplate(t, 'order_shipped', 'en', write)).status, 200);
      tick();
      const sent = await sendSms(t, admin.secret, { to: mobile(1), text: 'hello' });
      tick();
      const kept = await sendSms(t, admin.secret, { to: mobile(2), text: 'hello again' });
      tick();
      const del = await t.inject({
        method: 'DELETE',
        url: `/api/v1/admin/sms/messages/${sent.body.id}`,
        headers: write,
      });
      assert.equal(del.statusCode, 200);
      tick();
      await sendSms(t, doomed.secret, { to: mobile(3), text: 'from the old backend' });
      tick();
      assert.equal((await t.post(`/api/v1/admin/keys/${admin.id}/cancel-queued`, undefined, write)).status, 200);
      tick();
      assert.equal((await t.post(`/api/v1/admin/keys/${doomed.id}/revoke`, undefined, write)).status, 200);

      const records = await allRecords(t, auditor.secret);
      const byAdmin = records.filter((r) => r.actor.key_id === admin.id).reverse();
      assert.deepEqual(
        byAdmin.map((r) => [r.action, r.target, r.actor.name]),
        [
          ['template.put', 'order_shipped/en', 'staff'],
          ['template.put', 'order_shipped/en', 'staff'],
          ['template.delete', 'order_shipped/en', 'staff'],
          ['sms.send', sent.body.id, 'staff'],
          ['sms.send', kept.body.id, 'staff'],
          ['sms.cancel', sent.body.id, 'staff'],
          ['key.cancel_queued', admin.id, 'staff'],
          ['key.revoke', doomed.id, 'staff'],
        ],
      );
      const [created, replaced, deleted, send] = byAdmin;
      assert.deepEqual(created!.summary, { before: null, after: { body: 'Order {order} shipped.', approved: [] } });
      assert.equal(replaced!.summary.before.body, 'Order {order} shipped.');
      assert.ok(replaced!.summary.after.body.length < 300, 'a long body is cut');
      assert.ok(replaced!.summary.after.body.startsWith('Order {order} is on its way.'));
      assert.equal(deleted!.summary.after, null);
      assert.equal(send!.summary.to, '+98912***0001', 'the recipient is masked');
      assert.equal(byAdmin.at(-1)!.summary.cancelled, 1);

      const byDoomed = records.filter((r) => r.actor.key_id === doomed.id);
      assert.deepEqual(
        byDoomed.map((r) => r.action),
        ['sms.send'],
      );
      const byCli = records.filter((r) => r.actor.key_id === null);
      assert.deepEqual(byCli.map((r) => [r.action, r.actor.name]).reverse(), [
        ['key.create', 'cli'],
        ['key.create', 'cli'],
        ['key.create', 'cli'],
      ]);
      const everything = JSON.stringify(records);
      for (const secret of [admin.secret, auditor.secret, doomed.secret]) assert.ok(!everything.includes(secret));
      assert.ok(!everything.includes(mobile(1)), 'no full number');
    });
  });

  it('filters by key and action, pages by cursor, and needs audit:read', async () => {
    await withApp(backend, {}, async (t) => {
      const one = await newKey(t, ['sms:send'], 'one');
      const two = await newKey(t, ['sms:send'], 'two');
      const auditor = await newKey(t, ['audit:read'], 'auditor');
      for (let i = 0; i < 3; i++) await sendSms(t, one.secret, { to: mobile(i), text: `one ${i}` });
      await sendSms(t, two.secret, { to: mobile(9), text: 'two' });

      const ofOne = await allRecords(t, auditor.secret, `key_id=${one.id}`);
      assert.deepEqual(
        ofOne.map((r) => r.action),
        ['sms.send', 'sms.send', 'sms.send'],
      );
      const creations = await allRecords(t, auditor.secret, 'action=key.create');
      assert.equal(creations.length, 3);
      const all = await allRecords(t, auditor.secret);
      assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'no record twice across pages');
      assert.equal(all.length, 7);

      const refused = await t.get(AUDIT, bearer(one.secret));
      assert.deepEqual([refused.status, refused.body.code], [403, 'FORBIDDEN']);
      assert.equal((await t.get(AUDIT)).status, 401);
      const unknown = await t.get(`${AUDIT}?actor=x`, bearer(auditor.secret));
      assert.equal(unknown.status, 400);
      assert.equal((await t.get(`${AUDIT}?cursor=nonsense`, bearer(auditor.secret))).status, 400);
    });
  });

  it('a change whose record cannot be written is not made', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await newKey(t, ['templates:write', 'sms:send'], 'staff');
      await sql`drop table admin_audit`.execute(t.database.db);
      const put = await putTemplate(t, 'order_shipped', 'en', { body: 'Order {order} shipped.' }, bearer(admin.secret));
      assert.equal(put.status, 500);
      const send = await sendSms(t, admin.secret, { to: mobile(1), text: 'hello' });
      assert.equal(send.status, 500);
      const templates = await t.database.db
        .selectFrom('sms_templates')
        .select('id')
        .where('key', '=', 'order_shipped')
        .execute();
      assert.deepEqual(templates, []);
      assert.deepEqual(await t.database.db.selectFrom('sms_logs').select('id').execute(), []);
    });
  });
});
