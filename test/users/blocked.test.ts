import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import {
  countRows,
  errorBody,
  issueCode,
  requestCode,
  sleep,
  verifyCode,
  withApp,
  wrongCode,
  type Answer,
} from '../helpers/otp-flow.ts';
import { confirmChange, requestChangeCode } from '../helpers/session-phone-change.ts';
import { freshPhone, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from './helpers.ts';

/** An answer as a client sees it, without what differs per request anyway. */
const seen = ({ status, body, headers }: Answer) => {
  const { request_id: _, ...rest } = body ?? {};
  return { status, body: rest, retryAfter: headers['retry-after'] };
};

/** A resend window of a second and two codes an hour, so that a test reaches both limits quickly. */
const QUICK = { OTP_RESEND_SECONDS: '1', OTP_PHONE_HOURLY_LIMIT: '2' };

/**
 * Everything a stranger can do with a number before a correct code: a code request, one too soon, wrong
 * codes until the code burns, then requests past the hourly limit. Each from an address of its own.
 */
async function probe(t: TestApp, phone: string, ip: string) {
  const from = { ip };
  const answers = [await requestCode(t, phone, from), await requestCode(t, phone, from)];
  const code = t.sink.lastCode(phone)!;
  for (let i = 0; i < 6; i++) answers.push(await verifyCode(t, phone, wrongCode(code), from));
  for (let i = 0; i < 2; i++) {
    await sleep(1100); // the resend window keeps real time
    answers.push(await requestCode(t, phone, from));
  }
  return answers.map(seen);
}

forEachDatabase('blocked users', (backend) => {
  it('a blocked user gets USER_BLOCKED only after a correct code, which is spent, and no session', async () => {
    await withApp(backend, QUICK, async (t) => {
      const admin = await userAdmin(t);
      const user = await signIn(t);
      const blocked = await admin.act(user.userId, 'block');
      assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
      assert.equal(blocked.body.sessions_ended, 1);
      assert.ok(blocked.body.user.blocked_at);
      const sessionsBefore = await countRows(t, 'sessions');

      await sleep(1100); // the resend window keeps real time
      const code = await issueCode(t, user.phone);
      const wrong = await verifyCode(t, user.phone, wrongCode(code));
      assert.equal(wrong.body.code, 'OTP_INVALID');
      const right = await verifyCode(t, user.phone, code);
      assert.equal(right.status, 403);
      assert.deepEqual(right.body, errorBody('USER_BLOCKED'));
      assert.equal(await countRows(t, 'sessions'), sessionsBefore, 'no session was written');
      const again = await verifyCode(t, user.phone, code);
      assert.equal(again.body.code, 'OTP_EXPIRED', 'the code was spent');
      const row = await t.database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      assert.equal(row.blocked_at, Date.parse(blocked.body.user.blocked_at));
      assert.equal(row.last_login_at, Date.parse(blocked.body.user.last_login_at), 'no sign-in was recorded');
    });
  });

  it('before a correct code, a blocked number answers exactly as any other number does', async () => {
    await withApp(backend, QUICK, async (t) => {
      const admin = await userAdmin(t);
      const blockedUser = await signIn(t);
      const otherUser = await signIn(t);
      await admin.act(blockedUser.userId, 'block');
      await sleep(1100);
      const [blocked, other] = await Promise.all([
        probe(t, blockedUser.phone, '198.51.100.1'),
        probe(t, otherUser.phone, '198.51.100.2'),
      ]);
      assert.deepEqual(blocked, other);
      // The probe reached the limits it meant to: one too soon, a burnt code, the hourly limit.
      assert.ok(other.some((a) => a.body.code === 'OTP_ATTEMPTS_EXCEEDED'));
      assert.ok(other.some((a) => a.body.code === 'RATE_LIMITED'));
    });
  });

  it('blocking ends access and refresh tokens at once; a refresh racing the block is refused too', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const user = await signIn(t);
      assert.equal(await meStatus(t, user.accessToken), 200);
      await admin.act(user.userId, 'block');
      assert.equal(await meStatus(t, user.accessToken), 401);
      assert.equal((await refresh(t, user.refreshToken)).status, 401);

      // A session the block's UPDATE did not see (a refresh's new token committing just after it).
      const racing = await signIn(t);
      await t.database.db
        .updateTable('users')
        .set({ blocked_at: t.clock.now() })
        .where('id', '=', racing.userId)
        .execute();
      assert.equal((await refresh(t, racing.refreshToken)).status, 401);
    });
  });

  it('unblocking lets the user sign in again; the sessions the block ended stay ended', async () => {
    await withApp(backend, QUICK, async (t) => {
      const admin = await userAdmin(t);
      const user = await signIn(t);
      await admin.act(user.userId, 'block');
      const unblocked = await admin.act(user.userId, 'unblock');
      assert.equal(unblocked.status, 200);
      assert.equal(unblocked.body.user.blocked_at, null);
      assert.equal((await refresh(t, user.refreshToken)).status, 401);
      await sleep(1100); // the resend window keeps real time
      const back = await signIn(t, user.phone);
      assert.equal(back.userId, user.userId);
      assert.equal(await meStatus(t, back.accessToken), 200);
    });
  });

  it('a blocked user cannot change their number, even with a session the block did not reach', async () => {
    await withApp(backend, {}, async (t) => {
      const user = await signIn(t);
      const target = freshPhone();
      const { code } = await requestChangeCode(t, user.accessToken, target);
      assert.ok(code);
      await t.database.db
        .updateTable('users')
        .set({ blocked_at: t.clock.now() })
        .where('id', '=', user.userId)
        .execute();
      const confirmed = await confirmChange(t, user.accessToken, target, code);
      assert.equal(confirmed.status, 403);
      assert.equal(confirmed.body.code, 'USER_BLOCKED');
      const asked = await requestChangeCode(t, user.accessToken, freshPhone());
      assert.equal(asked.answer.body.code, 'USER_BLOCKED');
      const row = await t.database.db
        .selectFrom('users')
        .select('phone_number')
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      assert.equal(row.phone_number, user.phone);
    });
  });

  it('signing a user out everywhere ends every session and its access tokens at once', async () => {
    await withApp(backend, { OTP_RESEND_SECONDS: '1' }, async (t) => {
      const admin = await userAdmin(t);
      const phone = freshPhone();
      const first = await signIn(t, phone);
      await sleep(1100); // the resend window keeps real time
      const second = await signIn(t, phone);
      const bystander = await signIn(t);
      const out = await admin.act(first.userId, 'sign-out');
      assert.equal(out.status, 200);
      assert.deepEqual(out.body, { success: true, sessions_ended: 2 });
      for (const session of [first, second]) {
        assert.equal(await meStatus(t, session.accessToken), 401);
        assert.equal((await refresh(t, session.refreshToken)).status, 401);
      }
      assert.equal(await meStatus(t, bystander.accessToken), 200);
      await sleep(1100); // the resend window keeps real time
      assert.equal(await meStatus(t, (await signIn(t, phone)).accessToken), 200, 'not blocked: signs in again');
    });
  });
});
