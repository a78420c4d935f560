import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../../helpers/app.ts';
import { startMaintenance } from '../../../src/maintenance.ts';
import { BOT_SESSION_IDLE_MS, createBotSessionStorage } from '../../../src/telegram/bot/storage.ts';
import { createTelegramBot } from '../../../src/telegram/bot/bot.ts';
import { createTemplateCache } from '../../../src/templates/cache.ts';
import { createTemplateRenderer } from '../../../src/templates/renderer.ts';
import { createTemplateRepository } from '../../../src/templates/repository.ts';
import { botSuite } from './helpers.ts';

forEachDatabase("the bot's sessions and its calls to Telegram", (backend) => {
  const suite = botSuite(backend);

  it('a session is stored in the database, read back, and deleted', async () => {
    const storage = createBotSessionStorage(suite.t.database.db, suite.t.clock.now);
    assert.equal(await storage.read('9001'), undefined);
    await storage.write('9001', { awaitingContact: true });
    assert.deepEqual(await storage.read('9001'), { awaitingContact: true });
    await storage.write('9001', {});
    assert.deepEqual(await storage.read('9001'), {});
    const row = await suite.t.database.db
      .selectFrom('telegram_bot_sessions')
      .selectAll()
      .where('key', '=', '9001')
      .executeTakeFirstOrThrow();
    assert.equal(row.value, '{}');
    await storage.delete('9001');
    assert.equal(await storage.read('9001'), undefined);
  });

  it('a session left idle expires: it reads as absent, and maintenance deletes it', async () => {
    const storage = createBotSessionStorage(suite.t.database.db, suite.t.clock.now);
    await storage.write('9002', { awaitingContact: true });
    suite.t.clock.advance(BOT_SESSION_IDLE_MS - 1000);
    assert.deepEqual(await storage.read('9002'), { awaitingContact: true });
    suite.t.clock.advance(1001);
    assert.equal(await storage.read('9002'), undefined);
    const stop = startMaintenance(suite.t.database, suite.t.app.log, { smsLogRetentionDays: 0 }, suite.t.clock.now);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stop();
    const left = await suite.t.database.db
      .selectFrom('telegram_bot_sessions')
      .select('key')
      .where('key', '=', '9002')
      .execute();
    assert.deepEqual(left, []);
  });

  it('a Bot API call that hangs ends in a timeout, not a wait without end', async () => {
    const bot = createTelegramBot({
      config: suite.t.app.telegramBot!.config,
      db: suite.t.database.db,
      renderer: createTemplateRenderer(
        createTemplateCache({ load: createTemplateRepository(suite.t.database.db).all, now: suite.t.clock.now }),
      ),
      log: suite.t.app.log as never,
      now: suite.t.clock.now,
      client: { timeoutSeconds: 1 },
    });
    suite.fake.failNext('sendMessage', { kind: 'hang' });
    const started = Date.now();
    assert.equal(await bot.messenger.send({ chatId: '9003' }, 'x'), 'failed');
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
