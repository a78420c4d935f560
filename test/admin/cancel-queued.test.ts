import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { backdate, logRow, sendSms } from '../helpers/queue.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const TEN_MINUTES = 10 * 60_000;
const message = (id: string) => `/api/v1/admin/sms/messages/${id}`;
const revoke = (t: TestApp, secret: string, id: string) =>
  t.post(`/api/v1/admin/keys/${id}/revoke`, undefined, bearer(secret));
const cancelAll = (t: TestApp, secret: string, id: string) =>
  t.post(`/api/v1/admin/keys/${id}/cancel-queued`, undefined, bearer(secret));

async function cancel(t: TestApp, secret: string, id: string) {
  const res = await t.inject({ method: 'DELETE', url: message(id), headers: bearer(secret) });
  return { status: res.statusCode, body: res.json() };
}

async function queued(t: TestApp, secret: string, n: number): Promise<string> {
  const answer = await sendSms(t, secret, { to: mobile(n), text: `message ${n}` });
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  return answer.body.id;
}

const sentReferences = (t: TestApp) => t.sink.requests.map((request) => request.message?.reference);

forEachDatabase('cancelling queued messages', (backend) => {
  it('DELETE of a queued message cancels it, names who did, and the worker never sends it', async () => {
    await withApp(backend, {}, async (t) => {
      const { secret, id: keyId } = await newKey(t, ['sms:send']);
      const dropped = await queued(t, secret, 1);
      const kept = await queued(t, secret, 2);
      const answer = await cancel(t, secret, dropped);
      assert.deepEqual(answer, { status: 200, body: { success: true, id: dropped, status: 'cancelled' } });
      const row = await logRow(t, dropped);
      assert.deepEqual(
        [row.status, row.cancelled_by, row.payload, row.next_attempt_at],
        ['cancelled', keyId, null, null],
      );
      assert.ok(row.final_at !== null);

      await t.app.smsQueue.worker.runOnce();
      await backdate(t, 'next_attempt_at', TEN_MINUTES);
      await t.app.smsQueue.worker.runOnce();
      assert.deepEqual(sentReferences(t), [kept]);
      assert.equal((await cancel(t, secret, dropped)).status, 200, 'cancelling it again answers the same');
    });
  });

  it('a message being sent or already sent answers 409 MESSAGE_NOT_CANCELLABLE and goes out', async () => {
    await withApp(backend, {}, async (t) => {
      const { secret } = await newKey(t, ['sms:send']);
      const id = await queued(t, secret, 3);
      t.sink.answerNext('hang');
      const delivery = t.app.smsQueue.worker.runOnce();
      while ((await logRow(t, id)).status !== 'sending') await sleep(5);
      const whileSending = await cancel(t, secret, id);
      assert.equal(whileSending.status, 409);
      assert.equal(whileSending.body.code, 'MESSAGE_NOT_CANCELLABLE');
      await delivery;
      await backdate(t, 'next_attempt_at', TEN_MINUTES);
      await t.app.smsQueue.worker.runOnce();
      assert.equal((await logRow(t, id)).status, 'sent');
      const afterSent = await cancel(t, secret, id);
      assert.equal(afterSent.status, 409);
      assert.equal(afterSent.body.code, 'MESSAGE_NOT_CANCELLABLE');
      assert.equal((await cancel(t, secret, '01890000-0000-7000-8000-000000000000')).status, 404);
    });
  });

  it("sms:send cancels the key's own messages only; keys:write cancels any; neither scope is 403", async () => {
    await withApp(backend, {}, async (t) => {
      const owner = await newKey(t, ['sms:send'], 'owner');
      const other = await newKey(t, ['sms:send'], 'other');
      const staff = await newKey(t, ['keys:write'], 'staff');
      const reader = await newKey(t, ['sms:read'], 'reader');
      const first = await queued(t, owner.secret, 4);
      const second = await queued(t, owner.secret, 5);
      const refused = await cancel(t, other.secret, first);
      assert.deepEqual([refused.status, refused.body.code], [403, 'FORBIDDEN']);
      assert.deepEqual([(await cancel(t, reader.secret, first)).status], [403]);
      assert.equal((await cancel(t, staff.secret, first)).status, 200);
      assert.equal((await logRow(t, first)).cancelled_by, staff.id);
      assert.equal((await logRow(t, second)).status, 'queued');

      assert.equal((await cancelAll(t, other.secret, owner.id)).status, 403);
      const own = await cancelAll(t, owner.secret, owner.id);
      assert.deepEqual(own.body, { success: true, cancelled: 1 });
      assert.equal((await logRow(t, second)).status, 'cancelled');
      assert.equal(await t.app.smsQueue.worker.runOnce(), 0);
      assert.deepEqual(sentReferences(t), []);
    });
  });

  it('revoking a key cancels its queued messages and the worker sends none of them', async () => {
    await withApp(backend, {}, async (t) => {
      const shop = await newKey(t, ['sms:send'], 'shop');
      const bystander = await newKey(t, ['sms:send'], 'bystander');
      const staff = await newKey(t, ['keys:write'], 'staff');
      const ids = [await queued(t, shop.secret, 6), await queued(t, shop.secret, 7), await queued(t, shop.secret, 8)];
      const unrelated = await queued(t, bystander.secret, 9);

      assert.equal((await revoke(t, shop.secret, shop.id)).status, 403, 'revoking needs keys:write');
      const answer = await revoke(t, staff.secret, shop.id);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.cancelled, 3);
      assert.ok(answer.body.key.revoked_at !== null);
      for (const id of ids) {
        const row = await logRow(t, id);
        assert.deepEqual([row.status, row.cancelled_by], ['cancelled', staff.id]);
      }
      await t.app.smsQueue.worker.runOnce();
      await backdate(t, 'next_attempt_at', TEN_MINUTES);
      await t.app.smsQueue.worker.runOnce();
      assert.deepEqual(sentReferences(t), [unrelated]);
      assert.equal((await sendSms(t, shop.secret, { to: mobile(6), text: 'after' })).status, 401);
      assert.equal((await revoke(t, staff.secret, 'no-such-key')).status, 404);
    });
  });

  it('a message a worker holds at the revocation is sent or cancelled, never both, never left queued', async () => {
    await withApp(backend, {}, async (t) => {
      const shop = await newKey(t, ['sms:send'], 'shop');
      const staff = await newKey(t, ['keys:write'], 'staff');
      const failsThenWaits = await queued(t, shop.secret, 10);
      // The try hangs until SMS_TIMEOUT_MS, a failure after which the message would be tried again.
      t.sink.answerNext('hang');
      const delivery = t.app.smsQueue.worker.runOnce();
      while ((await logRow(t, failsThenWaits)).status !== 'sending') await sleep(5);
      const answer = await revoke(t, staff.secret, shop.id);
      assert.equal(answer.body.cancelled, 0, 'a message being sent is not cancelled under the worker');
      await delivery;
      assert.equal((await logRow(t, failsThenWaits)).status, 'queued', 'its try failed and it came back');

      await backdate(t, 'next_attempt_at', TEN_MINUTES);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 0, 'nothing of the revoked key is sent');
      const row = await logRow(t, failsThenWaits);
      assert.deepEqual([row.status, row.cancelled_by, row.payload], ['cancelled', staff.id, null]);
      assert.equal(t.sink.requests.length, 1, 'only the try that was under way when the key was revoked');
    });
  });
});
