import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { alertLinks } from '../../src/alerts/link-token.ts';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import { TEST_BOT_TOKEN as TELEGRAM_BOT_TOKEN } from '../helpers/telegram-login.ts';
import { alertPhone, alertsOf, messagesPerAlert, stockAdmin, subscribe } from './stock-helpers.ts';

let products = 0;
const newProduct = () => `sku-${process.pid}-${++products}`;

forEachDatabase('restocks: stock reports and the fan-out', (backend) => {
  let receiver: EventReceiver;
  let t: TestApp;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    t = await startTestApp(backend, {
      env: { ...eventsEnv(receiver), TELEGRAM_BOT_TOKEN, TELEGRAM_BOT_USERNAME: 'shop_bot', TELEGRAM_UPDATES: 'off' },
    });
  });
  after(async () => {
    await t?.close();
    await receiver?.close();
  });
  const db = () => t.database.db;
  const fanOut = () => t.app.alertFanOut.runOnce();

  it('a restock is the change from none (no row, or 0 or less) to some, and only that', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const restocked = async (quantity: number, variant?: string) => {
      const answer = await admin.report(product, {
        quantity,
        ...(variant === undefined ? {} : { variant_id: variant }),
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.quantity, quantity);
      return answer.body.restock !== null;
    };
    assert.equal(await restocked(0), false, 'none: 0 -> 0 is no restock');
    assert.equal(await restocked(0), false, '0 -> 0 again');
    assert.equal(await restocked(5), true, '0 -> 5');
    assert.equal(await restocked(7), false, '5 -> 7');
    assert.equal(await restocked(0), false, '7 -> 0');
    assert.equal(await restocked(3), true, '0 -> 3');
    assert.equal(await restocked(-2), false, '3 -> -2 (backorders are no stock)');
    assert.equal(await restocked(4), true, '-2 -> 4');
    assert.equal(await restocked(6, 'red'), true, 'a variant never reported is none');
    assert.equal(await restocked(6, 'red'), false, 'the same report twice');
    const count = await db().selectFrom('restocks').select('id').where('product_id', '=', product).execute();
    assert.equal(count.length, 4);
  });

  it('keeps the name and url a report leaves out; refuses a url that is not http or https', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    await admin.report(product, { quantity: 0, name: 'Blue shoe', url: 'https://shop.example.com/blue' });
    const answer = await admin.report(product, { quantity: 2 });
    assert.equal(answer.body.variant_id, null, 'no variant reads as null, as in the alerts');
    const restock = await db()
      .selectFrom('restocks')
      .selectAll()
      .where('id', '=', answer.body.restock.id)
      .executeTakeFirstOrThrow();
    assert.equal(restock.name, 'Blue shoe');
    assert.equal(restock.url, 'https://shop.example.com/blue');
    const refused = await admin.report(product, { quantity: 2, url: 'javascript:alert(1)' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'VALIDATION_ERROR');
    // A name goes into SMS, buttons and pages: one line, not blank, nothing that reorders the text around it.
    for (const name of ['   ', ' padded', 'evil\u202Eelif', 'two\nlines', 'n'.repeat(101)]) {
      const answer = await admin.report(product, { quantity: 2, name });
      assert.equal(answer.status, 400, JSON.stringify(name));
      assert.equal(answer.body.code, 'VALIDATION_ERROR');
    }
    // Every id a subscription may name can be reported: Persian variants, spaces inside, 100 characters.
    assert.equal((await admin.report(product, { quantity: 0, variant_id: 'قرمز روشن' })).status, 200);
    assert.equal((await admin.report('p'.repeat(100), { quantity: 0 })).status, 200);
    assert.equal((await admin.report(product, { quantity: 0, variant_id: '' })).status, 400);
  });

  it('queues one message per active subscription made before the restock, oldest first, with its links', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const start = t.clock.now() - 60_000;
    const sms = await subscribe(db(), { product, createdAt: start, locale: 'en' });
    const fa = await subscribe(db(), { product, createdAt: start + 1, locale: 'fa' });
    const tg = await subscribe(db(), { product, channel: 'telegram', createdAt: start + 2 });
    const blocked = await subscribe(db(), {
      product,
      channel: 'telegram',
      createdAt: start + 3,
      telegram: { chatId: '55', blocked: true },
    });
    const stopped = await subscribe(db(), {
      product,
      channel: 'telegram',
      createdAt: start + 4,
      telegram: { chatId: '56', stopped: true },
    });
    const numberless = await subscribe(db(), { product, createdAt: start + 5, phone: null });
    const otherVariant = await subscribe(db(), { product, variant: 'xl', createdAt: start + 6 });
    const shunned = await subscribe(db(), { product, channel: 'telegram', createdAt: start + 7 });
    await db().updateTable('users').set({ blocked_at: start }).where('id', '=', shunned.userId).execute();
    const answer = await admin.report(product, { quantity: 10, name: 'Green hat' });
    const restockId = answer.body.restock.id as string;
    const later = await subscribe(db(), { product, createdAt: t.clock.now() + 1 });
    await fanOut();

    const alerts = new Map((await alertsOf(db(), product)).map((a) => [a.id, a]));
    for (const { alertId } of [sms, fa, tg]) {
      const alert = alerts.get(alertId)!;
      assert.equal(alert.status, 'notified');
      assert.equal(alert.restock_id, restockId);
      assert.ok(alert.message_id);
    }
    assert.equal(alerts.get(blocked.alertId)!.cancel_reason, 'bot_blocked');
    assert.equal(alerts.get(stopped.alertId)!.cancel_reason, 'bot_blocked');
    assert.equal(alerts.get(numberless.alertId)!.cancel_reason, 'no_phone');
    assert.equal(alerts.get(shunned.alertId)!.cancel_reason, 'user_blocked', 'a user the shop blocked hears nothing');
    assert.equal(alerts.get(otherVariant.alertId)!.status, 'active', 'another variant is another product');
    assert.equal(alerts.get(later.alertId)!.status, 'active', 'made after the restock: waits for the next');

    const links = (id: string) =>
      alertLinks(
        t.config.tokens.issuer,
        deriveKeys(t.config.authSecret!).alertLink,
        alerts.get(id)!.link_key as string,
      );
    const log = await db()
      .selectFrom('sms_logs')
      .selectAll()
      .where('id', '=', alerts.get(sms.alertId)!.message_id!)
      .executeTakeFirstOrThrow();
    assert.equal(log.status, 'queued');
    assert.equal(log.template, 'stock_alert');
    assert.equal(log.text, `Green hat is back in stock: ${links(sms.alertId).click}\nStop: ${links(sms.alertId).stop}`);
    const faLog = await db()
      .selectFrom('sms_logs')
      .select(['locale', 'text'])
      .where('id', '=', alerts.get(fa.alertId)!.message_id!)
      .executeTakeFirstOrThrow();
    assert.equal(faLog.locale, 'fa');
    assert.ok(faLog.text.includes(links(fa.alertId).stop));

    const message = await db()
      .selectFrom('telegram_messages')
      .selectAll()
      .where('alert_id', '=', tg.alertId)
      .executeTakeFirstOrThrow();
    assert.equal(message.id, alerts.get(tg.alertId)!.message_id);
    assert.equal(message.status, 'queued');
    assert.equal(message.text, `Green hat is back in stock.\n${links(tg.alertId).click}`);
    assert.deepEqual(JSON.parse(message.reply_markup!), {
      inline_keyboard: [[{ text: 'Stop alerts for this product', callback_data: `alert:stop:${tg.alertId}` }]],
    });

    const restock = await db().selectFrom('restocks').selectAll().where('id', '=', restockId).executeTakeFirstOrThrow();
    assert.equal(restock.status, 'done');
    assert.equal(Number(restock.notified), 3);
    assert.ok(restock.finished_at);

    // Once more: nothing is due, nothing new is queued.
    await fanOut();
    const counts = await messagesPerAlert(db(), product);
    assert.deepEqual(
      [...counts.entries()]
        .filter(([, n]) => n > 0)
        .map(([id, n]) => [id, n])
        .sort(),
      [sms.alertId, fa.alertId, tg.alertId].map((id) => [id, 1]).sort(),
    );
  });

  it('records alert.notified for the shop in the same transaction', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const { alertId, userId } = await subscribe(db(), { product, createdAt: t.clock.now() - 1000 });
    const restockId = (await admin.report(product, { quantity: 1 })).body.restock.id;
    await fanOut();
    const rows = await db().selectFrom('events').selectAll().where('type', '=', 'alert.notified').execute();
    const mine = rows.map((row) => JSON.parse(row.payload)).filter((data) => data.alert_id === alertId);
    const alert = (await alertsOf(db(), product))[0]!;
    assert.deepEqual(mine, [
      {
        alert_id: alertId,
        user_id: userId,
        product_id: product,
        variant_id: null,
        channel: 'sms',
        restock_id: restockId,
        message_id: alert.message_id,
      },
    ]);
  });

  it('ten concurrent reports make one restock, and each subscription is queued once', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    for (let i = 0; i < 20; i += 1) await subscribe(db(), { product, createdAt: t.clock.now() - 10_000 + i });
    // Known and out of stock, so that every report reads the one row (the lock, not the insert, decides).
    await admin.report(product, { quantity: 0 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.report(product, { quantity: 5 })));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(200),
    );
    assert.equal(answers.filter((a) => a.body.restock !== null).length, 1);
    const restocks = await db().selectFrom('restocks').select('id').where('product_id', '=', product).execute();
    assert.equal(restocks.length, 1);
    // Two fan-outs at once (as two instances would run them): still one message each.
    await Promise.all([fanOut(), fanOut()]);
    const counts = await messagesPerAlert(db(), product);
    assert.deepEqual([...counts.values()], Array(20).fill(1));
  });

  it('two restocks of one product at once (0 -> 3 -> 0 -> 3) still queue each subscription once', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    for (let i = 0; i < 12; i += 1) await subscribe(db(), { product, createdAt: t.clock.now() - 10_000 + i });
    await admin.report(product, { quantity: 3 });
    await admin.report(product, { quantity: 0 });
    await admin.report(product, { quantity: 3 });
    await Promise.all([fanOut(), fanOut()]);
    const counts = await messagesPerAlert(db(), product);
    assert.deepEqual([...counts.values()], Array(12).fill(1));
  });

  it('a fan-out that finds the product out of stock again ends, and leaves the subscriptions active', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const { alertId } = await subscribe(db(), { product, createdAt: t.clock.now() - 1000 });
    const restockId = (await admin.report(product, { quantity: 2 })).body.restock.id;
    await admin.report(product, { quantity: 0 });
    await fanOut();
    const restock = await db().selectFrom('restocks').selectAll().where('id', '=', restockId).executeTakeFirstOrThrow();
    assert.equal(restock.status, 'done');
    assert.equal(Number(restock.notified), 0);
    assert.equal((await alertsOf(db(), product)).find((a) => a.id === alertId)!.status, 'active');
    assert.equal((await messagesPerAlert(db(), product)).get(alertId), 0);
    // The next restock notifies it.
    await admin.report(product, { quantity: 1 });
    await fanOut();
    assert.equal((await messagesPerAlert(db(), product)).get(alertId), 1);
  });

  it('GET restocks: newest first, with notified, delivered (SMS sent/delivered, Telegram sent) and clicked', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const at = t.clock.now() - 10_000;
    const a = await subscribe(db(), { product, createdAt: at });
    const b = await subscribe(db(), { product, createdAt: at + 1 });
    const c = await subscribe(db(), { product, createdAt: at + 2 });
    const d = await subscribe(db(), { product, channel: 'telegram', createdAt: at + 3 });
    const first = (await admin.report(product, { quantity: 4 })).body.restock.id;
    await fanOut();
    const alerts = new Map((await alertsOf(db(), product)).map((x) => [x.id, x]));
    const sms = (id: string, status: string) =>
      db().updateTable('sms_logs').set({ status }).where('id', '=', alerts.get(id)!.message_id!).execute();
    await sms(a.alertId, 'delivered');
    await sms(b.alertId, 'sent');
    await sms(c.alertId, 'failed');
    await db().updateTable('telegram_messages').set({ status: 'sent' }).where('alert_id', '=', d.alertId).execute();
    await db()
      .updateTable('stock_alerts')
      .set({ clicked_at: t.clock.now() })
      .where('id', 'in', [a.alertId, d.alertId])
      .execute();
    await admin.report(product, { quantity: 0 });
    t.clock.advance(1000);
    const second = (await admin.report(product, { quantity: 1 })).body.restock.id;
    await fanOut();

    const answer = await admin.restocks(product);
    assert.equal(answer.status, 200);
    const listed = answer.body.restocks;
    assert.deepEqual(
      listed.map((r: any) => r.id),
      [second, first],
    );
    const old = listed[1];
    assert.equal(old.quantity, 4);
    assert.equal(old.notify_limit, null);
    assert.equal(old.status, 'done');
    assert.equal(old.notified, 4);
    assert.equal(old.delivered, 3);
    assert.equal(old.clicked, 2);
    assert.ok(old.finished_at);
    assert.equal(listed[0].notified, 0, 'nobody was left to notify');
  });
});

