import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations/index.ts';
import { DATABASES, type DatabaseBackend } from '../helpers/backends.ts';
import {
  DATABASE_LINE,
  freePort,
  runCli,
  startCli,
  tempDir,
  waitUntilServing,
  withoutDatabaseLine,
} from '../helpers/infra-cli.ts';

const NAMES = Object.keys(MIGRATIONS);
const LATEST = LATEST_SCHEMA_VERSION;
const postgresBackend = DATABASES.find((b) => b.name === 'postgres')!;

const drops: Array<() => Promise<void>> = [];
// Kysely's migrator looks at the tables of every schema in the database, and fails if one is dropped while
// it looks; the tests below run side by side, so their schemas are dropped only once all have finished.
after(() => Promise.all(drops.map((drop) => drop())));

/**
 * The URL of a fresh database for one test, dropped after the file: a SQLite file in a folder of its own,
 * or an empty PostgreSQL schema.
 */
async function freshDatabase(backend: DatabaseBackend): Promise<string> {
  if (backend.name === 'postgres') {
    const { url, drop } = await backend.create();
    drops.push(drop);
    return url;
  }
  const dir = tempDir();
  drops.push(async () => rmSync(dir, { recursive: true, force: true }));
  return `sqlite:${join(dir, 'otpgate.db')}`;
}

/** The tables of the database `url` names (its schema, on PostgreSQL), without the migrator's own. */
async function tablesIn(url: string): Promise<string[]> {
  const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  try {
    const query =
      database.dialect === 'sqlite'
        ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
        : sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
    const { rows } = await query.execute(database.db);
    return rows
      .map((r) => r.name)
      .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
      .sort();
  } finally {
    await database.close();
  }
}

const statusLines = (version: number, dialect: string) => {
  const lines = [`schema version ${version} of ${LATEST} (${dialect})`];
  if (version < LATEST) lines.push(`pending: ${NAMES.slice(version).join(', ')}`);
  return lines;
};

const lines = (text: string) => text.split('\n').filter(Boolean);

/** Exactly one line on stderr: what a failed start must print. */
function oneLine(stderr: string): string {
  const all = lines(stderr);
  assert.equal(all.length, 1, `one line on stderr, got:\n${stderr}`);
  return all[0]!;
}

