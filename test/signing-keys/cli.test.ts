import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import { runCli, tempDir, withoutDatabaseLine } from '../helpers/infra-cli.ts';
import { meStatus, signIn } from '../helpers/session-sign-in.ts';

const SECRET = 'the-secret-every-instance-and-the-cli-share';
const SECOND = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/;
const HEADER = /^kid {2,}generation {2,}state {2,}created {2,}signs from {2,}published until$/;

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function migratedDatabase(backend: DatabaseBackend): Promise<string> {
  if (backend.name === 'postgres') {
    const { url, drop } = await backend.create();
    cleanups.push(drop);
    const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    await migrateToLatest(database);
    await database.close();
    return url;
  }
  const dir = tempDir();
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'otpgate.db')}`;
  const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  await migrateToLatest(database);
  await database.close();
  return url;
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const rows = (stdout: string) => lines(stdout).map((line) => line.split(/ {2,}/));

describe('otpgate signing-keys', { concurrency: 2 }, () => {
  for (const backend of DATABASES) {
    const title = `list shows the keys and rotate adds one that the service signs with when due, on ${backend.name}`;
    if (backend.skip) {
      it(title, { skip: backend.skip }, () => {});
      continue;
    }
    it(title, async () => {
      const url = await migratedDatabase(backend);
      const env = { DATABASE_URL: url, AUTH_SECRET: SECRET };
      const cli = async (...args: string[]) => {
        const result = await runCli(['signing-keys', ...args], env);
        assert.equal(withoutDatabaseLine(result.stderr), '', `otpgate signing-keys ${args.join(' ')}`);
        assert.equal(result.code, 0);
        return result.stdout;
      };
      assert.equal(await cli('list'), 'no signing keys yet: the first start of the service creates one\n');

      const t: TestApp = await startTestApp(backend, { env });
      cleanups.push(() => t.close());
      const first = decodeProtectedHeader((await signIn(t)).accessToken).kid!;
      const listed = rows(await cli('list'));
      assert.match(lines(await cli('list'))[0]!, HEADER);
      assert.deepEqual(listed[1]!.slice(0, 3), [first, '1', 'signing']);
      assert.match(listed[1]![3]!, SECOND);
      assert.equal(listed[1]![5], '-', 'published for as long as it signs');

      const rotated = lines(await cli('rotate'));
      const [, next] =
        /^added signing key (\S{43}) \(generation 2\); it signs from \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/.exec(
          rotated[0]!,
        ) ?? assert.fail(rotated[0]);
      assert.deepEqual(
        rows(rotated.slice(1).join('\n'))
          .slice(1)
          .map((row) => row.slice(0, 3)),
        [
          [first, '1', 'signing'],
          [next!, '2', 'next'],
        ],
      );
      await t.app.signingKeys.refresh();
      assert.deepEqual(
        (await t.get('/.well-known/jwks.json')).body.keys.map((key: { kid: string }) => key.kid),
        [first, next],
      );

      const urgent = rows(await cli('rotate', '--now'));
      const kid = urgent[0]!.join(' ').split(' ')[3]!;
      assert.deepEqual(
        urgent.slice(2).map((row) => row.slice(0, 3)),
        [
          [first, '1', 'retired'],
          [next!, '2', 'retired'],
          [kid, '3', 'signing'],
        ],
      );
      await t.app.signingKeys.refresh();
      const user = await signIn(t);
      assert.equal(decodeProtectedHeader(user.accessToken).kid, kid);
      assert.equal(await meStatus(t, user.accessToken), 200);
    });
  }

  it('rotate needs AUTH_SECRET in production; list does not', async () => {
    const url = await migratedDatabase(DATABASES[0]!);
    const production = { DATABASE_URL: url, NODE_ENV: 'production' };
    const rotate = await runCli(['signing-keys', 'rotate'], production);
    assert.equal(rotate.code, 1);
    assert.match(
      withoutDatabaseLine(rotate.stderr).trim(),
      /^otpgate: Invalid configuration: AUTH_SECRET: expected at least 32 characters \(required in production\)/,
    );
    const list = await runCli(['signing-keys', 'list'], production);
    assert.equal(list.code, 0, list.stderr);
  });

  it('a mistake on the command line exits 2 with one line, before opening the database', async () => {
    const dir = tempDir();
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'never.db')}` };
    const cases: Array<[string[], string]> = [
      [[], 'otpgate: signing-keys: an action is needed (see otpgate signing-keys --help)'],
      [['turn'], 'otpgate: signing-keys: unknown action "turn" (see otpgate signing-keys --help)'],
      [['list', '--now'], 'otpgate: signing-keys: signing-keys list takes no options'],
      [['rotate', 'now'], 'otpgate: signing-keys: unexpected argument "now" (see otpgate signing-keys --help)'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['signing-keys', ...args], env);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr, `${message}\n`);
    }
    const help = await runCli(['signing-keys', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: otpgate signing-keys list \| signing-keys rotate \[--now\]/);
  });
});