forEachDatabase('restocks: ALERTS_PER_UNIT', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { ALERTS_PER_UNIT: '3' } });
  });
  after(() => t?.close());

  it('quantity 2 at 3 per unit notifies the 6 oldest; the next restock takes the next ones', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const at = t.clock.now() - 100_000;
    const ids: string[] = [];
    // Made out of order, so that "oldest first" is the creation time, not the insertion order.
    for (const i of [9, 3, 0, 7, 1, 8, 2, 5, 4, 6]) {
      ids[i] = (await subscribe(t.database.db, { product, createdAt: at + i * 10 })).alertId;
    }
    const answer = await admin.report(product, { quantity: 2 });
    assert.equal(answer.body.restock.notify_limit, 6);
    await t.app.alertFanOut.runOnce();
    const status = async () => {
      const rows = await alertsOf(t.database.db, product);
      return ids.map((id) => rows.find((r) => r.id === id)!.status);
    };
    assert.deepEqual(await status(), [...Array(6).fill('notified'), ...Array(4).fill('active')]);
    await admin.report(product, { quantity: 0 });
    const next = await admin.report(product, { quantity: 1 });
    assert.equal(next.body.restock.notify_limit, 3);
    await t.app.alertFanOut.runOnce();
    assert.deepEqual(await status(), [...Array(9).fill('notified'), 'active']);
    const counts = await messagesPerAlert(t.database.db, product);
    assert.equal(
      [...counts.values()].reduce((s, n) => s + n, 0),
      9,
    );
  });
});

