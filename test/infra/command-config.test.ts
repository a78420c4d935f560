import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { describeDatabase } from '../../src/db/describe.ts';
import { freePort, runCli, tempDir } from '../helpers/infra-cli.ts';

const lines = (text: string) => text.split('\n').filter(Boolean);
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** A production environment with nothing but the database: no AUTH_SECRET, and SMS settings that are broken. */
const PRODUCTION = { NODE_ENV: 'production', SMS_PROVIDER: 'melipayamak', OTP_LENGTH: '3' };

describe('each command reads only what it uses', { concurrency: 2 }, () => {
  it('migrate, migrate status, keys list and signing-keys list run in production without AUTH_SECRET, PUBLIC_URL or SMS settings', async () => {
    const dir = folder();
    const env = { ...PRODUCTION, DATABASE_URL: `sqlite:${join(dir, 'otpgate.db')}` };
    for (const args of [['migrate'], ['migrate', 'status'], ['keys', 'list'], ['signing-keys', 'list']]) {
      const result = await runCli(args, env);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /Invalid configuration/);
    }
    // serve does read them: the same environment stops it.
    const serve = await runCli(['serve'], env);
    assert.equal(serve.code, 1);
    assert.match(serve.stderr, /Invalid configuration/);
  });

  it('smoke reads no configuration at all', async () => {
    const result = await runCli(['smoke', `http://127.0.0.1:${await freePort()}`], { ...PRODUCTION, PORT: 'abc' });
    assert.equal(result.code, 1, 'the checks failed: nothing answers there');
    assert.match(result.stdout, /FAIL {2}health: no answer/);
    assert.equal(result.stderr, '');
  });
});

describe('every command says which database it opened', { concurrency: 2 }, () => {
  it('a relative SQLite path as the absolute path of the file, from the folder the command ran in', async () => {
    const dir = folder();
    const result = await runCli(['migrate'], { DATABASE_URL: 'sqlite:./sub/otpgate.db' }, { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(lines(result.stderr), [`otpgate: database sqlite:${join(dir, 'sub', 'otpgate.db')}`]);
    assert.equal(existsSync(join(dir, 'sub', 'otpgate.db')), true);
  });

  it('a PostgreSQL URL without its password, also when the database cannot be reached', async () => {
    const port = await freePort();
    const result = await runCli(['keys', 'list'], {
      DATABASE_URL: `postgres://otpgate:hunter2secret@127.0.0.1:${port}/shop?sslmode=disable&password=hunter2secret`,
    });
    assert.equal(result.code, 1);
    assert.deepEqual(
      lines(result.stderr)[0],
      `otpgate: database postgres://otpgate@127.0.0.1:${port}/shop?sslmode=disable`,
    );
    assert.match(
      lines(result.stderr)[1]!,
      new RegExp(`^otpgate: DATABASE_URL: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: `),
    );
    assert.equal(lines(result.stderr).length, 2, result.stderr);
    assert.doesNotMatch(result.stderr, /hunter2/);
  });

  it('describeDatabase keeps the user, host, database and options, and drops the password', () => {
    assert.equal(
      describeDatabase('postgres://u:p%40ss@db.internal:6432/otp?options=-c%20search_path%3Dx'),
      'postgres://u@db.internal:6432/otp?options=-c+search_path%3Dx',
    );
    assert.equal(describeDatabase('postgresql://db/otp?password=secret'), 'postgresql://db/otp');
    assert.equal(describeDatabase('sqlite:/var/lib/otpgate/otpgate.db'), 'sqlite:/var/lib/otpgate/otpgate.db');
    assert.equal(describeDatabase('sqlite::memory:'), 'sqlite::memory:');
  });
});

describe('DATA_DIR holds the default database', { concurrency: 2 }, () => {
  it('with DATABASE_URL unset, the database is DATA_DIR/otpgate.db', () => {
    assert.equal(loadConfig({ DATA_DIR: '/var/lib/otpgate' }).database.url, 'sqlite:/var/lib/otpgate/otpgate.db');
    assert.equal(loadConfig({ DATA_DIR: '/var/lib/otpgate/' }).database.url, 'sqlite:/var/lib/otpgate/otpgate.db');
    assert.equal(loadConfig({}).database.url, 'sqlite:./data/otpgate.db');
    const set = 'postgres://db/otp';
    assert.equal(loadConfig({ DATA_DIR: '/var/lib/otpgate', DATABASE_URL: set }).database.url, set);
  });

  it('migrate creates the database in DATA_DIR, and keys list then finds it there from any folder', async () => {
    const dataDir = join(folder(), 'state');
    const migrate = await runCli(['migrate'], { DATA_DIR: dataDir });
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.deepEqual(lines(migrate.stderr), [`otpgate: database sqlite:${join(dataDir, 'otpgate.db')}`]);
    const list = await runCli(['keys', 'list'], { DATA_DIR: dataDir });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^no API keys/);
  });
});

describe('only serve and migrate create a SQLite database', { concurrency: 2 }, () => {
  const commands = [
    ['keys', 'list'],
    ['keys', 'create', '--name', 'x', '--scopes', 'sms:send'],
    ['keys', 'revoke', 'otpg_abcdefgh'],
    ['limits', 'reset', '--ip', '192.0.2.1'],
    ['migrate', 'status'],
    ['migrate', 'down', '--yes'],
  ];
  for (const args of commands) {
    it(`${args.join(' ')} on a file that is not there says "no database at PATH" and creates nothing`, async () => {
      const dir = folder();
      mkdirSync(join(dir, 'data'));
      const result = await runCli(args, {}, { cwd: dir });
      const file = join(dir, 'data', 'otpgate.db');
      assert.equal(result.code, 1);
      assert.deepEqual(lines(result.stderr), [
        `otpgate: database sqlite:${file}`,
        `otpgate: no database at ${file} (DATABASE_URL, or DATA_DIR when it is unset): run \`npx otpgate migrate\` to create one, or point DATABASE_URL at the existing one`,
      ]);
      assert.equal(existsSync(file), false);
      assert.equal(result.stdout, '');
    });
  }
});
