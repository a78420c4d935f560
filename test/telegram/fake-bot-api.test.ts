import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError } from 'grammy';
import { startFakeBotApi, person, textUpdate, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';

// The fake Bot API answers grammY as Telegram does, so the bot's tests through it mean something.
let fake: FakeBotApi;
let api: Api;
before(async () => {
  fake = await startFakeBotApi();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});
after(() => fake.close());

test('getMe, sendMessage and the sent log', async () => {
  assert.equal((await api.getMe()).username, 'shop_test_bot');
  const message = await api.sendMessage(42, 'hello', {
    reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'y' }]] },
  });
  assert.equal(message.text, 'hello');
  const last = fake.sent.at(-1)!;
  assert.equal(last.chatId, '42');
  assert.equal(last.replyMarkup.inline_keyboard[0][0].callback_data, 'y');
});

test('a blocked chat answers 403 with Telegram description', async () => {
  fake.block(7);
  await assert.rejects(api.sendMessage(7, 'x'), (error: unknown) => {
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 403);
    assert.equal(error.description, 'Forbidden: bot was blocked by the user');
    return true;
  });
  fake.unblock(7);
  await api.sendMessage(7, 'back');
});

test('429 carries retry_after, which auto-retry waits out', async () => {
  fake.failNext('sendMessage', { kind: 'rate', retryAfter: 1 });
  await assert.rejects(api.sendMessage(1, 'x'), (error: GrammyError) => error.parameters.retry_after === 1);
  const retrying = new Api(fake.token, { apiRoot: fake.apiRoot });
  retrying.config.use(autoRetry());
  fake.failNext('sendMessage', { kind: 'rate', retryAfter: 1 });
  const started = Date.now();
  await retrying.sendMessage(1, 'after the wait');
  assert.ok(Date.now() - started >= 900);
});

test('getUpdates: offsets confirm, a long poll is held until an update arrives', async () => {
  const first = fake.push(textUpdate(person(5), 'one'));
  const [update] = await api.getUpdates({ offset: 0, timeout: 0 });
  assert.equal(update?.update_id, first);
  assert.equal((await api.getUpdates({ offset: first + 1, timeout: 0 })).length, 0);
  const held = api.getUpdates({ offset: first + 1, timeout: 5 });
  setTimeout(() => fake.push(textUpdate(person(5), '/help')), 100);
  const [late] = await held;
  assert.equal(late?.message?.text, '/help');
  assert.equal(late?.update_id, first + 1);
});

test('getUpdates is refused while a webhook is set', async () => {
  await api.setWebhook('http://127.0.0.1:9/hook', { secret_token: 'abc_DEF-1' });
  assert.equal((await api.getWebhookInfo()).url, 'http://127.0.0.1:9/hook');
  await assert.rejects(api.getUpdates(), (error: GrammyError) => error.error_code === 409);
  await api.deleteWebhook();
});
