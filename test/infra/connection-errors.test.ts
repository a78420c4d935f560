import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES, redisSkip, redisUrl } from '../helpers/backends.ts';
import { freePort, runCli, tempDir, withoutDatabaseLine } from '../helpers/infra-cli.ts';
import { logCapture } from '../helpers/log-capture.ts';

const PASSWORD = 'Pw9sEcReT';
const postgresSkip = DATABASES.find((backend) => backend.name === 'postgres')!.skip;

/**
 * What `otpgate <command>` prints when it cannot start: exactly one line (after the line naming the database,
 * which a maintenance command prints first), and never the password.
 */
async function startFailure(command: string, env: Record<string, string>): Promise<string> {
  const result = await runCli([command], env);
  assert.equal(result.code, 1, result.stderr);
  assert.ok(!`${result.stdout}${result.stderr}`.includes(PASSWORD), `the password is printed:\n${result.stderr}`);
  const stderr = withoutDatabaseLine(result.stderr);
  assert.match(stderr, /^otpgate: [^\n]+\n$/, `one line:\n${result.stderr}`);
  return stderr.trim();
}

describe('a database that cannot be reached at start is named by its variable and host', () => {
  for (const command of ['serve', 'migrate']) {
    it(`otpgate ${command}: PostgreSQL refusing connections`, async () => {
      const port = await freePort();
      const line = await startFailure(command, { DATABASE_URL: `postgres://otp:${PASSWORD}@127.0.0.1:${port}/otp` });
      assert.equal(
        line,
        `otpgate: DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
      );
    });
  }

  it('otpgate serve: a host that does not resolve', async () => {
    const line = await startFailure('serve', { DATABASE_URL: `postgres://otp:${PASSWORD}@no-such-host.invalid/otp` });
    assert.match(
      line,
      /^otpgate: DATABASE_URL: cannot connect to PostgreSQL at no-such-host\.invalid:5432: host not found/,
    );
  });

  it('otpgate serve: PostgreSQL refusing the user', { skip: postgresSkip }, async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    target.username = 'no_such_role';
    target.password = PASSWORD;
    const line = await startFailure('serve', { DATABASE_URL: target.href });
    const at = `${target.hostname}:${target.port || 5432}`;
    assert.equal(
      line,
      `otpgate: DATABASE_URL: cannot connect to PostgreSQL at ${at}: role "no_such_role" does not exist (28000)`,
    );
  });

  it('otpgate serve: a SQLite file that cannot be created', async () => {
    const dir = tempDir();
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const line = await startFailure('serve', { DATABASE_URL: `sqlite:${file}/otpgate.db` });
    assert.match(
      line,
      new RegExp(`^otpgate: DATABASE_URL: cannot open the SQLite database ${file}/otpgate\\.db: .*(ENOTDIR|EEXIST)`),
    );
  });
});

describe('a Redis that cannot be used is reported once, naming REDIS_URL and its host', () => {
  /** Builds the app on `url` and waits, up to a generous deadline, for the log line about Redis. */
  async function redisLine(url: string): Promise<string[]> {
    const logs = logCapture();
    const config = loadConfig({
      NODE_ENV: 'test',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: 'sqlite::memory:',
      REDIS_URL: url,
    });
    // Migrated: while Redis is away the limits, and the outage marker, live in the database.
    const database = createDatabase(config.database);
    await migrateToLatest(database);
    const app = await buildApp(config, { database, logStream: logs.stream });
    try {
      const deadline = Date.now() + 10_000;
      while (!logs.text().includes('REDIS_URL') && Date.now() < deadline) await sleep(50);
      // Reconnect attempts go on meanwhile; they must not each write a line.
      await sleep(1500);
      return logs.lines.filter((line) => line.includes('REDIS_URL')).map((line) => JSON.parse(line).msg as string);
    } finally {
      await app.close();
      await database.close();
    }
  }

  it('refusing connections', async () => {
    const port = await freePort();
    const lines = await redisLine(`redis://:${PASSWORD}@127.0.0.1:${port}`);
    assert.deepEqual(lines, [
      `REDIS_URL: Redis at 127.0.0.1:${port} failed: connection refused (ECONNREFUSED); rate limits are counted in the database until it answers`,
    ]);
  });

  it('refusing the password', { skip: redisSkip }, async () => {
    const target = new URL(redisUrl!);
    const lines = await redisLine(`redis://no_such_user:${PASSWORD}@${target.host}`);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0]!,
      new RegExp(`^REDIS_URL: Redis at ${target.hostname}:${target.port || 6379} failed: WRONGPASS`),
    );
    assert.ok(!lines[0]!.includes(PASSWORD));
  });
});
