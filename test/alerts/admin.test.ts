import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import type { FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { toPersianDigits } from '../helpers/otp-flow.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';
import {
  ADMIN_ALERTS,
  alertEnv,
  alertRowsOf,
  del,
  linkTelegram,
  productAlerts,
  reportStock,
  startAlertBotApi,
} from './helpers.ts';

forEachDatabase('back-in-stock alerts over the admin API', (backend) => {
  let fake: FakeBotApi;
  let t: TestApp;
  let shop: Record<string, string>;
  before(async () => {
    fake = await startAlertBotApi();
    t = await startTestApp(backend, { env: alertEnv(fake) });
    shop = bearer((await newKey(t, ['alerts:read', 'alerts:write'], 'shop backend')).secret);
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  const subscribe = (body: object, headers: Record<string, string> = shop) => t.post(ADMIN_ALERTS, body, headers);
  const auditOf = (action: string, target: string) =>
    t.database.db
      .selectFrom('admin_audit')
      .selectAll()
      .where('action', '=', action)
      .where('target', '=', target)
      .execute();

  it('by a number with no user: creates the user as the users API does, then the alert; once', async () => {
    const phone = freshPhone();
    const typed = toPersianDigits(`0${phone.slice(3)}`);
    const first = await subscribe(
      { phone_number: typed, product_id: 'kettle', channels: ['sms'] },
      { ...shop, 'accept-language': 'en' },
    );
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.user_created, true);
    assert.equal(first.body.created, true);
    const userId = first.body.user_id;
    const user = await t.database.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(user.phone_number, phone);
    assert.equal(user.phone_verified, 0, 'the first sign-in with a code verifies it');
    assert.equal(user.locale, null);
    assert.equal(first.body.alerts[0].user_id, userId);
    assert.equal(first.body.alerts[0].locale, 'en');
    assert.equal(first.body.alerts[0].clicked_at, null);

    const again = await subscribe({ phone_number: phone, product_id: 'kettle', channels: ['sms'] });
    assert.equal(again.status, 200);
    assert.equal(again.body.user_created, false);
    assert.equal(again.body.created, false);
    assert.deepEqual(again.body.alerts, first.body.alerts);

    const [created] = await auditOf('user.create', userId);
    assert.equal(created?.actor_name, 'shop backend');
    assert.ok(!created!.summary.includes(phone), 'the audit summary keeps the number masked');
    assert.equal((await auditOf('alert.subscribe', userId)).length, 1, 'a repeat that changed nothing is not audited');

    // The user signs in later with a code: the same user, now verified.
    const signedIn = await signIn(t, phone);
    assert.equal(signedIn.userId, userId);
  });

  it('the same new number from many requests at once makes one user and one alert', async () => {
    const phone = freshPhone();
    const body = { phone_number: phone, product_id: 'rush', channels: ['sms'] };
    const answers = await Promise.all(Array.from({ length: 10 }, () => subscribe(body)));
    for (const answer of answers) assert.ok([200, 201].includes(answer.status), JSON.stringify(answer.body));
    const users = await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).execute();
    assert.equal(users.length, 1);
    assert.equal(answers.filter((answer) => answer.body.user_created).length, 1);
    const rows = await alertRowsOf(t, users[0]!.id);
    assert.equal(rows.length, 1);
    for (const answer of answers) assert.equal(answer.body.alerts[0].id, rows[0]!.id);
  });

  it('by external_id and by user_id, only for users that exist; exactly one of the three', async () => {
    const sara = await signIn(t);
    await t.database.db.updateTable('users').set({ external_id: 'cust-55' }).where('id', '=', sara.userId).execute();
    const byExternal = await subscribe({ external_id: 'cust-55', product_id: 'mug', channels: ['sms'] });
    assert.equal(byExternal.status, 201);
    assert.equal(byExternal.body.user_id, sara.userId);
    const byId = await subscribe({ user_id: sara.userId, product_id: 'mug', channels: ['sms'] });
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.body.alerts, byExternal.body.alerts);
    const byPhone = await subscribe({ phone_number: sara.phone, product_id: 'mug', channels: ['sms'] });
    assert.equal(byPhone.body.user_created, false);
    assert.deepEqual(byPhone.body.alerts, byExternal.body.alerts);

    const unknownExternal = await subscribe({ external_id: 'cust-nobody', product_id: 'mug', channels: ['sms'] });
    assert.equal(unknownExternal.status, 404);
    assert.equal(unknownExternal.body.code, 'NOT_FOUND');
    assert.equal((await subscribe({ user_id: 'no-such-user', product_id: 'mug', channels: ['sms'] })).status, 404);
    for (const body of [
      { product_id: 'mug', channels: ['sms'] },
      { user_id: sara.userId, external_id: 'cust-55', product_id: 'mug', channels: ['sms'] },
    ]) {
      const answer = await subscribe(body);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.code, 'VALIDATION_ERROR');
      assert.match(answer.body.message, /exactly one of phone_number, external_id or user_id/);
    }
    const badPhone = await subscribe({ phone_number: '123', product_id: 'mug', channels: ['sms'] });
    assert.equal(badPhone.body.code, 'INVALID_PHONE');
    const count = await t.database.db.selectFrom('users').select('id').where('phone_number', '=', '123').execute();
    assert.equal(count.length, 0);
  });

  it('the channel rules hold for the shop too, and a blocked user cannot be subscribed', async () => {
    const sara = await signIn(t);
    const telegram = await subscribe({ user_id: sara.userId, product_id: 'pan', channels: ['sms', 'telegram'] });
    assert.equal(telegram.status, 409);
    assert.equal(telegram.body.code, 'ALERT_CHANNEL_UNAVAILABLE');
    assert.equal(telegram.body.channel, 'telegram');
    assert.equal((await alertRowsOf(t, sara.userId)).length, 0);
    await linkTelegram(t, sara.userId);
    assert.equal(
      (await subscribe({ user_id: sara.userId, product_id: 'pan', channels: ['sms', 'telegram'] })).status,
      201,
    );

    const omid = await signIn(t);
    await t.database.db.updateTable('users').set({ blocked_at: Date.now() }).where('id', '=', omid.userId).execute();
    const blocked = await subscribe({ phone_number: omid.phone, product_id: 'pan', channels: ['sms'] });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'USER_BLOCKED');
    assert.equal((await alertRowsOf(t, omid.userId)).length, 0);
  });

  it('scopes: alerts:read reads but cannot write, alerts:write does not read, other keys are refused', async () => {
    const reader = bearer((await newKey(t, ['alerts:read'])).secret);
    const writer = bearer((await newKey(t, ['alerts:write'])).secret);
    const other = bearer((await newKey(t, ['users:read', 'users:write', 'sms:send'])).secret);
    const phone = freshPhone();
    const body = { phone_number: phone, product_id: 'scoped', channels: ['sms'] };

    for (const headers of [reader, other]) {
      const refused = await subscribe(body, headers);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'FORBIDDEN');
    }
    assert.equal((await subscribe(body, {})).status, 401);
    const none = await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).execute();
    assert.equal(none.length, 0, 'a refused request creates no user');

    const made = await subscribe(body, writer);
    assert.equal(made.status, 201);
    const id = made.body.alerts[0].id;
    assert.equal((await t.get(ADMIN_ALERTS, writer)).status, 403);
    assert.equal((await t.get(productAlerts('scoped'), writer)).status, 403);
    assert.equal((await t.get(ADMIN_ALERTS, other)).status, 403);
    assert.equal((await t.get(productAlerts('scoped'), other)).status, 403);
    assert.equal((await t.get(ADMIN_ALERTS, reader)).status, 200);
    assert.equal((await t.get(productAlerts('scoped'), reader)).status, 200);
    assert.equal((await del(t, `${ADMIN_ALERTS}/${id}`, reader)).status, 403);
    assert.equal((await del(t, `${ADMIN_ALERTS}/${id}`, other)).status, 403);
    assert.equal((await alertRowsOf(t, made.body.user_id))[0]!.status, 'active');
    assert.equal((await del(t, `${ADMIN_ALERTS}/${id}`, writer)).status, 200);
  });

  it('cancels any alert with reason admin, audited; again is fine; an unknown id is 404', async () => {
    const sara = await signIn(t);
    const made = await subscribe({ user_id: sara.userId, product_id: 'lamp', channels: ['sms'] });
    const id = made.body.alerts[0].id;
    const cancelled = await del(t, `${ADMIN_ALERTS}/${id}`, shop);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.cancelled, true);
    assert.equal(cancelled.body.alert.status, 'cancelled');
    assert.equal(cancelled.body.alert.cancel_reason, 'admin');
    const again = await del(t, `${ADMIN_ALERTS}/${id}`, shop);
    assert.equal(again.body.cancelled, false);
    const audit = await auditOf('alert.cancel', id);
    assert.deepEqual(audit.map((row) => row.summary).sort(), ['{"cancelled":false}', '{"cancelled":true}']);
    assert.ok(audit.every((row) => row.actor_name === 'shop backend'));
    assert.equal((await del(t, `${ADMIN_ALERTS}/no-such-alert`, shop)).status, 404);
  });

  it('lists by number, external_id, user_id, product and status, paged', async () => {
    const sara = await signIn(t);
    const omid = await signIn(t);
    await t.database.db.updateTable('users').set({ external_id: 'omid-1' }).where('id', '=', omid.userId).execute();
    const ids: string[] = [];
    for (const [user, product] of [
      [sara, 'list-a'],
      [sara, 'list-b'],
      [omid, 'list-a'],
    ] as const) {
      t.clock.advance(5);
      ids.push((await subscribe({ user_id: user.userId, product_id: product, channels: ['sms'] })).body.alerts[0].id);
    }
    await del(t, `${ADMIN_ALERTS}/${ids[1]}`, shop);
    const listed = async (query: string) => {
      const answer = await t.get(`${ADMIN_ALERTS}?${query}`, shop);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.alerts.map((a: { id: string }) => a.id);
    };
    assert.deepEqual(await listed(`phone_number=${encodeURIComponent(`0${sara.phone.slice(3)}`)}`), [ids[1], ids[0]]);
    assert.deepEqual(await listed('external_id=omid-1'), [ids[2]]);
    assert.deepEqual(await listed(`user_id=${sara.userId}&status=active`), [ids[0]]);
    assert.deepEqual(await listed(`user_id=${sara.userId}&status=cancelled`), [ids[1]]);
    assert.deepEqual(await listed('product_id=list-a'), [ids[2], ids[0]]);
    assert.deepEqual(await listed('product_id=list-a&external_id=omid-1'), [ids[2]]);
    assert.deepEqual(await listed('external_id=nobody'), []);

    const first = await t.get(`${ADMIN_ALERTS}?product_id=list-a&limit=1`, shop);
    assert.deepEqual(
      first.body.alerts.map((a: { id: string }) => a.id),
      [ids[2]],
    );
    assert.equal(first.body.alerts[0].user_id, omid.userId);
    const second = await t.get(`${ADMIN_ALERTS}?product_id=list-a&limit=1&cursor=${first.body.next_cursor}`, shop);
    assert.deepEqual(
      second.body.alerts.map((a: { id: string }) => a.id),
      [ids[0]],
    );
    assert.equal(second.body.next_cursor, null);

    for (const query of ['status=gone', 'phone=1', 'cursor=nope', 'limit=101']) {
      assert.equal((await t.get(`${ADMIN_ALERTS}?${query}`, shop)).status, 400, query);
    }
    assert.equal((await t.get(`${ADMIN_ALERTS}?phone_number=123`, shop)).body.code, 'INVALID_PHONE');
  });

  it("counts a product's subscribers: active per variant and channel, notified and cancelled", async () => {
    const product = 'counted-pot';
    await reportStock(t, product, '', 'Copper pot');
    const users = await Promise.all([signIn(t), signIn(t), signIn(t), signIn(t)]);
    const [a, b, c, d] = users;
    await linkTelegram(t, a!.userId);
    const add = async (user: typeof a, variant: string | undefined, channels: string[]) =>
      (
        await subscribe({
          user_id: user!.userId,
          product_id: product,
          ...(variant === undefined ? {} : { variant_id: variant }),
          channels,
        })
      ).body.alerts;
    await add(a, undefined, ['sms', 'telegram']);
    await add(b, 'red', ['sms']);
    const [cancelled] = await add(c, undefined, ['sms']);
    await del(t, `${ADMIN_ALERTS}/${cancelled.id}`, shop);
    const [notified] = await add(d, undefined, ['sms']);
    await t.database.db
      .updateTable('stock_alerts')
      .set({ status: 'notified', notified_at: Date.now() })
      .where('id', '=', notified.id)
      .execute();
    await add(a, undefined, ['sms']);
    await subscribe({ user_id: a!.userId, product_id: 'other-pot', channels: ['sms'] });

    const counts = await t.get(productAlerts(product), shop);
    assert.equal(counts.status, 200, JSON.stringify(counts.body));
    assert.deepEqual(counts.body, {
      success: true,
      product_id: product,
      variants: [
        {
          variant_id: null,
          product_name: 'Copper pot',
          active: { sms: 1, telegram: 1, total: 2 },
          notified: 1,
          cancelled: 1,
        },
        {
          variant_id: 'red',
          product_name: null,
          active: { sms: 1, telegram: 0, total: 1 },
          notified: 0,
          cancelled: 0,
        },
      ],
    });
    assert.deepEqual((await t.get(productAlerts('nobody-wants-it'), shop)).body.variants, []);
    assert.equal((await t.get(productAlerts('x'.repeat(129)), shop)).status, 400);
  });
});
