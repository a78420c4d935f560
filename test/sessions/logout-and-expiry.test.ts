import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, logout, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

const ACCESS_TTL_SECONDS = 900;
const REFRESH_TTL_SECONDS = 3600;

forEachDatabase('logout and token expiry', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      env: {
        OTP_RESEND_SECONDS: '1',
        ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
        REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS),
      },
    });
  });
  after(() => t?.close());

  it('logout answers 200 and ends the session: its refresh token and its access token answer 401', async () => {
    const user = await signIn(t);
    assert.equal(await meStatus(t, user.accessToken), 200);

    const out = await logout(t, user.refreshToken);
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, { success: true, message: 'Signed out' });

    assertError(await refresh(t, user.refreshToken), 'UNAUTHORIZED');
    assertError(await t.get('/api/v1/auth/me', bearer(user.accessToken)), 'UNAUTHORIZED');
  });

  it('logout with the newest token of a refreshed session ends the tokens issued before it too', async () => {
    const user = await signIn(t);
    const renewed = await refresh(t, user.refreshToken);
    assert.equal((await logout(t, renewed.body.refresh_token)).status, 200);
    assert.equal(await meStatus(t, renewed.body.access_token), 401);
    assert.equal(await meStatus(t, user.accessToken), 401);
  });

  it('logout with a refresh token that was never issued answers 401', async () => {
    assertError(await logout(t, 'never-issued-refresh-token'), 'UNAUTHORIZED');
  });

  it('each sign-in of the same number gets tokens of its own, and ending one leaves the other', async () => {
    const phone = freshPhone();
    const first = await signIn(t, phone);
    await sleep(1100); // the resend window keeps real time
    const second = await signIn(t, phone);
    assert.equal(second.userId, first.userId);
    assert.notEqual(second.accessToken, first.accessToken);
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.notEqual(second.sessionId, first.sessionId);

    assert.equal((await logout(t, first.refreshToken)).status, 200);
    assert.equal(await meStatus(t, first.accessToken), 401);
    assert.equal(await meStatus(t, second.accessToken), 200);
  });

  // The expiry tests move the shared clock, so they run last and in this order.
  it('an access token is accepted until ACCESS_TOKEN_TTL_SECONDS and refused after', async () => {
    const user = await signIn(t);
    t.clock.advance((ACCESS_TTL_SECONDS - 5) * 1000);
    assert.equal(await meStatus(t, user.accessToken), 200);
    t.clock.advance(6_000);
    assertError(await t.get('/api/v1/auth/me', bearer(user.accessToken)), 'UNAUTHORIZED');
    // Only the access token expired: the session goes on with a refresh.
    const renewed = await refresh(t, user.refreshToken);
    assert.equal(renewed.status, 200);
    assert.equal(await meStatus(t, renewed.body.access_token), 200);
  });

  it('a refresh token works until REFRESH_TOKEN_TTL_SECONDS and answers 401 after', async () => {
    const early = await signIn(t);
    const late = await signIn(t);
    t.clock.advance((REFRESH_TTL_SECONDS - 10) * 1000);
    const renewed = await refresh(t, early.refreshToken);
    assert.equal(renewed.status, 200);

    t.clock.advance(20_000);
    assertError(await refresh(t, late.refreshToken), 'UNAUTHORIZED');
    // The token issued at the refresh has a lifetime of its own.
    assert.equal((await refresh(t, renewed.body.refresh_token)).status, 200);
  });
});
