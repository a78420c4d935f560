import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, meStatus, refresh, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

/** Signs `phone` in from a device: a new session of the same user each time. */
async function signInFrom(t: TestApp, phone: string, userAgent: string): Promise<SignedInUser> {
  const headers = { 'user-agent': userAgent };
  assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone }, headers)).status, 200);
  const verified = await t.post(
    '/api/v1/otp/phone/login/verify',
    { phone_number: phone, code: t.sink.lastCode(phone) },
    headers,
  );
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  return {
    phone,
    userId: verified.body.user.id,
    sessionId: decodeJwt(verified.body.access_token).sid as string,
    accessToken: verified.body.access_token,
    refreshToken: verified.body.refresh_token,
  };
}

/** Two sessions of one user, on a laptop and a phone (the resend window keeps real time). */
async function twoDevices(t: TestApp) {
  const phone = freshPhone();
  const laptop = await signInFrom(t, phone, CHROME_WINDOWS);
  await sleep(1100);
  const mobile = await signInFrom(t, phone, SAFARI_IPHONE);
  return { laptop, mobile };
}

const list = (t: TestApp, user: SignedInUser) => t.get('/api/v1/auth/sessions', bearer(user.accessToken));
const end = (t: TestApp, user: SignedInUser, id: string) =>
  t.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${id}`, headers: bearer(user.accessToken) });
const logoutAll = (t: TestApp, user: SignedInUser, body: object = {}) =>
  t.post('/api/v1/auth/logout-all', body, bearer(user.accessToken));

forEachDatabase("a user's own sessions", (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1', OTP_PHONE_HOURLY_LIMIT: '50' } });
  });
  after(() => t?.close());

  it('lists each open session with its device, address, sign-in and last use, the caller marked current', async () => {
    const { laptop, mobile } = await twoDevices(t);
    const before = t.clock.now();
    t.clock.advance(60_000);
    const renewed = await t.post(
      '/api/v1/auth/refresh',
      { refresh_token: mobile.refreshToken },
      { 'user-agent': SAFARI_IPHONE, 'x-forwarded-for': '203.0.113.9' },
    );
    assert.equal(renewed.status, 200);
    const answer = await list(t, laptop);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [first, second, ...rest] = answer.body.sessions;
    assert.deepEqual(rest, []);
    const at = (iso: string) => Date.parse(iso);
    // The phone's session: used last (its refresh), so listed first.
    assert.equal(first.id, mobile.sessionId);
    assert.deepEqual(first.device, { browser: 'Safari', os: 'iOS' });
    assert.equal(first.ip, '127.0.0.1');
    assert.equal(first.current, false);
    assert.ok(at(first.created_at) <= before, 'created_at is the sign-in, not the refresh');
    assert.equal(first.method, 'sms');
    assert.ok(at(first.last_used_at) >= before + 60_000, 'last_used_at is the refresh');
    assert.equal(second.id, laptop.sessionId);
    assert.deepEqual(second.device, { browser: 'Chrome', os: 'Windows' });
    assert.equal(second.current, true);
    const unused = at(second.last_used_at) - at(second.created_at);
    assert.ok(unused >= 0 && unused < 1000, 'never refreshed: last used at its sign-in');
    assert.ok(at(second.created_at) < at(first.created_at), 'the laptop signed in first');

    const fromMobile = await t.get('/api/v1/auth/sessions', bearer(renewed.body.access_token));
    assert.deepEqual(
      fromMobile.body.sessions.map((s: { id: string; current: boolean }) => [s.id, s.current]),
      [
        [mobile.sessionId, true],
        [laptop.sessionId, false],
      ],
    );
  });

  it('a session without a user agent lists no device names; an ended one is not listed', async () => {
    const user = await signIn(t);
    const answer = await list(t, user);
    assert.deepEqual(answer.body.sessions[0].device, { browser: null, os: null });
    assert.equal((await t.post('/api/v1/auth/logout', { refresh_token: user.refreshToken })).status, 200);
    assertError(await list(t, user), 'UNAUTHORIZED');
  });

  it('ending one session stops its access and refresh tokens at once and leaves the others', async () => {
    const { laptop, mobile } = await twoDevices(t);
    const ended = await end(t, laptop, mobile.sessionId);
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(await meStatus(t, mobile.accessToken), 401);
    assertError(await refresh(t, mobile.refreshToken), 'UNAUTHORIZED');
    assert.equal(await meStatus(t, laptop.accessToken), 200);
    assert.deepEqual(
      (await list(t, laptop)).body.sessions.map((s: { id: string }) => s.id),
      [laptop.sessionId],
    );
    const again = await end(t, laptop, mobile.sessionId);
    assertError({ status: again.statusCode, ...json(again) }, 'NOT_FOUND');
  });

  it("another user's session id answers 404 like one that does not exist, and that session goes on", async () => {
    const mine = await signIn(t);
    const theirs = await signIn(t);
    for (const id of [theirs.sessionId, '0190f3a2-0000-7000-8000-000000000000', 'not-an-id']) {
      const answer = await end(t, mine, id);
      assertError({ status: answer.statusCode, ...json(answer) }, 'NOT_FOUND');
      assert.equal(json(answer).body.message, 'No open session with this id');
    }
    assert.equal(await meStatus(t, theirs.accessToken), 200);
    assert.equal((await refresh(t, theirs.refreshToken)).status, 200);
  });

  it('ending your own current session by id signs you out', async () => {
    const user = await signIn(t);
    assert.equal((await end(t, user, user.sessionId)).statusCode, 200);
    assert.equal(await meStatus(t, user.accessToken), 401);
  });

  it("logout-all ends every other session and keeps the caller's; include_current ends that one too", async () => {
    const { laptop, mobile } = await twoDevices(t);
    const other = await signIn(t);
    const kept = await logoutAll(t, laptop);
    assert.deepEqual(kept.body, { success: true, message: 'Other sessions ended' });
    assert.equal(await meStatus(t, mobile.accessToken), 401);
    assertError(await refresh(t, mobile.refreshToken), 'UNAUTHORIZED');
    assert.equal(await meStatus(t, laptop.accessToken), 200);
    assert.equal(await meStatus(t, other.accessToken), 200, "another user's session is untouched");

    const all = await logoutAll(t, laptop, { include_current: true });
    assert.deepEqual(all.body, { success: true, message: 'Signed out everywhere' });
    assert.equal(await meStatus(t, laptop.accessToken), 401);
    assertError(await refresh(t, laptop.refreshToken), 'UNAUTHORIZED');
    assert.equal(await meStatus(t, other.accessToken), 200);
  });

  it('logout-all racing a refresh of another session leaves no token of that session alive', async () => {
    const phone = freshPhone();
    const laptop = await signInFrom(t, phone, CHROME_WINDOWS);
    // The race is won or lost by timing, so it is run a few times; each round is a fresh session of the phone.
    for (let round = 0; round < 5; round++) {
      await sleep(1100); // the resend window keeps real time
      const mobile = await signInFrom(t, phone, SAFARI_IPHONE);
      let token = mobile.refreshToken;
      // Refresh the phone's session until the race ends it, while the laptop signs everything else out.
      const refreshes = (async () => {
        const issued: string[] = [mobile.accessToken];
        for (let i = 0; i < 20; i++) {
          const renewed = await refresh(t, token);
          if (renewed.status !== 200) break;
          token = renewed.body.refresh_token;
          issued.push(renewed.body.access_token);
        }
        return issued;
      })();
      await sleep(round);
      const [issued, out] = await Promise.all([refreshes, logoutAll(t, laptop)]);
      assert.equal(out.status, 200);
      for (const access of issued) assert.equal(await meStatus(t, access), 401, `round ${round}`);
      assertError(await refresh(t, token), 'UNAUTHORIZED');
    }
    assert.equal(await meStatus(t, laptop.accessToken), 200);
  });

  it('logout-all racing many parallel refreshes of other sessions, on every pair: none survives', async () => {
    const phone = freshPhone();
    const caller = await signInFrom(t, phone, CHROME_WINDOWS);
    const others: SignedInUser[] = [];
    for (let i = 0; i < 3; i++) {
      await sleep(1100);
      others.push(await signInFrom(t, phone, SAFARI_IPHONE));
    }
    const [out, ...renewed] = await Promise.all([
      logoutAll(t, caller),
      ...others.map((other) => refresh(t, other.refreshToken)),
    ]);
    assert.equal(out!.status, 200);
    for (const answer of renewed) {
      if (answer.status !== 200) continue;
      assert.equal(await meStatus(t, answer.body.access_token), 401);
      assertError(await refresh(t, answer.body.refresh_token), 'UNAUTHORIZED');
    }
    assert.deepEqual(
      (await list(t, caller)).body.sessions.map((s: { id: string }) => s.id),
      [caller.sessionId],
    );
  });
});

function json(answer: { body: string; headers: Record<string, unknown> }) {
  return { body: JSON.parse(answer.body), headers: answer.headers };
}