// Each command loads the whole service (about 1.5 s of CPU); a few at a time keeps them from starving.
describe('the otpgate command', { concurrency: 4 }, () => {
  for (const backend of DATABASES) {
    const title = `migrate, migrate status and migrate down report the version and are idempotent on ${backend.name}`;
    if (backend.skip) {
      it(title, { skip: backend.skip }, () => {});
      continue;
    }
    it(title, async () => {
      const url = await freshDatabase(backend);
      const env = { DATABASE_URL: url };
      const migrate = async (...args: string[]) => {
        const result = await runCli(['migrate', ...args], env);
        // Which database, and for `down` what it drops; nothing else.
        for (const line of lines(result.stderr)) assert.match(line, /^otpgate: (database |migrate down reverts )/);
        assert.match(result.stderr, DATABASE_LINE);
        assert.equal(result.code, 0);
        return lines(result.stdout);
      };
      // Every migrate command ends with the status line; `migrate status` alone is run once, on PostgreSQL
      // (whose empty schema exists; an SQLite file that does not is refused), to keep the number of commands
      // (each loads the whole service) down.
      if (backend.name === 'postgres') assert.deepEqual(await migrate('status'), statusLines(0, backend.name));
      assert.deepEqual(await tablesIn(url), []);

      assert.deepEqual(await migrate(), [`applied: ${NAMES.join(', ')}`, ...statusLines(LATEST, backend.name)]);
      const tables = await tablesIn(url);
      for (const table of ['users', 'sessions', 'otp_codes', 'rate_limits', 'sms_logs', 'phone_verifications']) {
        assert.ok(tables.includes(table), `${table} exists after migrate (have ${tables.join(', ')})`);
      }
      assert.deepEqual(await migrate(), ['schema already up to date', ...statusLines(LATEST, backend.name)]);
      assert.deepEqual(await tablesIn(url), tables);

      for (let version = LATEST; version > 0; version -= 1) {
        assert.deepEqual(await migrate('down', '--yes'), [
          `reverted: ${NAMES[version - 1]}`,
          ...statusLines(version - 1, backend.name),
        ]);
      }
      assert.deepEqual(await tablesIn(url), []);
      assert.deepEqual(await migrate('down', '--yes'), ['nothing to revert', ...statusLines(0, backend.name)]);
    });
  }

  it(
    "migrate waits as long as its statements need: a table held locked past a request's read timeout delays it, and it then succeeds",
    { skip: postgresBackend.skip },
    async () => {
      const url = await freshDatabase(postgresBackend);
      const env = { DATABASE_URL: url };
      assert.equal((await runCli(['migrate'], env)).code, 0);
      const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
      try {
        await database.db.connection().execute(async (locker) => {
          // rate_limits is what reverting the newest migration alters.
          await sql`begin`.execute(locker);
          await sql`lock table rate_limits in access exclusive mode`.execute(locker);
          const reverting = runCli(['migrate', 'down', '--yes'], env);
          const waiting = async () =>
            Number(
              (
                await sql<{ n: string }>`select count(*) as n from pg_locks
                  where not granted and relation = 'rate_limits'::regclass`.execute(locker)
              ).rows[0]!.n,
            ) > 0;
          for (const deadline = Date.now() + 30_000; !(await waiting()) && Date.now() < deadline;) await sleep(100);
          assert.ok(await waiting(), 'migrate down waits for the lock');
          // Longer than the 1.8 s a request's statement may take.
          await sleep(2500);
          await sql`rollback`.execute(locker);
          const result = await reverting;
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stdout, new RegExp(`reverted: ${NAMES[LATEST - 1]}`));
        });
      } finally {
        await database.close();
      }
    },
  );

  it(
    'serve on a PostgreSQL schema that is behind exits 1 with one line saying to run npx otpgate migrate',
    { skip: postgresBackend.skip },
    async () => {
      const url = await freshDatabase(postgresBackend);
      const result = await runCli(['serve'], {
        DATABASE_URL: url,
        MIGRATE_ON_START: 'false',
        PORT: String(await freePort()),
      });
      assert.equal(result.code, 1);
      const line = oneLine(result.stderr);
      assert.ok(line.includes('npx otpgate migrate'), line);
      assert.match(line, new RegExp(`version 0 of ${LATEST}`));
      assert.equal(result.stdout, '');
      assert.deepEqual(await tablesIn(url), [], 'serve left the schema alone');
    },
  );

  it('a bad setting stops serve with one line naming the variable', async () => {
    const result = await runCli(['serve'], { PORT: 'abc' });
    assert.equal(result.code, 1);
    assert.equal(
      oneLine(result.stderr),
      'otpgate: Invalid configuration: PORT: expected a whole number from 0 to 65535; got "abc"',
    );
    assert.equal(result.stdout, '');
  });

  it('a .env file in the working folder is read, and a variable already set wins over it', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, '.env'), `DATABASE_POOL_SIZE=0\nDATABASE_URL=sqlite:${join(dir, 'from-env-file.db')}\n`);
      const result = await runCli(['migrate'], { DATABASE_POOL_SIZE: '5' }, { cwd: dir });
      assert.equal(
        withoutDatabaseLine(result.stderr).trim(),
        '',
        'DATABASE_POOL_SIZE=0 in .env gave way to DATABASE_POOL_SIZE=5 in the environment',
      );
      assert.equal(result.code, 0);
      assert.equal(existsSync(join(dir, 'from-env-file.db')), true, 'DATABASE_URL came from .env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serve in an empty folder creates ./data/otpgate.db, migrates it, keeps a secret and answers health', async () => {
    const dir = tempDir();
    const port = await freePort();
    const server = startCli(['serve'], { PORT: String(port) }, dir);
    try {
      await waitUntilServing(`http://127.0.0.1:${port}/api/v1/otp/health`, server);
      const health = await (await fetch(`http://127.0.0.1:${port}/api/v1/otp/health`)).json();
      assert.equal(health.status, 'ok');
      assert.deepEqual(health.database, {
        status: 'ok',
        dialect: 'sqlite',
        schema_version: LATEST,
        latest_schema_version: LATEST,
      });
      assert.deepEqual(health.sms, {
        enabled: true,
        configured: false,
        available: true,
        mode: 'development',
      });
      assert.equal(existsSync(join(dir, 'data', 'otpgate.db')), true);
      assert.equal(statSync(join(dir, 'data', 'auth-secret')).mode & 0o777, 0o600);
      // The line follows the listen that let health answer; give the pipe a moment to carry it.
      const listening = new RegExp(`otpgate listening on http://127\\.0\\.0\\.1:${port}`);
      for (let waited = 0; !listening.test(server.stdout()) && waited < 5000; waited += 50) await sleep(50);
      assert.match(server.stdout(), listening);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal((await server.exited).code, 0);
  });

  it('an unknown migrate action exits 2 without touching the database', async () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'never.db');
      const result = await runCli(['migrate', 'sideways'], { DATABASE_URL: `sqlite:${file}` });
      assert.equal(result.code, 2);
      assert.equal(
        lines(result.stderr)[0],
        'otpgate: migrate: unknown action "sideways" (use status, down or nothing)',
      );
      assert.equal(existsSync(file), false, 'no database file was created');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown command exits 2 with the usage', async () => {
    const result = await runCli(['frobnicate'], {});
    assert.equal(result.code, 2);
    assert.equal(lines(result.stderr)[0], 'otpgate: unknown command "frobnicate"');
    assert.match(result.stderr, /Usage: otpgate <command>/);
    assert.equal(result.stdout, '');
  });
});
