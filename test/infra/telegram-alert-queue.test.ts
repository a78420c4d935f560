import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { DATABASES } from '../helpers/backends.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import {
  freePort,
  runCli,
  sharedDatabase,
  startCli,
  tempDir,
  waitUntilServing,
  type CliProcess,
} from '../helpers/infra-cli.ts';
import { queueTelegramIn } from '../alerts/rows.ts';

for (const backend of DATABASES) {
  describe(`otpgate serve and the Telegram alert queue, on ${backend.name}`, { skip: backend.skip }, () => {
    let fake: FakeBotApi;
    let database: { url: string; drop(): Promise<void> };
    let handle: DatabaseHandle;
    let dir: string;
    let env: Record<string, string>;
    const servers: CliProcess[] = [];

    before(async () => {
      fake = await startFakeBotApi();
      database = await sharedDatabase(backend);
      dir = tempDir();
      const migrated = await runCli(['migrate'], { DATABASE_URL: database.url });
      assert.equal(migrated.code, 0, migrated.stderr);
      handle = createDatabase(loadConfig({ DATABASE_URL: database.url }).database);
      env = {
        DATABASE_URL: database.url,
        DATA_DIR: join(dir, 'data'),
        AUTH_SECRET: randomBytes(32).toString('hex'),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_UPDATES: 'off',
        LOG_LEVEL: 'warn',
      };
    });
    after(async () => {
      for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      await handle?.close();
      await fake?.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function serve(settings: Record<string, string>): Promise<CliProcess> {
      const port = await freePort();
      const server = startCli(['serve'], { ...settings, PORT: String(port) }, dir);
      servers.push(server);
      await waitUntilServing(`http://127.0.0.1:${port}/livez`, server);
      return server;
    }

    const queued = (chatId: string) => queueTelegramIn(handle.db, { chatId, text: 'Kettle is back in stock.' });

    const statusOf = async (id: string) =>
      (await handle.db.selectFrom('telegram_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;

    it(
      'an instance with SMS_QUEUE_WORKER=false sends none; one with the default sends it, and both stop cleanly',
      { timeout: 60_000 },
      async () => {
        const web = await serve({ ...env, SMS_QUEUE_WORKER: 'false' });
        const id = await queued('7300001');
        // A negative: two of the worker's poll intervals (a second) pass with the row left alone.
        await sleep(2500);
        assert.equal(await statusOf(id), 'queued');
        assert.equal(fake.sent.length, 0);

        const worker = await serve(env);
        const deadline = Date.now() + 20_000;
        while ((await statusOf(id)) !== 'sent' && Date.now() < deadline) await sleep(50);
        assert.equal(await statusOf(id), 'sent');
        assert.deepEqual(
          fake.sent.map((m) => m.chatId),
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
