import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../../helpers/app.ts';
import { HEALTH_URL } from '../../helpers/health.ts';
import { person, startFakeBotApi, textUpdate, type FakeBotApi } from '../../helpers/fake-telegram-bot-api.ts';
import { UPDATE_LEASE_MS } from '../../../src/telegram/bot/updates.ts';
import { deliver, newUpdateId, SECRET, sentTo, startBotApp, WEBHOOK } from './helpers.ts';

forEachDatabase('the bot takes each update once, by webhook', (backend) => {
  let fake: FakeBotApi;
  let t: TestApp;
  let second: TestApp;
  before(async () => {
    fake = await startFakeBotApi();
    t = await startBotApp(backend, fake);
    second = await startBotApp(backend, fake, t);
  });
  after(async () => {
    await second?.close();
    await t?.close();
    await fake?.close();
  });

  it('lists its commands in Telegram in fa and en at start', async () => {
    for (const lang of ['fa', 'en']) {
      const call = await fake.waitFor('setMyCommands', (c) => c.params.language_code === lang);
      const commands = call.params.commands.map((c: { command: string }) => c.command);
      assert.deepEqual(commands, ['start', 'help', 'stop', 'login', 'link', 'phone', 'alerts']);
    }
    const en = await fake.waitFor('setMyCommands', (c) => c.params.language_code === 'en');
    assert.equal(en.params.commands[1].description, 'Help and the list of commands');
  });

  it('health says the bot is configured and takes updates by webhook', async () => {
    const { body } = await t.get(HEALTH_URL);
    assert.deepEqual(body.telegram.bot, { configured: true, updates: 'webhook' });
  });

  it('a wrong or missing secret is refused 401 in our envelope, and nothing is handled', async () => {
    const who = person(7001);
    for (const secret of [null, 'wrong', `${SECRET}x`, SECRET.slice(0, -1)]) {
      const answer = await deliver(t, textUpdate(who, '/start'), { secret });
      assert.equal(answer.status, 401, String(secret));
      assert.equal(answer.body.code, 'UNAUTHORIZED');
    }
    assert.equal(sentTo(fake, who).length, 0);
  });

  it('the same update delivered twice, to one instance and then to both, is answered once', async () => {
    const who = person(7002);
    const updateId = newUpdateId();
    for (const app of [t, t, second]) {
      const answer = await deliver(app, textUpdate(who, '/help'), { updateId });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { success: true });
    }
    assert.equal(sentTo(fake, who).length, 1);
  });

  it('two instances given the same update at once: one handles it, the other answers 200 or 503, never twice', async () => {
    const who = person(7003);
    const updateId = newUpdateId();
    const answers = await Promise.all([t, second].map((app) => deliver(app, textUpdate(who, '/help'), { updateId })));
    assert.ok(answers.some((a) => a.status === 200));
    for (const answer of answers) assert.ok([200, 503].includes(answer.status), JSON.stringify(answer.body));
    assert.equal(sentTo(fake, who).length, 1);
  });

  it('a handler that fails answers 5xx and leaves the update to be delivered again; the retry handles it', async () => {
    const who = person(7004);
    const updateId = newUpdateId();
    fake.failNext('sendMessage', { kind: 'bad-request', description: 'message text is empty' });
    const failed = await deliver(t, textUpdate(who, '/start'), { updateId });
    assert.ok(failed.status >= 500, String(failed.status));
    assert.equal(sentTo(fake, who).length, 0);
    const retried = await deliver(second, textUpdate(who, '/start'), { updateId });
    assert.equal(retried.status, 200);
    assert.equal(sentTo(fake, who).length, 1);
  });

  it('an update held by a live claim is 503 (deliver again); once its lease lapsed (holder died) it is taken', async () => {
    const who = person(7005);
    const updateId = newUpdateId();
    const at = t.clock.now();
    await t.database.db
      .insertInto('telegram_bot_updates')
      .values({
        bot_id: fake.token.split(':')[0]!,
        update_id: updateId,
        status: 'handling',
        claim: 'a-process-that-died',
        claimed_until: at + UPDATE_LEASE_MS,
        received_at: at,
      })
      .execute();
    const busy = await deliver(t, textUpdate(who, '/help'), { updateId });
    assert.equal(busy.status, 503);
    assert.equal(busy.body.code, 'SERVICE_UNAVAILABLE');
    assert.equal(sentTo(fake, who).length, 0);
    t.clock.advance(UPDATE_LEASE_MS + 1);
    const taken = await deliver(t, textUpdate(who, '/help'), { updateId });
    assert.equal(taken.status, 200);
    assert.equal(sentTo(fake, who).length, 1);
  });

  it('a body without an update_id is refused once the secret holds', async () => {
    const answer = await t.post(WEBHOOK, { message: {} }, { 'x-telegram-bot-api-secret-token': SECRET });
    assert.equal(answer.status, 400);
  });
});

forEachDatabase('the webhook when the bot does not take updates by it', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('answers 404 TELEGRAM_WEBHOOK_OFF without a bot, secret or not', async () => {
    for (const secret of [SECRET, null]) {
      const answer = await deliver(t, textUpdate(person(7100), '/start'), { secret });
      assert.deepEqual([answer.status, answer.body.code], [404, 'TELEGRAM_WEBHOOK_OFF']);
    }
    const { body } = await t.get(HEALTH_URL);
    assert.deepEqual(body.telegram.bot, { configured: false, updates: 'off' });
  });
});
