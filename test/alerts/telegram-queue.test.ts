import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTelegramQueueRepository } from '../../src/alerts/telegram-queue/repository.ts';
import { TELEGRAM_QUEUE_MAX_TRIES } from '../../src/alerts/telegram-queue/worker.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl, type DatabaseBackend } from '../helpers/backends.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { webhookBotEnv } from '../helpers/telegram-bot.ts';
import { alertRow, linkChat, messageRow, newAlert, newUser, queueTelegram, until } from './rows.ts';

/** Chat ids of this file, one apart, so that no two tests write to one chat unless they mean to. */
let nextChat = 7_100_000;
const newChat = () => nextChat++;

const sendsTo = (fake: FakeBotApi, chatId: number) =>
  fake.calls.filter((c) => c.method.toLowerCase() === 'sendmessage' && String(c.params.chat_id) === String(chatId));
const sentTo = (fake: FakeBotApi, chatId: number) => fake.sent.filter((m) => m.chatId === String(chatId));

/** Moves every queued row's due time into the past: the backoff's wait has passed. */
const dueNow = (t: TestApp) =>
  sql`update telegram_messages set next_attempt_at = next_attempt_at - 3600000 where status = 'queued'`.execute(
    t.database.db,
  );

forEachDatabase('the Telegram alert queue', (backend) => {
  let fake: FakeBotApi;
  let t: TestApp;
  before(async () => {
    fake = await startFakeBotApi();
    t = await startTestApp(backend, { env: webhookBotEnv(fake) });
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });
  const worker = () => t.app.telegramQueue!;

  it('sends a queued message once, with its buttons, and marks it sent', async () => {
    const chat = newChat();
    const user = await newUser(t);
    await linkChat(t, user, chat);
    const alert = await newAlert(t, { userId: user, productId: 'q-1', channel: 'telegram', status: 'notified' });
    const markup = {
      inline_keyboard: [[{ text: 'Stop alerts for this product', callback_data: `alert:stop:${alert.id}` }]],
    };
    const id = await queueTelegram(t, {
      chatId: chat,
      text: 'Kettle is back in stock.',
      alertId: alert.id,
      replyMarkup: markup,
    });

    assert.equal(await worker().runOnce(), 1);
    assert.equal(await worker().runOnce(), 0, 'nothing is left to claim');
    const sent = sentTo(fake, chat);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.text, 'Kettle is back in stock.');
    assert.deepEqual(sent[0]!.replyMarkup, markup);
    const row = await messageRow(t, id);
    assert.deepEqual(
      [row.status, row.telegram_message_id, row.tries, row.lease_until, row.error],
      ['sent', String(sent[0]!.messageId), 1, null, null],
    );
    assert.ok(row.sent_at !== null);
    assert.equal((await alertRow(t, alert.id)).status, 'notified');
  });

  it('a 403: the message is blocked, the user unreachable, the alert cancelled bot_blocked', async () => {
    const chat = newChat();
    const user = await newUser(t);
    await linkChat(t, user, chat);
    const alert = await newAlert(t, { userId: user, productId: 'q-2', channel: 'telegram', status: 'notified' });
    const id = await queueTelegram(t, { chatId: chat, alertId: alert.id });
    fake.block(chat);
    try {
      await worker().runOnce();
    } finally {
      fake.unblock(chat);
    }
    const row = await messageRow(t, id);
    assert.equal(row.status, 'blocked');
    assert.match(String(row.error), /403/);
    const reach = await t.database.db
      .selectFrom('telegram_users')
      .select('bot_blocked_at')
      .where('telegram_id', '=', String(chat))
      .executeTakeFirstOrThrow();
    assert.ok(reach.bot_blocked_at !== null, 'the user is marked unreachable');
    const cancelled = await alertRow(t, alert.id);
    assert.deepEqual([cancelled.status, cancelled.cancel_reason], ['cancelled', 'bot_blocked']);

    // The next message to that user is not offered to Telegram at all.
    const next = await queueTelegram(t, { chatId: chat });
    const before = sendsTo(fake, chat).length;
    await worker().runOnce();
    assert.equal((await messageRow(t, next)).status, 'blocked');
    assert.equal(sendsTo(fake, chat).length, before, 'no call for a user known to have blocked the bot');
  });

  it('a 5xx is tried again after a backoff, then sent; a 4xx fails at once', async () => {
    const chat = newChat();
    const id = await queueTelegram(t, { chatId: chat });
    fake.failNext('sendMessage', { kind: 'server', status: 502 });
    await worker().runOnce();
    let row = await messageRow(t, id);
    assert.deepEqual([row.status, row.tries], ['queued', 1]);
    assert.match(String(row.error), /502/);
    assert.ok(row.next_attempt_at !== null);
    // The backoff's wait passes; the chat's second (its limit) may hold it back a little longer.
    await until('the retry is sent', async () => {
      await dueNow(t);
      await worker().runOnce();
      return (await messageRow(t, id)).status === 'sent';
    });
    row = await messageRow(t, id);
    assert.deepEqual([row.status, row.tries], ['sent', 2]);
    assert.equal(sentTo(fake, chat).length, 1, 'sent once');

    const refused = await queueTelegram(t, { chatId: newChat() });
    fake.failNext('sendMessage', { kind: 'bad-request', description: 'chat not found' });
    await worker().runOnce();
    row = await messageRow(t, refused);
    assert.deepEqual([row.status, row.tries], ['failed', 1]);
    assert.match(String(row.error), /chat not found/);

    // A stored reply_markup that is not JSON can never be sent: failed at once, without a call.
    const unreadable = await queueTelegram(t, { chatId: newChat() });
    await t.database.db
      .updateTable('telegram_messages')
      .set({ reply_markup: '{not json' })
      .where('id', '=', unreadable)
      .execute();
    const calls = fake.calls.length;
    await worker().runOnce();
    row = await messageRow(t, unreadable);
    assert.deepEqual([row.status, row.error], ['failed', 'reply_markup is not JSON']);
    assert.equal(fake.calls.length, calls);
  });

  it(`fails a message after ${TELEGRAM_QUEUE_MAX_TRIES} tries of network errors or 5xx`, async () => {
    const id = await queueTelegram(t, { chatId: newChat(), tries: TELEGRAM_QUEUE_MAX_TRIES - 1 });
    fake.failNext('sendMessage', { kind: 'server', status: 500 });
    await worker().runOnce();
    const row = await messageRow(t, id);
    assert.deepEqual([row.status, row.tries], ['failed', TELEGRAM_QUEUE_MAX_TRIES]);
    assert.match(String(row.error), /500/);
  });

  it('a lapsed lease is claimed again, and only the lease holder may finish the row', async () => {
    const repository = createTelegramQueueRepository(t.database, Date.now);
    // Rows earlier tests left waiting (a retry's backoff) may come due on a slow run: out of the way.
    await t.database.db
      .updateTable('telegram_messages')
      .set({ status: 'failed' })
      .where('status', 'in', ['queued', 'sending'])
      .execute();
    const id = await queueTelegram(t, { chatId: newChat() });
    const [first] = await repository.claim(1, 60_000);
    assert.equal(first?.id, id);
    assert.deepEqual(await repository.claim(1, 60_000), [], 'a held row is not claimed twice');
    // Its worker stalled: the lease runs out and another worker takes the row. Time passes first, as it must
    // for a lease to run out: a claim in the same millisecond would get the same lease, the fencing token.
    await sleep(5);
    await sql`update telegram_messages set lease_until = lease_until - 120000 where id = ${id}`.execute(t.database.db);
    assert.equal(await repository.releaseLapsed(), 1);
    const [second] = await repository.claim(1, 60_000);
    assert.equal(second?.id, id);
    assert.equal(second?.tries, 2);
    assert.equal(await repository.markSent(first!, '1'), false, 'the stalled worker can no longer finish it');
    assert.equal(await repository.markSent(second!, '2'), true);
    const row = await messageRow(t, id);
    assert.deepEqual([row.status, row.telegram_message_id], ['sent', '2']);
  });

  it("a 429's retry_after: that message waits, and nothing goes to anyone until it passes", async () => {
    const first = newChat();
    const id = await queueTelegram(t, { chatId: first });
    fake.failNext('sendMessage', { kind: 'rate', retryAfter: 1 });
    worker().start();
    try {
      // The row as the 429's outcome wrote it (read at once: it is claimed again only after retry_after).
      let row = await messageRow(t, id);
      await until('the 429 is answered', async () => (row = await messageRow(t, id)).error !== null);
      const refusedAt = fake.calls.filter((c) => c.method.toLowerCase() === 'sendmessage').at(-1)!.at;
      assert.deepEqual([row.status, row.tries], ['queued', 0], 'back in the queue without using a try');
      assert.match(String(row.error), /429/);
      // Others queued now wait as well: Telegram's flood limit is the bot's, not one chat's.
      const others = [newChat(), newChat(), newChat()];
      const ids = [id];
      for (const chat of others) ids.push(await queueTelegram(t, { chatId: chat }));
      worker().wake();
      await until('everything is sent', async () => {
        for (const queued of ids) if ((await messageRow(t, queued)).status !== 'sent') return false;
        return true;
      });
      for (const chat of [first, ...others]) {
        const [call] = sendsTo(fake, chat).slice(-1);
        assert.ok(call!.at >= refusedAt + 1000, `chat ${chat}: sent ${call!.at - refusedAt} ms after the 429`);
      }
      assert.equal(sentTo(fake, first).length, 1);
    } finally {
      await worker().stop(5000);
    }
  });

  it('one message a second to one chat', async () => {
    const chat = newChat();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await queueTelegram(t, { chatId: chat, text: `message ${i}` }));
    worker().start();
    try {
      await until('three messages to the chat', () => sentTo(fake, chat).length === 3);
    } finally {
      await worker().stop(5000);
    }
    const times = sendsTo(fake, chat).map((c) => c.at);
    assert.equal(times.length, 3, 'each sent once, none refused');
    for (let i = 1; i < times.length; i++) {
      // The limiter's windows are a second on the sending instance's clock; the fake's clock sees the calls
      // arrive a little later or earlier, so a margin.
      assert.ok(times[i]! - times[i - 1]! >= 900, `gap ${times[i]! - times[i - 1]!} ms`);
    }
    for (const id of ids) assert.equal((await messageRow(t, id)).status, 'sent');
  });
});

