import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import {
  assertRefusedBeforeDatabase,
  DATABASE_LINE,
  runCli,
  tempDir,
  withoutDatabaseLine,
} from '../helpers/infra-cli.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const WHOAMI = '/api/v1/admin/keys/whoami';
const KEY = /^otpg_[A-Za-z0-9_-]{43}$/;
const LIST_HEADER = /^id {2,}name {2,}prefix {2,}scopes {2,}created {2,}last used {2,}revoked$/;
const MINUTE = /^\d{4}-\d\d-\d\d \d\d:\d\dZ$/;

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A database both the command and a test app can open: a SQLite file, or a PostgreSQL schema. */
async function sharedDatabase(backend: DatabaseBackend): Promise<string> {
  if (backend.name === 'postgres') {
    const { url, drop } = await backend.create();
    cleanups.push(drop);
    return url;
  }
  const dir = tempDir();
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  // `keys` works only on a database that exists (it would otherwise create an empty one nothing reads).
  const url = `sqlite:${join(dir, 'otpgate.db')}`;
  const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  await migrateToLatest(database);
  await database.close();
  return url;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

/** `keys list` as rows of cells (columns are separated by two or more spaces; names here have none). */
const listRows = (stdout: string) =>
  lines(stdout)
    .slice(1)
    .map((line) => line.split(/ {2,}/));

function oneLine(stderr: string): string {
  const all = lines(stderr);
  assert.equal(all.length, 1, `one line on stderr, got:\n${stderr}`);
  return all[0]!;
}

describe('otpgate keys', { concurrency: 2 }, () => {
  for (const backend of DATABASES) {
    const title = `create prints the key alone on the last line; it works until keys revoke, on ${backend.name}`;
    if (backend.skip) {
      it(title, { skip: backend.skip }, () => {});
      continue;
    }
    it(title, async () => {
      const url = await sharedDatabase(backend);
      // PostgreSQL does not migrate on start by default; the command then asks for `otpgate migrate`.
      const env = { DATABASE_URL: url, MIGRATE_ON_START: 'true' };
      const keys = async (...args: string[]) => {
        const result = await runCli(['keys', ...args], env);
        assert.match(result.stderr, DATABASE_LINE);
        assert.equal(withoutDatabaseLine(result.stderr), '', `otpgate keys ${args.join(' ')}`);
        assert.equal(result.code, 0);
        return result.stdout;
      };

      const created = lines(await keys('create', '--name', 'shop-backend', '--scopes', 'sms:read, sms:send,sms:read'));
      assert.equal(created.length, 3, created.join('\n'));
      const secret = created.at(-1)!;
      assert.match(secret, KEY);
      const [, id, prefix] =
        /^created API key "shop-backend" \(id ([0-9a-f-]{36}), prefix (otpg_\S{8})\) with scopes sms:send, sms:read$/.exec(
          created[0]!,
        ) ?? assert.fail(`first line: ${created[0]}`);
      assert.equal(prefix, secret.slice(0, 13));
      assert.equal(
        created.slice(0, -1).some((line) => line.includes(secret)),
        false,
        'the key appears only once',
      );

      const before = await keys('list');
      assert.match(lines(before)[0]!, LIST_HEADER);
      assert.equal(listRows(before).length, 1);
      const [row] = listRows(before);
      assert.deepEqual(row!.slice(0, 4), [id, 'shop-backend', prefix, 'sms:send,sms:read']);
      assert.match(row![4]!, MINUTE);
      assert.deepEqual(row!.slice(5), ['-', '-']);
      assert.equal(before.includes(secret), false);

      let t: TestApp | undefined = await startTestApp(backend, { env: { DATABASE_URL: url } });
      cleanups.push(async () => t?.close());
      try {
        // Only the hash is stored: no column holds the key.
        const stored = await t.database.db.selectFrom('api_keys').selectAll().execute();
        assert.equal(stored.length, 1);
        assert.equal(stored[0]!.key_hash, createHash('sha256').update(secret).digest('hex'));
        assert.equal(JSON.stringify(stored).includes(secret), false);

        const whoami = await t.get(WHOAMI, bearer(secret));
        assert.equal(whoami.status, 200);
        assert.deepEqual(whoami.body, {
          success: true,
          key: { id, name: 'shop-backend', prefix, scopes: ['sms:send', 'sms:read'] },
        });

        const used = listRows(await keys('list'))[0]!;
        assert.match(used[5]!, MINUTE, 'last used is shown after a request');
        assert.equal(used[6], '-');

        assert.deepEqual(lines(await keys('revoke', prefix)), [
          `revoked API key "shop-backend" (id ${id}, prefix ${prefix}); cancelled 0 queued message(s)`,
        ]);
        assertError(await t.get(WHOAMI, bearer(secret)), 'UNAUTHORIZED');
        assert.match(listRows(await keys('list'))[0]![6]!, MINUTE, 'revoked is shown');
      } finally {
        await t.close();
        t = undefined;
      }
    });
  }

  it('a missing name or an unknown scope exits 2 with one line, before opening the database', async () => {
    await assertRefusedBeforeDatabase('keys', [
      [['create', '--scopes', 'sms:send'], 'otpgate: keys: --name is required'],
      [
        ['create', '--name', 'x', '--scopes', 'sms:send,sms:sned'],
        'otpgate: keys: --scopes: unknown scope "sms:sned" (choose from sms:send, sms:read, templates:read, templates:write, providers:read, keys:read, keys:write, audit:read, tokens:introspect, users:read, users:write, events:read, events:write, alerts:read, alerts:write, clients:read, clients:write)',
      ],
    ]);
  });

  it('revoking a key nobody created exits 1 with one line', async () => {
    const url = await sharedDatabase(DATABASES[0]!);
    const result = await runCli(['keys', 'revoke', 'otpg_nothere0'], { DATABASE_URL: url });
    assert.equal(result.code, 1);
    assert.equal(
      oneLine(withoutDatabaseLine(result.stderr)),
      'otpgate: keys: no API key has the id or prefix "otpg_nothere0"',
    );
    assert.equal(result.stdout, '');
  });
});
