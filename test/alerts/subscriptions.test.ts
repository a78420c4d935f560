import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import type { FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { errorBody, withApp } from '../helpers/otp-flow.ts';
import { bearer, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';
import { signedWidget, TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';
import {
  ALERTS,
  alertEnv,
  alertRowsOf,
  del,
  linkTelegram,
  reportStock,
  setReach,
  startAlertBotApi,
} from './helpers.ts';

forEachDatabase('back-in-stock subscriptions of the signed-in user', (backend) => {
  let fake: FakeBotApi;
  let t: TestApp;
  before(async () => {
    fake = await startAlertBotApi();
    t = await startTestApp(backend, { env: alertEnv(fake) });
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  const subscribe = (user: SignedInUser, body: object, headers: Record<string, string> = {}) =>
    t.post(ALERTS, body, { ...bearer(user.accessToken), ...headers });
  const list = (user: SignedInUser, query = '') => t.get(`${ALERTS}${query}`, bearer(user.accessToken));

  it('subscribing is idempotent: the same request again answers the same alerts, 200 and created false', async () => {
    const sara = await signIn(t);
    await linkTelegram(t, sara.userId);
    const first = await subscribe(sara, { product_id: 'tea-1', channels: ['sms'] }, { 'accept-language': 'en' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.created, true);
    const [alert] = first.body.alerts;
    assert.equal(alert.product_id, 'tea-1');
    assert.equal(alert.variant_id, null);
    assert.equal(alert.channel, 'sms');
    assert.equal(alert.status, 'active');
    assert.equal(alert.locale, 'en');
    assert.equal(alert.product_name, null);

    const again = await subscribe(sara, { product_id: 'tea-1', channels: ['sms'] });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { success: true, created: false, alerts: [alert] });

    // Adding a channel keeps the SMS alert and creates the Telegram one.
    const both = await subscribe(sara, { product_id: 'tea-1', channels: ['telegram', 'sms'] });
    assert.equal(both.status, 201);
    const byChannel = Object.fromEntries(both.body.alerts.map((a: { channel: string }) => [a.channel, a]));
    assert.deepEqual(byChannel.sms, alert);
    assert.equal(byChannel.telegram.status, 'active');
    assert.notEqual(byChannel.telegram.id, alert.id);

    const rows = await alertRowsOf(t, sara.userId);
    assert.equal(rows.length, 2);
    assert.equal(new Set(rows.map((row) => row.link_key)).size, 2, 'each alert has its own link key');
    assert.ok(rows.every((row) => /^[A-Za-z0-9_-]{12}$/.test(row.link_key)));
  });

  it('a variant is its own subscription, and the name the shop reported is shown', async () => {
    const sara = await signIn(t);
    await reportStock(t, 'shoe-9', '42', 'Trail shoe, size 42');
    const big = await subscribe(sara, { product_id: 'shoe-9', variant_id: '42', channels: ['sms'] });
    const small = await subscribe(sara, { product_id: 'shoe-9', variant_id: '41', channels: ['sms'] });
    const plain = await subscribe(sara, { product_id: 'shoe-9', channels: ['sms'] });
    assert.deepEqual([big.status, small.status, plain.status], [201, 201, 201]);
    assert.equal(big.body.alerts[0].variant_id, '42');
    assert.equal(big.body.alerts[0].product_name, 'Trail shoe, size 42');
    assert.equal(small.body.alerts[0].product_name, null);
    assert.equal(plain.body.alerts[0].variant_id, null);
    const rows = await alertRowsOf(t, sara.userId);
    assert.deepEqual(rows.map((row) => row.variant_id).sort(), ['', '41', '42']);
  });

  it("the alert's locale: the user's stored one, else Accept-Language (fa or en), else fa", async () => {
    const sara = await signIn(t);
    const none = await subscribe(sara, { product_id: 'loc-1', channels: ['sms'] });
    assert.equal(none.body.alerts[0].locale, 'fa');
    const english = await subscribe(sara, { product_id: 'loc-2', channels: ['sms'] }, { 'accept-language': 'en-GB' });
    assert.equal(english.body.alerts[0].locale, 'en');
    const german = await subscribe(sara, { product_id: 'loc-3', channels: ['sms'] }, { 'accept-language': 'de' });
    assert.equal(german.body.alerts[0].locale, 'fa');
    const patched = await t.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: bearer(sara.accessToken),
      payload: { locale: 'en' },
    });
    assert.equal(patched.statusCode, 200);
    const stored = await subscribe(sara, { product_id: 'loc-4', channels: ['sms'] }, { 'accept-language': 'fa' });
    assert.equal(stored.body.alerts[0].locale, 'en');
  });

  it('20 identical requests at once make one active alert per channel, and all answer the same alerts', async () => {
    const sara = await signIn(t);
    await linkTelegram(t, sara.userId);
    // Half of them name the channels the other way round: still one row each, and no deadlock.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        subscribe(sara, { product_id: 'rush-1', channels: i % 2 ? ['sms', 'telegram'] : ['telegram', 'sms'] }),
      ),
    );
    for (const answer of answers) assert.ok([200, 201].includes(answer.status), JSON.stringify(answer.body));
    const rows = await alertRowsOf(t, sara.userId);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.map((row) => row.channel).sort(), ['sms', 'telegram']);
    const ids = rows.map((row) => row.id).sort();
    for (const answer of answers) {
      assert.deepEqual(answer.body.alerts.map((a: { id: string }) => a.id).sort(), ids);
    }
    // Each row was created by exactly one request.
    assert.ok(answers.filter((answer) => answer.status === 201).length <= 2);
    assert.ok(answers.some((answer) => answer.status === 201));
  });

  it('after a cancel, subscribing again makes a new alert; the cancelled one stays as it was', async () => {
    const sara = await signIn(t);
    const first = (await subscribe(sara, { product_id: 'again-1', channels: ['sms'] })).body.alerts[0];
    const cancelled = await del(t, `${ALERTS}/${first.id}`, bearer(sara.accessToken));
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.cancelled, true);
    assert.equal(cancelled.body.alert.status, 'cancelled');
    assert.equal(cancelled.body.alert.cancel_reason, 'user');
    const again = await subscribe(sara, { product_id: 'again-1', channels: ['sms'] });
    assert.equal(again.status, 201);
    assert.notEqual(again.body.alerts[0].id, first.id);
    const rows = await alertRowsOf(t, sara.userId);
    assert.deepEqual(
      rows.map((row) => [row.id, row.status]),
      [
        [first.id, 'cancelled'],
        [again.body.alerts[0].id, 'active'],
      ],
    );
  });

  it('Telegram needs a linked account the bot may write to; a request is all or nothing', async () => {
    const sara = await signIn(t);
    const refused = (answer: { status: number; body: any }, channel: string) => {
      assert.equal(answer.status, 409, JSON.stringify(answer.body));
      assert.deepEqual(answer.body, {
        ...errorBody('ALERT_CHANNEL_UNAVAILABLE'),
        message: answer.body.message,
        channel,
      });
      assert.match(answer.body.message, new RegExp(channel));
    };
    // Not linked: nothing is written, not even the SMS alert that could have been.
    refused(await subscribe(sara, { product_id: 'tg-1', channels: ['sms', 'telegram'] }), 'telegram');
    assert.equal((await alertRowsOf(t, sara.userId)).length, 0);

    // Linked, but the person never wrote to the bot: no chat to write to.
    const telegramId = await linkTelegram(t, sara.userId, { chat: false });
    refused(await subscribe(sara, { product_id: 'tg-1', channels: ['telegram'] }), 'telegram');
    await setReach(t, telegramId, { chat_id: telegramId, bot_blocked_at: Date.now() });
    refused(await subscribe(sara, { product_id: 'tg-1', channels: ['telegram'] }), 'telegram');
    await setReach(t, telegramId, { bot_blocked_at: null, bot_stopped_at: Date.now() });
    refused(await subscribe(sara, { product_id: 'tg-1', channels: ['telegram'] }), 'telegram');
    assert.equal((await alertRowsOf(t, sara.userId)).length, 0);

    await setReach(t, telegramId, { bot_stopped_at: null });
    const ok = await subscribe(sara, { product_id: 'tg-1', channels: ['telegram'] });
    assert.equal(ok.status, 201);
  });

  it('SMS needs a number on the account: a Telegram-only user is refused it', async () => {
    const widget = signedWidget(
      { id: 88_000_001, first_name: 'Reza', auth_date: Math.floor(Date.now() / 1000) },
      TEST_BOT_TOKEN,
    );
    const login = await t.post('/api/v1/telegram/login/widget', widget);
    assert.equal(login.status, 200, JSON.stringify(login.body));
    assert.equal(login.body.user.phone_number, null);
    const reza = { accessToken: login.body.access_token, userId: login.body.user.id } as SignedInUser;
    // Reza wrote to the bot, so Telegram could reach him; SMS could not.
    await setReach(t, '88000001', { chat_id: '88000001' });
    const sms = await subscribe(reza, { product_id: 'sms-1', channels: ['telegram', 'sms'] });
    assert.equal(sms.status, 409);
    assert.equal(sms.body.code, 'ALERT_CHANNEL_UNAVAILABLE');
    assert.equal(sms.body.channel, 'sms');
    assert.equal((await alertRowsOf(t, reza.userId)).length, 0);
    assert.equal((await subscribe(reza, { product_id: 'sms-1', channels: ['telegram'] })).status, 201);
  });

  it('cancels only your own alerts: another user’s id is 404 and changes nothing; twice is fine', async () => {
    const sara = await signIn(t);
    const omid = await signIn(t);
    const mine = (await subscribe(sara, { product_id: 'own-1', channels: ['sms'] })).body.alerts[0];
    const theirs = await del(t, `${ALERTS}/${mine.id}`, bearer(omid.accessToken));
    assert.equal(theirs.status, 404);
    assert.equal(theirs.body.code, 'NOT_FOUND');
    assert.equal((await alertRowsOf(t, sara.userId))[0]!.status, 'active');
    assert.equal((await del(t, `${ALERTS}/no-such-alert`, bearer(sara.accessToken))).status, 404);
    assert.equal((await del(t, `${ALERTS}/${mine.id}`)).status, 401);

    const once = await del(t, `${ALERTS}/${mine.id}`, bearer(sara.accessToken));
    assert.equal(once.body.cancelled, true);
    const cancelledAt = once.body.alert.cancelled_at;
    t.clock.advance(1000);
    const twice = await del(t, `${ALERTS}/${mine.id}`, bearer(sara.accessToken));
    assert.equal(twice.status, 200);
    assert.equal(twice.body.cancelled, false);
    assert.equal(twice.body.alert.cancelled_at, cancelledAt, 'the first cancel is what is kept');
  });

  it('refuses ids and channels that are not valid, and writes nothing', async () => {
    const sara = await signIn(t);
    const bad: object[] = [
      { product_id: '', channels: ['sms'] },
      { product_id: 'x'.repeat(101), channels: ['sms'] },
      { product_id: '   ', channels: ['sms'] },
      { product_id: ' tea', channels: ['sms'] },
      { product_id: 'tea ', channels: ['sms'] },
      { product_id: 'line\u2028separator', channels: ['sms'] },
      { product_id: 'two\nlines', channels: ['sms'] },
      { product_id: 'bell\u0007', channels: ['sms'] },
      { product_id: 'evil\u202Etxt', channels: ['sms'] },
      { product_id: 'p', variant_id: '', channels: ['sms'] },
      { product_id: 'p', variant_id: 'iso\u2066late', channels: ['sms'] },
      { product_id: 'p', channels: [] },
      { product_id: 'p', channels: ['sms', 'sms'] },
      { product_id: 'p', channels: ['fax'] },
      { product_id: 'p', channels: 'sms' },
      { product_id: 'p' },
      { channels: ['sms'] },
      { product_id: 'p', channels: ['sms'], user_id: sara.userId },
      { product_id: 42, channels: ['sms'] },
    ];
    for (const body of bad) {
      const answer = await subscribe(sara, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.code, 'VALIDATION_ERROR', JSON.stringify(body));
    }
    assert.match((await subscribe(sara, bad[6]!)).body.message, /product_id holds a line break/);
    assert.equal((await alertRowsOf(t, sara.userId)).length, 0);
    // The edges that are fine: 100 characters (a product id is also a path parameter, at most 100), a space
    // inside, Persian with a ZWNJ.
    assert.equal((await subscribe(sara, { product_id: 'x'.repeat(100), channels: ['sms'] })).status, 201);
    assert.equal((await subscribe(sara, { product_id: 'green tea', channels: ['sms'] })).status, 201);
    assert.equal((await subscribe(sara, { product_id: 'کتاب‌خانه', channels: ['sms'] })).status, 201);
    assert.equal((await subscribe(sara, { product_id: 'p', channels: ['sms'] }, {})).status, 201);
    assert.equal((await t.post(ALERTS, { product_id: 'p', channels: ['sms'] })).status, 401);
  });

  it('lists active alerts first, then ended ones, newest first, page by page', async () => {
    const sara = await signIn(t);
    const made: string[] = [];
    for (const product of ['l-1', 'l-2', 'l-3', 'l-4']) {
      t.clock.advance(5);
      made.push((await subscribe(sara, { product_id: product, channels: ['sms'] })).body.alerts[0].id);
    }
    await del(t, `${ALERTS}/${made[2]}`, bearer(sara.accessToken));
    await del(t, `${ALERTS}/${made[0]}`, bearer(sara.accessToken));
    // Notified by a restock (part of the fan-out, written here as it writes it).
    await t.database.db
      .updateTable('stock_alerts')
      .set({ status: 'notified', notified_at: Date.now() })
      .where('id', '=', made[1]!)
      .execute();

    const all = await list(sara);
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.alerts.map((a: { product_id: string; status: string }) => `${a.product_id} ${a.status}`),
      ['l-4 active', 'l-3 cancelled', 'l-2 notified', 'l-1 cancelled'],
    );
    assert.equal(all.body.next_cursor, null);

    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await list(sara, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...page.body.alerts.map((a: { id: string }) => a.id));
      cursor = page.body.next_cursor;
      pages += 1;
    }
    assert.equal(pages, 4);
    assert.deepEqual(
      seen,
      all.body.alerts.map((a: { id: string }) => a.id),
    );

    const other = await signIn(t);
    assert.deepEqual((await list(other)).body.alerts, [], "another user's list is their own");
    assert.equal((await list(sara, '?cursor=not-ours')).status, 400);
    assert.equal((await list(sara, '?limit=0')).status, 400);
    assert.equal((await t.get(ALERTS)).status, 401);
  });
});

forEachDatabase('Telegram alerts without a bot', (backend) => {
  it('are refused even for a linked account: nothing could send them', async () => {
    await withApp(backend, {}, async (t) => {
      const sara = await signIn(t);
      await linkTelegram(t, sara.userId);
      const answer = await t.post(ALERTS, { product_id: 'p', channels: ['telegram'] }, bearer(sara.accessToken));
      assert.equal(answer.status, 409);
      assert.equal(answer.body.channel, 'telegram');
      assert.equal(
        (await t.post(ALERTS, { product_id: 'p', channels: ['sms'] }, bearer(sara.accessToken))).status,
        201,
      );
    });
  });
});
