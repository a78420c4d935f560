import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { signJws, storedPrivateKey, validClaims } from '../helpers/signing-keys.ts';
import { confirmChange, phoneOf, requestChangeCode } from '../helpers/session-phone-change.ts';
import { freshPhone, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

const MAX_AUTH_AGE_SECONDS = 600;

forEachDatabase('phone change needs a recent sign-in', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      env: { OTP_RESEND_SECONDS: '1', PHONE_CHANGE_MAX_AUTH_AGE_SECONDS: String(MAX_AUTH_AGE_SECONDS) },
    });
  });
  after(() => t?.close());

  it('a session signed in longer ago than the limit gets 401 REAUTH_REQUIRED, and a refresh does not renew it', async () => {
    const user = await signIn(t);
    const target = freshPhone();
    const { answer, code } = await requestChangeCode(t, user.accessToken, target);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));

    t.clock.advance((MAX_AUTH_AGE_SECONDS + 1) * 1000);
    // The access token is still valid (900 s) and the refreshed one is brand new: neither is a new sign-in.
    const refreshed = await refresh(t, user.refreshToken);
    assert.equal(refreshed.status, 200);
    assert.equal(await meStatus(t, refreshed.body.access_token), 200);
    for (const token of [user.accessToken, refreshed.body.access_token]) {
      assertError(await confirmChange(t, token, target, code!), 'REAUTH_REQUIRED');
      assertError((await requestChangeCode(t, token, freshPhone())).answer, 'REAUTH_REQUIRED');
    }
    assert.equal(await phoneOf(t, refreshed.body.access_token), user.phone);

    // Signing in again with a code is what it takes; the new session confirms the same change.
    await sleep(1100); // the resend window keeps real time
    const again = await signIn(t, user.phone);
    assert.equal(again.userId, user.userId);
    const renewed = await requestChangeCode(t, again.accessToken, target);
    assert.equal(renewed.answer.status, 200, JSON.stringify(renewed.answer.body));
    assert.equal((await confirmChange(t, again.accessToken, target, renewed.code!)).status, 200);
    assert.equal(await phoneOf(t, again.accessToken), target);
  });

  it('just inside the limit the change goes through', async () => {
    const user = await signIn(t);
    t.clock.advance((MAX_AUTH_AGE_SECONDS - 30) * 1000);
    const refreshed = await refresh(t, user.refreshToken);
    const target = freshPhone();
    const { code } = await requestChangeCode(t, refreshed.body.access_token, target);
    const confirmed = await confirmChange(t, refreshed.body.access_token, target, code!);
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  });

  it('the sign-in time is the stored session’s: an access token claiming a fresh auth_time does not pass', async () => {
    const user = await signIn(t);
    const signedInAt = Math.floor(t.clock.now() / 1000);
    assert.ok(Math.abs(Number(decodeJwt(user.accessToken).auth_time) - signedInAt) <= 1, 'auth_time is in the token');
    const target = freshPhone();
    const { code } = await requestChangeCode(t, user.accessToken, target);

    t.clock.advance((MAX_AUTH_AGE_SECONDS + 1) * 1000);
    const now = Math.floor(t.clock.now() / 1000);
    const { kid, privateKey } = await storedPrivateKey(t);
    const forged = await signJws({ typ: 'at+jwt', kid }, { ...validClaims(t, user), auth_time: now }, privateKey);
    assert.equal(await meStatus(t, forged), 200, 'the token itself is valid');
    assertError(await confirmChange(t, forged, target, code!), 'REAUTH_REQUIRED');
  });
});
