import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { importUsers, type ImportReport } from '../../src/users/import.ts';
import { DATABASES, forEachDatabase, type TestApp } from '../helpers/app.ts';
import type { DatabaseBackend } from '../helpers/backends.ts';
import { runCli, sharedDatabase, tempDir, withoutDatabaseLine } from '../helpers/infra-cli.ts';
import { toPersianDigits, withApp } from '../helpers/otp-flow.ts';
import { signIn } from '../helpers/session-sign-in.ts';

const run = (t: TestApp, csv: string, batchRows?: number): Promise<ImportReport> =>
  importUsers(t.database.db, Readable.from([csv]), {
    allowedCountries: t.config.phone.allowedCountries,
    actor: CLI_ACTOR,
    now: t.clock.now,
    fileName: 'customers.csv',
    batchRows,
  });

const users = (t: TestApp) => t.database.db.selectFrom('users').selectAll().orderBy('phone_number').execute();

forEachDatabase('importing users from CSV', (backend) => {
  it('creates, links and matches good rows, refuses bad and duplicate ones with their line, and a second run changes nothing', async () => {
    await withApp(backend, {}, async (t) => {
      const signedUp = await signIn(t, '+989121000003');
      const taken = await signIn(t, '+989121000009');
      await t.database.db.updateTable('users').set({ external_id: 'c-taken' }).where('id', '=', taken.userId).execute();
      const csv = [
        'phone_number,external_id,locale',
        '09121000001,c-1,en', // 2: created
        `${toPersianDigits('۰۹۱۲۱۰۰۰۰۰۲')},c-2`, // 3: created, typed in Persian digits
        '+98 912 100 0003,c-3', // 4: linked to the user who signed up
        'not a number,c-4', // 5: bad number
        '09121000005,', // 6: no external_id
        '09121000001,c-6', // 7: the number again
        '09121000007,c-1', // 8: the external_id again
        '09121000008,c-8,english', // 9: bad locale
        '09121000009,c-9', // 10: the number's user has another external_id
        '09121000010,c-taken', // 11: the external_id is another number's
        '09121000011', // 12: one column
        '"09121000012","c,12"', // 13: created: a quoted external_id may hold a comma
        '',
      ].join('\n');
      const first = await run(t, csv, 2);
      assert.equal(first.rows, 12);
      assert.deepEqual(
        { created: first.created, linked: first.linked, matched: first.matched },
        { created: 3, linked: 1, matched: 0 },
      );
      assert.deepEqual(
        first.refused.map((r) => [r.row, r.reason.split(':')[0]]),
        [
          [5, 'bad phone number'],
          [6, 'bad external_id'],
          [7, 'duplicate in file'],
          [8, 'duplicate in file'],
          [9, 'bad locale'],
          [10, 'conflict'],
          [11, 'conflict'],
          [12, 'expected phone_number,external_id[,locale], found 1 column'],
        ],
      );
      assert.match(first.refused[2]!.reason, /the number is also on row 2/);
      assert.match(first.refused[3]!.reason, /the external_id is also on row 2/);
      const afterFirst = await users(t);
      assert.deepEqual(
        afterFirst.map((u) => [u.phone_number, u.external_id, u.locale, u.phone_verified]),
        [
          ['+989121000001', 'c-1', 'en', 0],
          ['+989121000002', 'c-2', null, 0],
          ['+989121000003', 'c-3', null, 1],
          ['+989121000009', 'c-taken', null, 1],
          ['+989121000012', 'c,12', null, 0],
        ],
      );
      assert.equal(afterFirst[2]!.id, signedUp.userId);

      t.clock.advance(60_000);
      const second = await run(t, csv);
      assert.deepEqual(
        { created: second.created, linked: second.linked, matched: second.matched },
        { created: 0, linked: 0, matched: 4 },
      );
      assert.deepEqual(second.refused, first.refused);
      assert.deepEqual(await users(t), afterFirst, 'the second run changed nothing');

      const audit = await t.database.db
        .selectFrom('admin_audit')
        .selectAll()
        .where('action', '=', 'user.import')
        .execute();
      assert.ok(audit.length >= 1 && audit.every((a) => a.actor_name === 'cli'));
      assert.ok(!JSON.stringify(audit).includes('1000001'), 'no number in the audit trail');
    });
  });

  it('takes a file without a header, with a BOM and Windows line ends', async () => {
    await withApp(backend, {}, async (t) => {
      const report = await run(t, '\uFEFF09121000001,a\r\n09121000002,b,fa\r\n');
      assert.deepEqual([report.rows, report.created, report.refused.length], [2, 2, 0]);
    });
  });

  it('imports 100,000 rows (timing printed, not asserted)', async (context) => {
    await withApp(backend, {}, async (t) => {
      const lines = ['phone_number,external_id'];
      for (let i = 0; i < 100_000; i++) lines.push(`0912${String(3_000_000 + i).padStart(7, '0')},shop-${i}`);
      const csv = lines.join('\n');
      const started = performance.now();
      const report = await run(t, csv);
      const seconds = (performance.now() - started) / 1000;
      assert.equal(report.created, 100_000, JSON.stringify(report.refused.slice(0, 3)));
      context.diagnostic(
        `${backend.name}: 100,000 rows in ${seconds.toFixed(2)} s, ${Math.round(100_000 / seconds)} rows/s`,
      );
      const again = performance.now();
      const rerun = await run(t, csv);
      assert.equal(rerun.matched, 100_000);
      const rerunSeconds = (performance.now() - again) / 1000;
      context.diagnostic(`${backend.name}: the same file again (all matched) in ${rerunSeconds.toFixed(2)} s`);
    });
  });
});

