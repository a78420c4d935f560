import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../../helpers/app.ts';
import { chatMemberUpdate, person, textUpdate } from '../../helpers/fake-telegram-bot-api.ts';
import { botSuite, deliver, linkAccount, reachOf, sentTo } from './helpers.ts';

forEachDatabase("the bot's own commands and whether it may write to a user", (backend) => {
  const suite = botSuite(backend);

  const lastTo = (who: ReturnType<typeof person>) => sentTo(suite.fake, who).at(-1)?.text ?? '';
  const messenger = () => suite.t.app.telegramBot!.messenger;

  it('answers /start, /help and /stop in the Telegram client language: en and fa', async () => {
    const en = person(8001, { language_code: 'en' });
    const fa = person(8002, { language_code: 'fa' });
    await deliver(suite.t, textUpdate(en, '/start'));
    assert.match(lastTo(en), /^Hello! This bot/);
    await deliver(suite.t, textUpdate(fa, '/start'));
    assert.match(lastTo(fa), /^سلام!/);
    await deliver(suite.t, textUpdate(en, '/help'));
    assert.equal(
      lastTo(en),
      'Commands:\n/start - Start\n/help - Help and the list of commands\n/stop - Stop messages from the bot\n' +
        '/login - Sign in to the website with Telegram\n/link - Link Telegram to your account\n/phone - Add your phone number\n' +
        '/alerts - My back-in-stock alerts',
    );
    await deliver(suite.t, textUpdate(fa, '/help'));
    assert.match(lastTo(fa), /^فرمان‌ها:\n\/start - شروع\n\/help - راهنما/);
    await deliver(suite.t, textUpdate(en, '/stop'));
    assert.match(lastTo(en), /^We will not write to you/);
    await deliver(suite.t, textUpdate(fa, '/stop'));
    assert.match(lastTo(fa), /^از این پس پیامی/);
  });

  it("writes in the linked account's locale before the client's", async () => {
    const who = person(8003, { language_code: 'en' });
    await linkAccount(suite.t, who, 'fa');
    await deliver(suite.t, textUpdate(who, '/start'));
    assert.match(lastTo(who), /^سلام!/);
  });

  it('a message from a linked user records its chat; /stop stops the messenger until /start', async () => {
    const who = person(8004);
    await linkAccount(suite.t, who);
    await deliver(suite.t, textUpdate(who, 'hello'));
    assert.equal((await reachOf(suite.t, who)).chat_id, String(who.id));
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'a notice'), 'sent');
    assert.equal(lastTo(who), 'a notice');

    await deliver(suite.t, textUpdate(who, '/stop'));
    assert.equal(typeof (await reachOf(suite.t, who)).bot_stopped_at, 'number');
    const calls = suite.fake.calls.length;
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'unasked'), 'blocked');
    assert.equal(suite.fake.calls.length, calls, 'Telegram was not called');
    // Any other message does not undo /stop; /start does.
    await deliver(suite.t, textUpdate(who, '/help'));
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'unasked'), 'blocked');
    await deliver(suite.t, textUpdate(who, '/start'));
    assert.equal((await reachOf(suite.t, who)).bot_stopped_at, null);
    assert.equal(await messenger().send({ chatId: String(who.id) }, 'welcome back'), 'sent');
  });

  it('a 403 on a send marks the user blocked, and the messenger then refuses without calling Telegram', async () => {
    const who = person(8005);
    await linkAccount(suite.t, who);
    suite.fake.block(who.id);
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'first'), 'blocked');
    assert.equal(typeof (await reachOf(suite.t, who)).bot_blocked_at, 'number');
    const calls = suite.fake.calls.length;
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'second'), 'blocked');
    assert.equal(suite.fake.calls.length, calls, 'Telegram was not called');
    // Writing to the bot again means it may write back.
    suite.fake.unblock(who.id);
    await deliver(suite.t, textUpdate(who, 'I am back'));
    assert.equal((await reachOf(suite.t, who)).bot_blocked_at, null);
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'third'), 'sent');
  });

  it('my_chat_member: kicked marks the user blocked, member clears it', async () => {
    const who = person(8006);
    await linkAccount(suite.t, who);
    await deliver(suite.t, chatMemberUpdate(who, 'kicked', suite.fake.botInfo));
    assert.equal(typeof (await reachOf(suite.t, who)).bot_blocked_at, 'number');
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'x'), 'blocked');
    await deliver(suite.t, chatMemberUpdate(who, 'member', suite.fake.botInfo));
    assert.equal((await reachOf(suite.t, who)).bot_blocked_at, null);
  });

  it('another refusal is failed and marks nothing', async () => {
    const who = person(8007);
    await linkAccount(suite.t, who);
    suite.fake.failNext('sendMessage', { kind: 'bad-request', description: 'chat not found' });
    assert.equal(await messenger().send({ telegramId: String(who.id) }, 'x'), 'failed');
    assert.equal((await reachOf(suite.t, who)).bot_blocked_at, null);
  });

  it('a 429 is waited out for its retry_after, a 5xx is retried', async () => {
    const who = person(8008);
    suite.fake.failNext('sendMessage', { kind: 'rate', retryAfter: 1 });
    let started = Date.now();
    assert.equal(await messenger().send({ chatId: String(who.id) }, 'after the wait'), 'sent');
    assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms`);
    suite.fake.failNext('sendMessage', { kind: 'server', status: 502 });
    started = Date.now();
    assert.equal(await messenger().send({ chatId: String(who.id) }, 'after the 502'), 'sent');
    assert.deepEqual(
      sentTo(suite.fake, who).map((m) => m.text),
      ['after the wait', 'after the 502'],
    );
  });
});
