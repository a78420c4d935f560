import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { schemaStatus } from '../../src/db/migrate.ts';
import { DROPS } from '../../src/db/migrations/drops.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations/index.ts';
import { BIN, cleanEnv, freePort, runCli, tempDir, type CliResult } from '../helpers/infra-cli.ts';

const lines = (text: string) => text.split('\n').filter(Boolean);
const NEWEST = Object.keys(MIGRATIONS).at(-1)!;

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

describe('--help and unknown options', { concurrency: 3 }, () => {
  // A setting that stops serve: --help must print the usage without reading the configuration.
  const broken = { PORT: 'abc' };
  for (const args of [
    ['serve'],
    ['migrate'],
    ['keys'],
    ['keys', 'create'],
    ['clients'],
    ['clients', 'create'],
    ['smoke'],
    ['limits', 'reset'],
    ['openapi'],
    ['signing-keys'],
    ['signing-keys', 'rotate'],
    ['telegram'],
    ['telegram', 'set-webhook'],
    ['admins'],
    ['admins', 'add'],
  ]) {
    it(`${args.join(' ')} --help prints its usage and exits 0`, async () => {
      const result = await runCli([...args, '--help'], broken);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      assert.ok(result.stdout.startsWith(`usage: otpgate ${args[0]}`), result.stdout);
    });
  }

  it('serve --help does not start the service', async () => {
    const port = await freePort();
    const result = await runCli(['serve', '-h'], { PORT: String(port) }, { timeoutMs: 30_000 });
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stdout, /listening/);
  });

  const unknown: Array<[string[], string]> = [
    [['serve', '--port', '3000'], "otpgate: serve: Unknown option '--port'"],
    [['serve', 'now'], 'otpgate: serve: unexpected argument "now"'],
    [['migrate', '--force'], "otpgate: migrate: Unknown option '--force'"],
    [['keys', 'list', '--all'], "otpgate: keys: Unknown option '--all'"],
    [['clients', 'create', '--scopes', 'x'], "otpgate: clients: Unknown option '--scopes'"],
    [['smoke', 'http://127.0.0.1:1', '--verbose'], "otpgate: smoke: Unknown option '--verbose'"],
    [['limits', 'reset', '--number', '0912'], "otpgate: limits: Unknown option '--number'"],
    [['signing-keys', 'rotate', '--force'], "otpgate: signing-keys: Unknown option '--force'"],
    [['telegram', 'set-webhook', '--url', 'x'], "otpgate: telegram: Unknown option '--url'"],
    [['admins', 'add', '--phone', '0912', '--admin'], "otpgate: admins: Unknown option '--admin'"],
  ];
  for (const [args, first] of unknown) {
    it(`${args.join(' ')} is an error, with the usage, exit 2`, async () => {
      const result = await runCli(args, {});
      assert.equal(result.code, 2);
      assert.equal(lines(result.stderr)[0], first);
      assert.match(result.stderr, new RegExp(`usage: otpgate ${args[0]}`));
      assert.equal(result.stdout, '');
    });
  }
});

/** `otpgate migrate down` with its stdin and stdout on a terminal (`script` gives it one), typing `answer`. */
function onTerminal(env: Record<string, string>, answer: string): Promise<CliResult> {
  const child = spawn('script', ['-qec', `${process.execPath} ${BIN} migrate down`, '/dev/null'], {
    cwd: dir,
    env: cleanEnv(env),
    stdio: 'pipe',
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stdin.end(`${answer}\n`);
  const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      // On a terminal stdout and stderr are one stream.
      resolve({ code, signal, stdout, stderr: '' });
    }),
  );
}

async function version(url: string): Promise<number> {
  const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  try {
    return (await schemaStatus(database)).version;
  } finally {
    await database.close();
  }
}

describe('migrate down', { concurrency: 1 }, () => {
  const url = `sqlite:${join(dir, 'down.db')}`;
  const env = { DATABASE_URL: url };
  const says = `otpgate: migrate down reverts ${NEWEST}, which drops ${DROPS[NEWEST]}`;

  it('every migration says what reverting it drops', () => {
    for (const name of Object.keys(MIGRATIONS)) assert.ok(DROPS[name], `${name} has a line in migrations/drops.ts`);
  });

  it('without a terminal and without --yes it refuses, saying what it would drop, and reverts nothing', async () => {
    assert.equal((await runCli(['migrate'], env)).code, 0);
    const result = await runCli(['migrate', 'down'], env);
    assert.equal(result.code, 2);
    assert.deepEqual(lines(result.stderr).slice(1), [
      says,
      'otpgate: migrate down drops data: run it on a terminal to confirm, or add --yes',
    ]);
    assert.equal(result.stdout, '');
    assert.equal(await version(url), LATEST_SCHEMA_VERSION);
  });

  it('on a terminal it asks; any answer but yes reverts nothing', async () => {
    const result = await onTerminal(env, 'y');
    assert.equal(result.code, 1, result.stdout);
    assert.ok(result.stdout.includes(says), result.stdout);
    assert.match(result.stdout, /Type "yes" to revert it: /);
    assert.match(result.stdout, /otpgate: nothing was reverted/);
    assert.equal(await version(url), LATEST_SCHEMA_VERSION);
  });

  it('on a terminal, yes reverts the newest migration', async () => {
    const result = await onTerminal(env, 'yes');
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, new RegExp(`reverted: ${NEWEST}`));
    assert.equal(await version(url), LATEST_SCHEMA_VERSION - 1);
  });

  it('--yes reverts without asking', async () => {
    const result = await runCli(['migrate', 'down', '--yes'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lines(result.stdout)[0], `reverted: ${Object.keys(MIGRATIONS)[LATEST_SCHEMA_VERSION - 2]}`);
    assert.equal(await version(url), LATEST_SCHEMA_VERSION - 2);
  });
});
