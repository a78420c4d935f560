import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { sleep, toArabicIndicDigits, toPersianDigits, withApp } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';
import { confirmChange, requestChangeCode } from '../helpers/session-phone-change.ts';
import { meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from './helpers.ts';

/** Every table of the database, read from its catalogue: a table added later is scanned too. */
async function everyTable(t: TestApp): Promise<string[]> {
  const { db } = t.database;
  const rows =
    t.database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema()`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Each place (table.column) where any of `needles` is still found. */
async function whereFound(t: TestApp, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of await everyTable(t)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.database.db);
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
        if (needles.some((needle) => text.includes(needle))) found.push(`${table}.${column}`);
      }
    }
  }
  return [...new Set(found)];
}

/** The national number in each script, and the shop's id: what must not be left of a deleted user. */
const traces = (e164: string, externalId: string) => {
  const national = e164.slice(3);
  return [national, toPersianDigits(national), toArabicIndicDigits(national), externalId];
};

forEachDatabase('deleting a user', (backend) => {
  it('erases the number from every table and column, and the number signs up again as a new user', async () => {
    await withApp(backend, { OTP_RESEND_SECONDS: '1' }, async (t) => {
      const admin = await userAdmin(t);
      const sender = await newKey(t, ['sms:send'], 'shop backend');
      const first = '+989125550101';
      const second = '+989125550202';
      const made = await admin.create({ phone_number: first, external_id: 'gone-42', locale: 'en' });
      const id = made.body.user.id;
      const user = await signIn(t, first);
      assert.equal(user.userId, id);
      // The user moves to a second number: both are theirs to erase.
      const { code } = await requestChangeCode(t, user.accessToken, second);
      assert.equal((await confirmChange(t, user.accessToken, second, code!)).status, 200);
      await sleep(1100);
      const current = await signIn(t, second);

      // Messages to it, one mentioning it in other forms, one still queued, one to someone else naming it.
      // The phone-change notice to the first number goes out first.
      while ((await t.app.smsQueue.worker.runOnce()) > 0);
      const sent = await sendSms(t, sender.secret, { to: second, text: 'Your order shipped' });
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      await sendSms(t, sender.secret, {
        to: '09125550202',
        text: `Call us from 0912 or ${toPersianDigits('09125550202')}`,
      });
      const other = '+989127770000';
      await sendSms(t, sender.secret, { to: other, text: `Your friend 09125550101 and +989125550202 joined` });
      const { db } = t.database;
      await db
        .updateTable('sms_logs')
        .set({ error_message: `number 989125550202 is not reachable (${toArabicIndicDigits('9125550202')})` })
        .where('id', '=', sent.body.id)
        .execute();
      const now = t.clock.now();
      await db
        .insertInto('stock_alerts')
        .values({
          id: 'alert-1',
          user_id: id,
          product_id: 'p1',
          variant_id: '',
          channel: 'telegram',
          locale: 'en',
          status: 'notified',
          link_key: 'alert-1-key',
          created_at: now,
          notified_at: now,
          restock_id: null,
          message_id: 'tg-1',
          clicked_at: null,
          cancelled_at: null,
          cancel_reason: null,
        })
        .execute();
      // The alert's message names the user (here by their handle): it goes with the alert.
      await db
        .insertInto('telegram_messages')
        .values({
          id: 'tg-1',
          chat_id: '777',
          text: 'Back in stock for gone-42',
          reply_markup: null,
          alert_id: 'alert-1',
          status: 'sent',
          tries: 1,
          next_attempt_at: null,
          lease_until: null,
          telegram_message_id: '5',
          error: null,
          created_at: now,
          sent_at: now,
        })
        .execute();
      await db
        .insertInto('telegram_users')
        .values({
          telegram_id: '777',
          user_id: id,
          chat_id: '777',
          username: 'gone_42',
          first_name: 'Gone',
          last_name: null,
          photo_url: null,
          language_code: 'en',
          first_sign_in_at: now,
          last_sign_in_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();

      const needles = [...traces(first, 'gone-42'), ...traces(second, 'gone-42')];
      assert.ok((await whereFound(t, needles)).length > 3, 'the scan finds the number before the deletion');

      const deleted = await admin.remove(id);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal(deleted.body.messages_cancelled, 1);
      assert.ok(deleted.body.messages_erased >= 2);
      assert.deepEqual(await whereFound(t, needles), []);
      const telegram = await db
        .selectFrom('telegram_users')
        .select('telegram_id')
        .where('telegram_id', '=', '777')
        .execute();
      assert.deepEqual(telegram, [], 'the Telegram identity goes with its user');

      assert.equal(await meStatus(t, current.accessToken), 401);
      assert.equal((await refresh(t, current.refreshToken)).status, 401);
      assert.equal((await admin.get(`/${id}`)).status, 404);
      assert.equal((await admin.remove(id)).status, 404);
      // The rows other records need are kept, erased.
      const log = await db.selectFrom('sms_logs').selectAll().where('id', '=', sent.body.id).executeTakeFirstOrThrow();
      assert.equal(log.phone_number, 'erased');
      assert.equal(log.status, 'sent');
      const toOther = await db
        .selectFrom('sms_logs')
        .select('text')
        .where('phone_number', '=', other)
        .executeTakeFirstOrThrow();
      assert.equal(toOther.text, 'Your friend erased and erased joined');
      const audit = await db.selectFrom('admin_audit').select(['action', 'summary']).where('target', '=', id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['user.create', 'user.delete']);

      await sleep(1100);
      const again = await signIn(t, second);
      assert.notEqual(again.userId, id, 'a new user');
      assert.equal(await meStatus(t, again.accessToken), 200);
      const fresh = await admin.create({ phone_number: first, external_id: 'gone-42' });
      assert.equal(fresh.status, 201, 'the number and the external_id are free again');
    });
  });

  it('leaves a number another user now holds alone', async () => {
    await withApp(backend, { OTP_RESEND_SECONDS: '1' }, async (t) => {
      const admin = await userAdmin(t);
      const mover = await signIn(t, '+989126660001');
      const { code } = await requestChangeCode(t, mover.accessToken, '+989126660002');
      assert.equal((await confirmChange(t, mover.accessToken, '+989126660002', code!)).status, 200);
      await sleep(1100);
      // The first number, given up, is taken by someone else.
      const successor = await signIn(t, '+989126660001');
      assert.equal((await admin.remove(mover.userId)).status, 200);
      assert.equal(await meStatus(t, successor.accessToken), 200);
      const logs = await t.database.db
        .selectFrom('sms_logs')
        .select('phone_number')
        .where('phone_number', '=', '+989126660001')
        .execute();
      assert.ok(logs.length >= 2, "the successor's messages keep their number");
      assert.deepEqual(await whereFound(t, traces('+989126660002', 'no-external-id-given')), []);
    });
  });

  it('leaves what is said about another user whose number masks the same (+98912***0077) as it was', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const other = await admin.create({ phone_number: '09128880077', external_id: 'other-77' });
      const doomed = await admin.create({ phone_number: '09129990077', external_id: 'doomed-77' });
      const audit = () =>
        t.database.db.selectFrom('admin_audit').select('summary').where('target', '=', other.body.user.id).execute();
      const before = await audit();
      assert.ok(JSON.stringify(before).includes('+98912***0077'));
      assert.equal((await admin.remove(doomed.body.user.id)).status, 200);
      assert.deepEqual(await audit(), before);
    });
  });
});