forEachDatabase('restocks: quiet hours', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      env: {
        ALERTS_QUIET_HOURS: '22:00-08:00',
        ALERTS_TIME_ZONE: 'UTC',
        TELEGRAM_BOT_TOKEN,
        TELEGRAM_BOT_USERNAME: 'shop_bot',
        TELEGRAM_UPDATES: 'off',
      },
    });
  });
  after(() => t?.close());

  /** Moves the app's clock forward to the next `hour`:`minute` UTC (at least a day ahead of the real time). */
  const moveTo = (hour: number, minute = 0) => {
    const day = 86_400_000;
    const now = t.clock.now();
    const midnight = Math.floor(now / day) * day;
    const target = midnight + 2 * day + (hour * 60 + minute) * 60_000;
    t.clock.advance(target - now);
    return target;
  };

  it('inside them an SMS alert is due when they end; a Telegram alert is due at once', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const sms = await subscribe(t.database.db, { product, createdAt: Date.now() - 1000 });
    const tg = await subscribe(t.database.db, { product, channel: 'telegram', createdAt: Date.now() - 999 });
    const at = moveTo(23, 30);
    await admin.report(product, { quantity: 5 });
    await t.app.alertFanOut.runOnce();
    const alerts = new Map((await alertsOf(t.database.db, product)).map((a) => [a.id, a]));
    const log = await t.database.db
      .selectFrom('sms_logs')
      .selectAll()
      .where('id', '=', alerts.get(sms.alertId)!.message_id!)
      .executeTakeFirstOrThrow();
    assert.equal(log.status, 'queued');
    assert.equal(Number(log.next_attempt_at), at + 8.5 * 3_600_000, 'held until 08:00');
    // The worker, on the database's clock, does not send it now.
    await t.app.smsQueue.worker.runOnce();
    const still = await t.database.db
      .selectFrom('sms_logs')
      .select('status')
      .where('id', '=', log.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.status, 'queued');
    const message = await t.database.db
      .selectFrom('telegram_messages')
      .selectAll()
      .where('alert_id', '=', tg.alertId)
      .executeTakeFirstOrThrow();
    assert.ok(Number(message.next_attempt_at) <= Date.now() + 1000, 'Telegram is not held');
  });

  it('outside them an SMS alert is due at once', async () => {
    const admin = await stockAdmin(t);
    const product = newProduct();
    const sms = await subscribe(t.database.db, { product, createdAt: Date.now() - 1000 });
    moveTo(8, 0);
    await admin.report(product, { quantity: 5 });
    await t.app.alertFanOut.runOnce();
    const alert = (await alertsOf(t.database.db, product)).find((a) => a.id === sms.alertId)!;
    const log = await t.database.db
      .selectFrom('sms_logs')
      .selectAll()
      .where('id', '=', alert.message_id!)
      .executeTakeFirstOrThrow();
    assert.ok(Number(log.next_attempt_at) <= Date.now() + 1000);
  });
});

forEachDatabase('restocks: two instances on one database', (backend) => {
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    a = await startTestApp(backend);
    b = await startTestApp(backend, { shareWith: a });
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  it('concurrent reports through both make one restock; both fanning out queue each subscription once', async () => {
    const product = newProduct();
    for (let i = 0; i < 30; i += 1) await subscribe(a.database.db, { product, createdAt: a.clock.now() - 10_000 + i });
    const [adminA, adminB] = [await stockAdmin(a), await stockAdmin(b)];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? adminA : adminB).report(product, { quantity: 3 })),
    );
    assert.equal(answers.filter((x) => x.body.restock !== null).length, 1);
    await Promise.all([a.app.alertFanOut.runOnce(), b.app.alertFanOut.runOnce()]);
    const counts = await messagesPerAlert(a.database.db, product);
    assert.deepEqual([...counts.values()], Array(30).fill(1));
    const restocks = await a.database.db.selectFrom('restocks').selectAll().where('product_id', '=', product).execute();
    assert.deepEqual(
      restocks.map((r) => [r.status, Number(r.notified)]),
      [['done', 30]],
    );
  });
});
