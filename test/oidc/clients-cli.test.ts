import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { hashClientSecret } from '../../src/oidc/client-secret.ts';
import { DATABASES, forEachDatabase } from '../helpers/app.ts';
import {
  assertRefusedBeforeDatabase,
  DATABASE_LINE,
  runCli,
  sharedDatabase,
  withoutDatabaseLine,
} from '../helpers/infra-cli.ts';

const SECRET = /^otpgcs_[A-Za-z0-9_-]{43}$/;
const lines = (text: string) => text.split('\n').filter(Boolean);

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

forEachDatabase('otpgate clients', (backend) => {
  it('create prints the secret alone on the last line; list never shows it; disable and rotate-secret', async () => {
    const { url, drop } = await sharedDatabase(backend);
    cleanups.push(drop);
    const migrating = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    await migrateToLatest(migrating);
    await migrating.close();
    const env = { DATABASE_URL: url };
    const clients = async (...args: string[]) => {
      const result = await runCli(['clients', ...args], env);
      assert.match(result.stderr, DATABASE_LINE);
      assert.equal(withoutDatabaseLine(result.stderr), '', `otpgate clients ${args.join(' ')}`);
      assert.equal(result.code, 0);
      return lines(result.stdout);
    };

    const created = await clients(
      'create',
      '--name',
      'Shop web',
      '--redirect-uri',
      'https://shop.example.com/callback',
      '--redirect-uri',
      'http://localhost:5173/callback',
      '--post-logout-redirect-uri',
      'https://shop.example.com/',
      '--first-party',
    );
    assert.equal(created.length, 3, created.join('\n'));
    const [, id] =
      /^created OpenID Connect client "Shop web" \(confidential, first party\) with client_id ([0-9a-f]{32})$/.exec(
        created[0]!,
      ) ?? assert.fail(created[0]);
    const secret = created.at(-1)!;
    assert.match(secret, SECRET);

    const app = await clients('create', '--name', 'Shop app', '--public', '--redirect-uri', 'http://127.0.0.1:8080/cb');
    assert.equal(app.length, 1, 'a public client has no secret to print');
    assert.match(app[0]!, /^created OpenID Connect client "Shop app" \(public\) with client_id [0-9a-f]{32}$/);

    const listed = await clients('list');
    assert.match(
      listed[0]!,
      /^client_id {2,}name {2,}type {2,}first party {2,}redirect URIs {2,}created {2,}disabled$/,
    );
    assert.equal(listed.length, 3);
    assert.ok(listed[1]!.startsWith(`${id}  Shop web  confidential  yes`), listed[1]);
    assert.ok(listed[1]!.includes('https://shop.example.com/callback http://localhost:5173/callback'), listed[1]);
    assert.equal(listed.join('\n').includes(secret), false);
    assert.equal(listed.join('\n').includes(hashClientSecret(secret)), false);

    const rotated = await clients('rotate-secret', id!);
    assert.notEqual(rotated.at(-1), secret);
    assert.match(rotated.at(-1)!, SECRET);

    assert.deepEqual(await clients('disable', id!), [`disabled OpenID Connect client "Shop web" (client_id ${id})`]);
    const again = await clients('disable', id!);
    assert.match(again[0]!, /was already disabled at \d{4}-\d\d-\d\d \d\d:\d\dZ$/);
    assert.match(lines((await runCli(['clients', 'list'], env)).stdout)[1]!, /\d\d:\d\dZ$/, 'disabled is shown');
  });
});

it('a redirect URI that is not allowed, or no name, exits 2 with one line, before opening the database', async () => {
  await assertRefusedBeforeDatabase('clients', [
    [['create', '--redirect-uri', 'https://a.example/cb'], 'otpgate: clients: --name is required'],
    [['create', '--name', 'x'], 'otpgate: clients: at least one redirect URI is required'],
    [
      ['create', '--name', 'x', '--redirect-uri', 'http://shop.example.com/cb'],
      'otpgate: clients: redirect_uris: "http://shop.example.com/cb" must be https (plain http only on localhost or 127.0.0.1)',
    ],
    [
      [
        'create',
        '--name',
        'x',
        '--redirect-uri',
        'https://a.example/cb',
        '--post-logout-redirect-uri',
        'https://a.example/#x',
      ],
      'otpgate: clients: post_logout_redirect_uris: "https://a.example/#x" may not have a fragment (#)',
    ],
    [['disable'], 'otpgate: clients: clients disable takes one client_id'],
  ]);
});

it('an unknown client_id exits 1 with one line', async () => {
  const { url, drop } = await sharedDatabase(DATABASES[0]!);
  cleanups.push(drop);
  const migrating = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  await migrateToLatest(migrating);
  await migrating.close();
  for (const action of ['disable', 'rotate-secret']) {
    const result = await runCli(['clients', action, 'no-such-client'], { DATABASE_URL: url });
    assert.equal(result.code, 1);
    assert.deepEqual(lines(withoutDatabaseLine(result.stderr)), [
      'otpgate: clients: no OpenID Connect client has the client_id "no-such-client"',
    ]);
  }
});
