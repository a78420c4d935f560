import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import {
  callbackUpdate,
  person,
  startFakeBotApi,
  textUpdate,
  type BotUser,
  type FakeBotApi,
} from '../helpers/fake-telegram-bot-api.ts';
import { newKey } from '../helpers/api-keys.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';
import { webhookBot, webhookBotEnv, type TestBot } from '../helpers/telegram-bot.ts';

const LINK = '/api/v1/telegram/login/link';
const POLL = '/api/v1/telegram/login/link/poll';
const LINK_START = '/api/v1/telegram/link/start';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const env = {
  TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
  TELEGRAM_BOT_USERNAME: 'shop_login_bot',
  TELEGRAM_SHOP_NAME: 'Ketab Shop',
  TRUST_PROXY: 'true',
};

let addresses = 0;
/** A client address of its own, so that no test charges another's per-address limit. */
const newAddress = () => `203.0.${Math.floor(++addresses / 250)}.${addresses % 250}`;
let telegramIds = 8_100_000_000;
const newPerson = (extra: Partial<BotUser> = {}) => person((telegramIds += 1), extra);

/** The start payload in a `t.me` link. */
const payloadOf = (url: string) => new URL(url).searchParams.get('start')!;

forEachDatabase('signing in and linking through the Telegram bot', (backend) => {
  let t: TestApp;
  let second: TestApp;
  let bot: TestBot;
  let fake: FakeBotApi;
  let receiver: EventReceiver;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    fake = await startFakeBotApi();
    const all = { ...env, ...eventsEnv(receiver), ...webhookBotEnv(fake) };
    t = await startTestApp(backend, { env: all });
    second = await startTestApp(backend, { env: all, shareWith: t });
    bot = webhookBot(t, fake);
  });
  after(async () => {
    await second?.close();
    await t?.close();
    await fake?.close();
    await receiver?.close();
  });

  /** A browser asks for a sign-in link, from its own address. */
  async function startLogin(app: TestApp = t, ip = newAddress()) {
    const started = await app.post(LINK, {}, { 'user-agent': ANDROID_CHROME, 'x-forwarded-for': ip });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    return {
      ...started.body,
      ip,
      poll: (body = {}, app2: TestApp = app) => poll(app2, started.body.poll_secret, ip, body),
    };
  }
  const poll = (app: TestApp, secret: string, ip: string, body: Record<string, unknown> = {}) =>
    app.post(POLL, { poll_secret: secret, ...body }, { 'user-agent': ANDROID_CHROME, 'x-forwarded-for': ip });

  /** The person opens the link in Telegram; answers the bot's message with its buttons' callback data. */
  async function open(from: BotUser, payload: string) {
    await bot.handle(textUpdate(from, `/start ${payload}`));
    const message = bot.lastIn(from.id)!;
    const buttons: Array<{ text: string; callback_data: string }> = message.replyMarkup?.inline_keyboard?.[0] ?? [];
    return { message, confirm: buttons[0]?.callback_data, cancel: buttons[1]?.callback_data };
  }
  const tap = (from: BotUser, data: string, messageId: number) =>
    bot.handle(callbackUpdate(from, data, { message_id: messageId }));

  it('the link opens the bot, which shows who asked; after Confirm one poll gets the tokens, then used', async () => {
    const login = await startLogin();
    assert.match(login.url, /^https:\/\/t\.me\/shop_login_bot\?start=login_[A-Za-z0-9_-]+$/);
    const payload = payloadOf(login.url);
    assert.ok(payload.length <= 64, payload);
    assert.match(login.qr_svg, /^<svg[\s\S]*<\/svg>\s*$/);
    assert.equal(login.expires_in, 300);
    const pending = (await login.poll()).body;
    assert.deepEqual(
      { ...pending, expires_in: undefined },
      { success: true, status: 'pending', expires_in: undefined },
    );
    assert.ok(pending.expires_in > 290 && pending.expires_in <= 300, `expires_in ${pending.expires_in}`);

    const sara = newPerson({ username: 'sara_k', first_name: 'Sara' });
    const { message, confirm, cancel } = await open(sara, payload);
    assert.match(message.text, /Sign in to Ketab Shop/);
    assert.match(message.text, /Chrome on Android/);
    assert.ok(message.text.includes(login.ip), message.text);
    for (const data of [confirm!, cancel!]) {
      assert.ok(Buffer.byteLength(data) <= 64, data);
      assert.ok(!data.includes(payload.slice(6, 20)) && !data.includes(login.poll_secret.slice(0, 12)), data);
    }
    assert.equal((await login.poll()).body.status, 'pending', 'opening is not confirming');

    await tap(sara, confirm!, message.messageId);
    const answered = await bot.fake.waitFor('answerCallbackQuery');
    assert.match(answered.params.text, /confirmed/);
    const edited = bot.lastIn(sara.id)!;
    assert.equal(edited.edited, true);
    assert.equal(edited.messageId, message.messageId);
    assert.match(edited.text, /Sign-in to Ketab Shop on Chrome on Android confirmed/);

    const signedIn = await login.poll();
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.equal(signedIn.body.status, 'signed_in');
    assert.equal(signedIn.body.telegram.id, String(sara.id));
    assert.equal(signedIn.body.telegram.username, 'sara_k');
    assert.equal(signedIn.body.user.is_new, true);
    assert.ok(signedIn.body.refresh_token);
    const claims = decodeJwt(signedIn.body.access_token);
    assert.deepEqual(claims.amr, ['telegram']);
    const me = await t.get('/api/v1/auth/me', bearer(signedIn.body.access_token));
    assert.equal(me.body.user.telegram.id, String(sara.id));
    const sessions = await t.get('/api/v1/auth/sessions', bearer(signedIn.body.access_token));
    assert.deepEqual(
      sessions.body.sessions.map((s: { device: unknown; ip: string }) => [s.device, s.ip]),
      [[{ browser: 'Chrome', os: 'Android' }, login.ip]],
    );
    const signedInEvents = await t.database.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'user.signed_in')
      .where('user_id', '=', signedIn.body.user.id)
      .execute();
    assert.deepEqual(
      signedInEvents.map((e) => JSON.parse(e.payload).method),
      ['telegram'],
    );

    assert.deepEqual((await login.poll()).body, { success: true, status: 'used' });
    assert.deepEqual((await login.poll({}, second)).body, { success: true, status: 'used' });
  });

  it('the same person signing in again lands on the same user, and the user keeps one Telegram account', async () => {
    const sara = newPerson();
    const users: string[] = [];
    for (let i = 0; i < 2; i++) {
      const login = await startLogin();
      const { message, confirm } = await open(sara, payloadOf(login.url));
      await tap(sara, confirm!, message.messageId);
      const signedIn = await login.poll();
      assert.equal(signedIn.body.status, 'signed_in');
      users.push(signedIn.body.user.id);
    }
    assert.equal(users[0], users[1]);
  });

  it('Cancel: the poll answers cancelled, the message says so, and Confirm after it does nothing', async () => {
    const login = await startLogin();
    const sara = newPerson();
    const { message, confirm, cancel } = await open(sara, payloadOf(login.url));
    await tap(sara, cancel!, message.messageId);
    assert.match(bot.lastIn(sara.id)!.text, /Sign-in cancelled/);
    assert.deepEqual((await login.poll()).body, { success: true, status: 'cancelled' });
    await tap(sara, confirm!, message.messageId);
    assert.match(bot.lastIn(sara.id)!.text, /Sign-in cancelled/);
    assert.deepEqual((await login.poll()).body, { success: true, status: 'cancelled' });
  });

  it('a link past TELEGRAM_LINK_TTL_SECONDS is expired in the bot and at the poll', async () => {
    const login = await startLogin();
    const late = await startLogin();
    const sara = newPerson();
    const opened = await open(sara, payloadOf(late.url));
    t.clock.advance(301_000);
    assert.deepEqual((await login.poll()).body, { success: true, status: 'expired' });
    const { message, confirm } = await open(newPerson(), payloadOf(login.url));
    assert.match(message.text, /This link has expired/);
    assert.equal(confirm, undefined, 'no buttons');
    // Opened in time, confirmed too late.
    await tap(sara, opened.confirm!, opened.message.messageId);
    assert.match(bot.lastIn(sara.id)!.text, /This link has expired/);
    assert.deepEqual((await late.poll()).body, { success: true, status: 'expired' });
  });

  it('a start payload opens once: a second /start, by anyone, is refused, and only the opener can confirm', async () => {
    const login = await startLogin();
    const payload = payloadOf(login.url);
    const sara = newPerson();
    const mallory = newPerson();
    const first = await open(sara, payload);
    assert.ok(first.confirm);
    for (const who of [sara, mallory]) {
      const again = await open(who, payload);
      assert.match(again.message.text, /already been used/);
      assert.equal(again.confirm, undefined);
    }
    // Mallory forges Sara's button: the row id is no key to it.
    await tap(mallory, first.confirm!, 12345);
    assert.match(bot.lastIn(mallory.id)!.text, /not one we know/);
    assert.equal((await login.poll()).body.status, 'pending');
    await tap(sara, first.confirm!, first.message.messageId);
    assert.equal((await login.poll()).body.status, 'signed_in');
    // After its use, the payload is still refused.
    assert.match((await open(newPerson(), payload)).message.text, /already been used/);
  });

  it('payloads that are ours but wrong, and forged button data, get a clear answer and change nothing', async () => {
    const sara = newPerson();
    for (const payload of ['login_' + 'A'.repeat(43), 'link_nope', 'login_' + 'A'.repeat(59)]) {
      assert.match((await open(sara, payload)).message.text, /not one we know/, payload);
    }
    for (const data of ['lsi:ok:../../etc', 'lsi:ok:', 'lsi:zz:0193aaaa-0000-7000-8000-000000000000']) {
      const before = bot.fake.calls.filter((c) => c.method === 'answerCallbackQuery').length;
      await tap(sara, data, 1);
      const answers = bot.fake.calls.filter((c) => c.method === 'answerCallbackQuery');
      assert.equal(answers.length, before + 1, `${data} answered`);
      assert.match(answers.at(-1)!.params.text, /not one we know/);
    }
    // Another feature's payload is not ours: the bot's plain welcome answers it.
    await bot.handle(textUpdate(sara, '/start promo_2026'));
    assert.match(bot.lastIn(sara.id)!.text, /^Hello!/);
  });

  it('a wrong poll secret is TELEGRAM_LINK_UNKNOWN; a login link is no link for linking', async () => {
    const wrong = await poll(t, 'x'.repeat(43), newAddress());
    assert.equal(wrong.status, 404);
    assert.equal(wrong.body.code, 'TELEGRAM_LINK_UNKNOWN');
    const login = await startLogin();
    const relabelled = payloadOf(login.url).replace(/^login_/, 'link_');
    assert.match((await open(newPerson(), relabelled)).message.text, /not one we know/);
  });

  it('of many polls at once after the confirmation, on two instances, exactly one gets the tokens', async () => {
    const login = await startLogin();
    const sara = newPerson();
    const { message, confirm } = await open(sara, payloadOf(login.url));
    await tap(sara, confirm!, message.messageId);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login.poll({}, i % 2 === 0 ? t : second)));
    const statuses = answers.map((a) => a.body.status).sort();
    assert.deepEqual(statuses, ['signed_in', ...Array(11).fill('used')]);
    const sessions = await t.database.db
      .selectFrom('sessions')
      .innerJoin('telegram_users', 'telegram_users.user_id', 'sessions.user_id')
      .select('sessions.id')
      .where('telegram_users.telegram_id', '=', String(sara.id))
      .execute();
    assert.equal(sessions.length, 1);
  });

  it('a long poll answers as soon as the person confirms, even on another instance', async () => {
    const login = await startLogin();
    const sara = newPerson();
    const { message, confirm } = await open(sara, payloadOf(login.url));
    const began = Date.now();
    const held = login.poll({ wait: 10 }, second);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(second.app.telegramLinkSignIn.heldPolls, 1);
    await tap(sara, confirm!, message.messageId);
    const answer = await held;
    assert.equal(answer.body.status, 'signed_in');
    assert.ok(Date.now() - began < 3000, `answered after ${Date.now() - began} ms`);
    assert.equal(second.app.telegramLinkSignIn.heldPolls, 0);

    // With nothing happening, it answers pending when its wait is over.
    const idle = await startLogin();
    const idleBegan = Date.now();
    assert.equal((await idle.poll({ wait: 1 })).body.status, 'pending');
    assert.ok(Date.now() - idleBegan >= 900, 'held for its wait');
  });

  it('sixty held polls hold no database connection: other requests go through at once', async () => {
    const logins = await Promise.all(Array.from({ length: 60 }, () => startLogin()));
    const held = logins.map((login) => login.poll({ wait: 3 }));
    await waitUntil(() => t.app.telegramLinkSignIn.heldPolls === 60);
    const began = Date.now();
    const other = await startLogin();
    assert.equal((await other.poll()).body.status, 'pending');
    assert.ok(Date.now() - began < 1000, `answered after ${Date.now() - began} ms`);
    const sara = newPerson();
    const { message, confirm } = await open(sara, payloadOf(logins[7]!.url));
    await tap(sara, confirm!, message.messageId);
    assert.equal((await held[7])!.body.status, 'signed_in');
    assert.equal(t.app.telegramLinkSignIn.heldPolls, 59);
    const rest = await Promise.all(held);
    assert.equal(rest.filter((answer) => answer.body.status === 'pending').length, 59);
  });

  it('a held poll whose client goes away stops waiting and takes nothing', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await startLogin();
    const gone = new AbortController();
    const request = fetch(`${address}${POLL}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': login.ip },
      body: JSON.stringify({ poll_secret: login.poll_secret, wait: 20 }),
      signal: gone.signal,
    }).catch(() => null);
    await waitUntil(() => t.app.telegramLinkSignIn.heldPolls === 1);
    gone.abort();
    await request;
    await waitUntil(() => t.app.telegramLinkSignIn.heldPolls === 0);
    // The person confirms afterwards: the browser, polling again, still gets its session.
    const sara = newPerson();
    const { message, confirm } = await open(sara, payloadOf(login.url));
    await tap(sara, confirm!, message.messageId);
    assert.equal((await login.poll()).body.status, 'signed_in');
  });

  it('a blocked user confirming in the bot gets no session: the poll answers USER_BLOCKED', async () => {
    const sara = newPerson();
    const first = await startLogin();
    const opened = await open(sara, payloadOf(first.url));
    await tap(sara, opened.confirm!, opened.message.messageId);
    const { user } = (await first.poll()).body;
    await t.database.db.updateTable('users').set({ blocked_at: t.clock.now() }).where('id', '=', user.id).execute();
    const login = await startLogin();
    const again = await open(sara, payloadOf(login.url));
    await tap(sara, again.confirm!, again.message.messageId);
    const refused = await login.poll();
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'USER_BLOCKED');
  });

  it('linking: a signed-in user gets a link; opening it in the bot links that Telegram account, once', async () => {
    const user = await signIn(t);
    const started = await t.post(LINK_START, {}, { ...bearer(user.accessToken), 'x-forwarded-for': newAddress() });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.match(started.body.url, /^https:\/\/t\.me\/shop_login_bot\?start=link_[A-Za-z0-9_-]+$/);
    assert.equal(started.body.expires_in, 600);
    assert.ok(!('poll_secret' in started.body));
    const sara = newPerson({ username: 'sara_link' });
    const { message } = await open(sara, payloadOf(started.body.url));
    assert.match(message.text, /now linked to your account at Ketab Shop/);
    const me = await t.get('/api/v1/auth/me', bearer(user.accessToken));
    assert.equal(me.body.user.telegram.id, String(sara.id));
    assert.equal(me.body.user.telegram.username, 'sara_link');
    assert.match((await open(newPerson(), payloadOf(started.body.url))).message.text, /already been used/);
    const linked = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('type', '=', 'user.telegram_linked')
      .where('user_id', '=', user.userId)
      .execute();
    assert.equal(linked.length, 1);
    // Signing in through the bot now lands on that user.
    const login = await startLogin();
    const opened = await open(sara, payloadOf(login.url));
    await tap(sara, opened.confirm!, opened.message.messageId);
    const signedIn = await login.poll();
    assert.equal(signedIn.body.user.id, user.userId);
    assert.equal(signedIn.body.user.is_new, false);
  });

  it('linking a Telegram account that belongs to another user is refused in the bot, and nothing changes', async () => {
    const owner = await signIn(t);
    const other = await signIn(t);
    const sara = newPerson();
    const link = async (who: typeof owner) =>
      (await t.post(LINK_START, {}, { ...bearer(who.accessToken), 'x-forwarded-for': newAddress() })).body.url;
    assert.match((await open(sara, payloadOf(await link(owner)))).message.text, /now linked/);
    const refused = await open(sara, payloadOf(await link(other)));
    assert.match(refused.message.text, /belongs to another account at Ketab Shop/);
    assert.equal((await t.get('/api/v1/auth/me', bearer(other.accessToken))).body.user.telegram, null);
    assert.equal((await t.get('/api/v1/auth/me', bearer(owner.accessToken))).body.user.telegram.id, String(sara.id));
    // The owner, already linked, cannot link a second Telegram account either.
    const refusedAgain = await open(newPerson(), payloadOf(await link(owner)));
    assert.match(refusedAgain.message.text, /belongs to another account/);
  });

  it('deleting a user erases the bot sign-ins their Telegram account opened, and their links', async () => {
    const admin = bearer((await newKey(t, ['users:write'])).secret);
    const sara = newPerson({ first_name: 'Sara Erased' });
    const login = await startLogin();
    const opened = await open(sara, payloadOf(login.url));
    await tap(sara, opened.confirm!, opened.message.messageId);
    const signedIn = (await login.poll()).body;
    const userId = signedIn.user.id;
    const linking = await t.post(LINK_START, {}, { ...bearer(signedIn.access_token), 'x-forwarded-for': newAddress() });
    assert.equal(linking.status, 200);
    const rows = () =>
      t.database.db
        .selectFrom('telegram_link_tokens')
        .select('id')
        .where((eb) => eb.or([eb('telegram_id', '=', String(sara.id)), eb('user_id', '=', userId)]))
        .execute();
    assert.equal((await rows()).length, 2);
    const deleted = await t.inject({ method: 'DELETE', url: `/api/v1/admin/users/${userId}`, headers: admin });
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.deepEqual(await rows(), []);
  });

  it('link/start needs a signed-in user', async () => {
    const anonymous = await t.post(LINK_START, {}, { 'x-forwarded-for': newAddress() });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.code, 'UNAUTHORIZED');
  });

  it('/login and /link say how to start on the website; messages follow the Telegram client language', async () => {
    const sara = newPerson({ language_code: 'fa' });
    await bot.handle(textUpdate(sara, '/login'));
    assert.match(bot.lastIn(sara.id)!.text, /برای ورود به Ketab Shop/);
    const sam = newPerson({ language_code: 'en' });
    await bot.handle(textUpdate(sam, '/link'));
    assert.match(bot.lastIn(sam.id)!.text, /Link Telegram/);
    const login = await startLogin();
    const { message } = await open(sara, payloadOf(login.url));
    assert.match(message.text, /ورود به Ketab Shop/);
    assert.ok(message.text.includes('Chrome on Android'));
  });
});

forEachDatabase('the bot sign-in routes: configuration and limits', (backend) => {
  let t: TestApp;
  let off: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { ...env, TELEGRAM_IP_HOURLY_LIMIT: '3' } });
    off = await startTestApp(backend, { env: { TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN }, shareWith: t });
  });
  after(async () => {
    await off?.close();
    await t?.close();
  });

  it('every request counts towards TELEGRAM_IP_HOURLY_LIMIT per address, polls included', async () => {
    const one = { 'x-forwarded-for': '198.51.100.9' };
    const started = await t.post(LINK, {}, one);
    assert.equal(started.status, 200);
    assert.equal((await t.post(POLL, { poll_secret: started.body.poll_secret }, one)).status, 200);
    assert.equal((await t.post(POLL, { poll_secret: 'wrong' }, one)).status, 404);
    const limited = await t.post(LINK, {}, one);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'RATE_LIMITED');
    assert.equal((await t.post(POLL, { poll_secret: started.body.poll_secret }, one)).status, 429);
    assert.equal((await t.post(LINK, {}, { 'x-forwarded-for': '198.51.100.10' })).status, 200);
  });

  it('without the bot username the routes answer TELEGRAM_NOT_CONFIGURED', async () => {
    for (const [url, body] of [
      [LINK, {}],
      [POLL, { poll_secret: 'x' }],
      [LINK_START, {}],
    ] as const) {
      const answer = await off.post(url, body);
      assert.equal(answer.status, 503, url);
      assert.equal(answer.body.code, 'TELEGRAM_NOT_CONFIGURED', url);
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
