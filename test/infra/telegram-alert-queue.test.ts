import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DATABASES } from '../helpers/backends.ts';
import { botProcesses } from '../helpers/infra-bot.ts';
import { queueTelegramIn } from '../alerts/rows.ts';

for (const backend of DATABASES) {
  describe(`otpgate serve and the Telegram alert queue, on ${backend.name}`, { skip: backend.skip }, () => {
    const bot = botProcesses(backend, 'off', { LOG_LEVEL: 'warn' });
    const { servers, serve } = bot;

    const queued = (chatId: string) => queueTelegramIn(bot.handle.db, { chatId, text: 'Kettle is back in stock.' });

    const statusOf = async (id: string) =>
      (
        await bot.handle.db
          .selectFrom('telegram_messages')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    it(
      'an instance with SMS_QUEUE_WORKER=false sends none; one with the default sends it, and both stop cleanly',
      { timeout: 60_000 },
      async () => {
        const web = await serve({ ...bot.env, SMS_QUEUE_WORKER: 'false' });
        const id = await queued('7300001');
        // A negative: two of the worker's poll intervals (a second) pass with the row left alone.
        await sleep(2500);
        assert.equal(await statusOf(id), 'queued');
        assert.equal(bot.fake.sent.length, 0);

        const worker = await serve(bot.env);
        const deadline = Date.now() + 20_000;
        while ((await statusOf(id)) !== 'sent' && Date.now() < deadline) await sleep(50);
        assert.equal(await statusOf(id), 'sent');
        assert.deepEqual(
          bot.fake.sent.map((m) => m.chatId),
          ['7300001'],
        );

        for (const server of [web, worker]) server.child.kill('SIGTERM');
        for (const server of [web, worker]) {
          const { code, stderr } = await server.exited;
          assert.equal(code, 0, stderr);
        }
      },
    );
  });
}