const cleanups: Array<() => void | Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A database the command can open: a migrated SQLite file, or a PostgreSQL schema. */
async function commandDatabase(backend: DatabaseBackend): Promise<string> {
  const { url, drop } = await sharedDatabase(backend);
  cleanups.push(drop);
  const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
  await migrateToLatest(database);
  await database.close();
  return url;
}

describe('otpgate users import', () => {
  for (const backend of DATABASES) {
    it(
      `reports created, matched and refused rows and exits 0; 1 only for a file it cannot read, on ${backend.name}`,
      {
        skip: backend.skip,
      },
      async () => {
        const url = await commandDatabase(backend);
        const dir = tempDir();
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        const file = join(dir, 'customers.csv');
        writeFileSync(file, 'phone_number,external_id\n09121000001,c-1\nnope,c-2\n09121000001,c-3\n');
        const env = { DATABASE_URL: url, PHONE_ALLOWED_COUNTRIES: 'IR' };

        const first = await runCli(['users', 'import', file], env);
        assert.equal(first.code, 0, first.stderr);
        assert.deepEqual(first.stdout.trim().split('\n').slice(0, 2), [
          'row 3: refused: bad phone number: not a mobile number of IR',
          'row 4: refused: duplicate in file: the number is also on row 2',
        ]);
        assert.match(
          first.stdout,
          /imported customers\.csv: 3 rows: 1 created, 0 linked, 0 matched, 2 refused \([\d.]+ s, \d+ rows\/s\)/,
        );
        const second = await runCli(['users', 'import', file], env);
        assert.match(second.stdout, /3 rows: 0 created, 0 linked, 1 matched, 2 refused/);

        const missing = await runCli(['users', 'import', join(dir, 'nope.csv')], env);
        assert.equal(missing.code, 1);
        assert.match(
          withoutDatabaseLine(missing.stderr).trim(),
          /^otpgate: users import: cannot read .*nope\.csv: ENOENT$/,
        );
        const directory = await runCli(['users', 'import', dir], env);
        assert.equal(directory.code, 1);
        assert.match(
          withoutDatabaseLine(directory.stderr).trim(),
          /^otpgate: users import: cannot read .*: not a file$/,
        );
        const broken = join(dir, 'broken.csv');
        writeFileSync(broken, '09121000002,c-2\n"09121000003,c-3\n');
        const unreadable = await runCli(['users', 'import', broken], env);
        assert.equal(unreadable.code, 1);
        assert.match(unreadable.stderr, /users import: .*run again after fixing the file/);
        const usage = await runCli(['users', 'export'], env);
        assert.equal(usage.code, 2);
      },
    );
  }
});