forEachDatabase('the Telegram alert queue on one instance', (backend) => {
  const PER_SECOND = 5;
  let fake: FakeBotApi;
  let t: TestApp;
  before(async () => {
    fake = await startFakeBotApi();
    t = await startTestApp(backend, {
      env: { ...webhookBotEnv(fake), ALERTS_TELEGRAM_PER_SECOND: String(PER_SECOND) },
    });
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  it(`spaces its sends 1 / ALERTS_TELEGRAM_PER_SECOND apart rather than sending a second's ${PER_SECOND} at once`, async () => {
    const chats = Array.from({ length: PER_SECOND }, () => newChat());
    for (const chat of chats) await queueTelegram(t, { chatId: chat });
    t.app.telegramQueue!.start();
    try {
      await until('every message sent', () => fake.sent.length >= PER_SECOND);
    } finally {
      await t.app.telegramQueue!.stop(5000);
    }
    const times = fake.calls
      .filter((c) => c.method.toLowerCase() === 'sendmessage')
      .map((c) => c.at)
      .sort((x, y) => x - y);
    assert.equal(times.length, PER_SECOND, 'each sent once');
    // Spaced, the five span four intervals of 200 ms; at once (the limiter's window alone), a few milliseconds.
    // A stalled event loop can bring two turns together, hence the margin.
    const span = times.at(-1)! - times[0]!;
    assert.ok(span >= 500, `${PER_SECOND} sends within ${span} ms`);
  });
});

/** Where the shared limits are counted: the database (no REDIS_URL), or Redis. */
const STORES = [
  { store: 'the database', env: {} as Record<string, string>, skip: false as string | false },
  { store: 'Redis', env: redisUrl ? { REDIS_URL: redisUrl } : {}, skip: redisSkip },
];

forEachDatabase('the Telegram alert queue across two instances', (backend) => {
  for (const { store, env: storeEnv, skip } of STORES)
    describe(`counted in ${store}`, { skip }, () => twoInstances(backend, storeEnv));
});

function twoInstances(backend: DatabaseBackend, storeEnv: Record<string, string>) {
  const PER_SECOND = 3;
  const MESSAGES = 12;
  let fake: FakeBotApi;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    fake = await startFakeBotApi();
    const env = { ...webhookBotEnv(fake), ...storeEnv, ALERTS_TELEGRAM_PER_SECOND: String(PER_SECOND) };
    a = await startTestApp(backend, { env });
    b = await startTestApp(backend, { env, shareWith: a });
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await fake?.close();
  });

  it(`send at most ALERTS_TELEGRAM_PER_SECOND (${PER_SECOND}) a second together, each message once`, async () => {
    const chats = Array.from({ length: MESSAGES }, () => newChat());
    const ids = [];
    for (const chat of chats) ids.push(await queueTelegram(a, { chatId: chat }));
    a.app.telegramQueue!.start();
    b.app.telegramQueue!.start();
    try {
      await until('every message sent', () => fake.sent.length >= MESSAGES, 30_000);
    } finally {
      await Promise.all([a.app.telegramQueue!.stop(5000), b.app.telegramQueue!.stop(5000)]);
    }
    const calls = fake.calls.filter((c) => c.method.toLowerCase() === 'sendmessage');
    assert.equal(calls.length, MESSAGES, 'each message offered once');
    assert.deepEqual(new Set(fake.sent.map((m) => m.chatId)), new Set(chats.map(String)));
    // Fixed windows of a second: any second of the fake's clock overlaps at most two of them, so it sees at
    // most twice the rate (and the sends span at least three windows' starts: 12 at 3 a window is 4 windows).
    const times = calls.map((c) => c.at).sort((x, y) => x - y);
    for (const start of times) {
      const inSecond = times.filter((at) => at >= start && at < start + 1000).length;
      assert.ok(inSecond <= 2 * PER_SECOND, `${inSecond} sends in the second from ${start}`);
    }
    assert.ok(times.at(-1)! - times[0]! >= 2000, `all ${MESSAGES} within ${times.at(-1)! - times[0]!} ms`);
    const byInstance = new Set<string>();
    for (const id of ids) {
      const row = await messageRow(a, id);
      assert.equal(row.status, 'sent');
      byInstance.add(row.telegram_message_id!);
    }
    assert.equal(byInstance.size, MESSAGES);
  });
}
