import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DATABASES, startTestApp } from '../helpers/app.ts';
import {
  assertRefusedBeforeDatabase,
  DATABASE_LINE,
  runCli,
  sharedDatabase,
  withoutDatabaseLine,
} from '../helpers/infra-cli.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';

const ME = '/api/v1/staff/me';
const LIST_HEADER = /^user id {2,}phone {2,}role {2,}added {2,}added by$/;
const MINUTE = /^\d{4}-\d\d-\d\d \d\d:\d\dZ$/;
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const lines = (text: string) => text.split('\n').filter(Boolean);

function oneLine(stderr: string): string {
  const all = lines(stderr);
  assert.equal(all.length, 1, `one line on stderr, got:\n${stderr}`);
  return all[0]!;
}

/** `+98912...` as a person types it on a Persian keyboard: `۰۹۱۲...`. */
const typedInPersian = (e164: string) => `۰${e164.slice(3)}`.replace(/\d/g, (d) => PERSIAN[Number(d)]!);

describe('otpgate admins', { concurrency: 2 }, () => {
  for (const backend of DATABASES) {
    const title = `add, list and remove staff; the console sees each change at once, on ${backend.name}`;
    if (backend.skip) {
      it(title, { skip: backend.skip }, () => {});
      continue;
    }
    it(title, async () => {
      const { url, drop } = await sharedDatabase(backend);
      cleanups.push(drop);
      // The app creates the schema; the command works on an existing database only.
      const t = await startTestApp(backend, { env: { DATABASE_URL: url } });
      cleanups.push(() => t.close());
      const admins = async (...args: string[]) => {
        const result = await runCli(['admins', ...args], { DATABASE_URL: url });
        assert.match(result.stderr, DATABASE_LINE);
        assert.equal(withoutDatabaseLine(result.stderr), '', `otpgate admins ${args.join(' ')}`);
        assert.equal(result.code, 0);
        return lines(result.stdout);
      };

      assert.deepEqual(await admins('list'), ['no staff (add one with: otpgate admins add --phone N)']);

      const phone = freshPhone();
      const [added, ...more] = await admins('add', '--phone', typedInPersian(phone));
      assert.deepEqual(more, []);
      const [, userId] =
        new RegExp(`^added \\${phone} \\(user (\\S+)\\) as admin; the number had no user: one was created$`).exec(
          added!,
        ) ?? assert.fail(added);

      // The user the command made is the one who signs in with a code, and the console lets them in.
      const member = await signIn(t, phone);
      assert.equal(member.userId, userId);
      const auth = bearer(member.accessToken);
      const me = await t.get(ME, auth);
      assert.equal(me.status, 200);
      assert.equal(me.body.staff.role, 'admin');

      const listed = await admins('list');
      assert.match(listed[0]!, LIST_HEADER);
      assert.equal(listed.length, 2);
      const row = listed[1]!.split(/ {2,}/);
      assert.deepEqual([row[0], row[1], row[2], row[4]], [userId, phone, 'admin', 'cli']);
      assert.match(row[3]!, MINUTE);

      assert.deepEqual(await admins('add', '--phone', phone, '--role', 'support'), [
        `changed ${phone} (user ${userId}) from admin to support`,
      ]);
      assert.equal((await t.get(ME, auth)).body.staff.role, 'support');
      assert.deepEqual(await admins('add', '--phone', phone, '--role', 'support'), [
        `${phone} (user ${userId}) is already support`,
      ]);

      assert.deepEqual(await admins('remove', '--phone', phone), [
        `removed ${phone} (user ${userId}) from staff; they were support`,
      ]);
      assertError(await t.get(ME, auth), 'STAFF_ONLY');
      assert.deepEqual(await admins('list'), ['no staff (add one with: otpgate admins add --phone N)']);

      // A number that already has a user: that user becomes staff, none is created.
      const existing = await signIn(t);
      assert.deepEqual(await admins('add', '--phone', existing.phone, '--role', 'support'), [
        `added ${existing.phone} (user ${existing.userId}) as support`,
      ]);
      assert.deepEqual((await t.get(ME, bearer(existing.accessToken))).body.staff.user_id, existing.userId);
    });
  }

  it('a wrong number, an unknown role or a missing --phone exits 2 with one line, before opening the database', async () => {
    await assertRefusedBeforeDatabase('admins', [
      [['add'], 'otpgate: admins: admins add needs --phone'],
      [['remove'], 'otpgate: admins: admins remove needs --phone'],
      [
        ['add', '--phone', '123'],
        'otpgate: admins: --phone: "123" is not a mobile number of IR (PHONE_ALLOWED_COUNTRIES)',
      ],
      [
        ['add', '--phone', '09121234567', '--role', 'owner'],
        'otpgate: admins: --role: "owner" is not a role (choose from admin, support)',
      ],
      [['list', '--role', 'admin'], 'otpgate: admins: admins list takes no options'],
      [['promote'], 'otpgate: admins: unknown action "promote" (see otpgate admins --help)'],
    ]);
  });

  it('removing a number that is not staff exits 1 with one line', async () => {
    const { url, drop } = await sharedDatabase(DATABASES[0]!);
    cleanups.push(drop);
    const t = await startTestApp(DATABASES[0]!, { env: { DATABASE_URL: url } });
    await t.close();
    const result = await runCli(['admins', 'remove', '--phone', '09121234567'], { DATABASE_URL: url });
    assert.equal(result.code, 1);
    assert.equal(oneLine(withoutDatabaseLine(result.stderr)), 'otpgate: admins: +989121234567 is not staff');
    assert.equal(result.stdout, '');
  });
});
