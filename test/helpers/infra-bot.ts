import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import type { DatabaseBackend } from './backends.ts';
import { startFakeBotApi, type FakeBotApi } from './fake-telegram-bot-api.ts';
import { freePort, runCli, sharedDatabase, startCli, tempDir, waitUntilServing, type CliProcess } from './infra-cli.ts';

/**
 * `otpgate serve` processes of one bot on one database (migrated with `otpgate migrate`, as an operator
 * would), with the bot on a fake Bot API and `settings` added to every instance's environment. Call it inside a `describe`: it starts them in `before` and, in
 * `after`, kills whatever still runs and drops the database. `env` is every instance's settings (one
 * AUTH_SECRET); `serve` starts one more and waits until it answers.
 */
export function botProcesses(
  backend: DatabaseBackend,
  updates: 'off' | 'polling',
  settings: Record<string, string> = {},
) {
  const servers: CliProcess[] = [];
  let fake: FakeBotApi;
  let database: { url: string; drop(): Promise<void> };
  let handle: DatabaseHandle;
  let dir: string;
  let env: Record<string, string>;

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
      TELEGRAM_UPDATES: updates,
      ...settings,
    };
  });
  after(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await handle?.close();
    await fake?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return {
    servers,
    get fake() {
      return fake;
    },
    get handle() {
      return handle;
    },
    get env() {
      return env;
    },
    async serve(settings: Record<string, string>): Promise<CliProcess> {
      const port = await freePort();
      const server = startCli(['serve'], { ...settings, PORT: String(port) }, dir);
      servers.push(server);
      await waitUntilServing(`http://127.0.0.1:${port}/livez`, server);
      return server;
    },
  };
}
