import assert from 'node:assert/strict';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeWebhookSink, type FakeWebhookSink } from '../helpers/fake-webhook-sink.ts';
import { freePort, startCli, tempDir, waitUntilServing } from '../helpers/infra-cli.ts';

const PHONE = '+989123450077';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('files at rest are readable by their owner only', () => {
  let sink: FakeWebhookSink;
  let dir: string;
  before(async () => {
    sink = await startFakeWebhookSink();
    dir = tempDir();
  });
  after(async () => {
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serve creates DATA_DIR 0700 and the SQLite database, its -wal and -shm and the kept AUTH_SECRET 0600', async () => {
    const data = join(dir, 'fresh', 'data');
    const seen = await serveWatching(sink, { DATA_DIR: data }, dir, join(data, 'otpgate.db'));
    assert.deepEqual(seen, {
      [data]: '700',
      [join(data, 'otpgate.db')]: '600',
      [join(data, 'otpgate.db-wal')]: '600',
      [join(data, 'otpgate.db-shm')]: '600',
      [join(data, 'auth-secret')]: '600',
    });
  });

  it('a database an earlier version left readable to all (0644) is made 0600, its -wal and -shm too', async () => {
    const file = join(dir, 'old.db');
    writeFileSync(file, '', { mode: 0o644 }); // an empty file is an empty SQLite database
    writeFileSync(`${file}-wal`, '', { mode: 0o644 });
    assert.equal(modeOf(file), '644');
    const seen = await serveWatching(
      sink,
      { DATABASE_URL: `sqlite:${file}`, DATA_DIR: join(dir, 'old-data') },
      dir,
      file,
    );
    assert.equal(seen[file], '600');
    assert.equal(seen[`${file}-wal`], '600');
    assert.equal(seen[`${file}-shm`], '600');
  });
});

/**
 * Runs `serve`, makes it write, and reads the modes while it still runs (SQLite removes -wal and -shm when
 * the last connection closes): DATA_DIR if created, the database, -wal, -shm and auth-secret.
 */
async function serveWatching(
  sink: FakeWebhookSink,
  env: Record<string, string>,
  cwd: string,
  database: string,
): Promise<Record<string, string>> {
  const port = await freePort();
  const server = startCli(
    ['serve'],
    { PORT: String(port), SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: sink.url, ...env },
    cwd,
  );
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/api/v1/otp/health`, server);
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/otp/phone/login/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: PHONE }),
    });
    assert.equal(answer.status, 200, await answer.text());
    const seen: Record<string, string> = {};
    const data = env.DATA_DIR!;
    if (!env.DATABASE_URL) seen[data] = modeOf(data);
    for (const path of [database, `${database}-wal`, `${database}-shm`, join(data, 'auth-secret')]) {
      seen[path] = modeOf(path);
    }
    return seen;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
