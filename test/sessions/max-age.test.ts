import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

const MAX_AGE_SECONDS = 7200;
const REFRESH_TTL_SECONDS = 3600;

it('sessions last 90 days and a phone change needs a sign-in of the last 10 minutes, by default', () => {
  const config = loadConfig({});
  assert.equal(config.tokens.sessionMaxAgeSeconds, 7_776_000);
  assert.equal(config.phone.changeMaxAuthAgeSeconds, 600);
});

forEachDatabase('the absolute lifetime of a session', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      env: {
        OTP_RESEND_SECONDS: '1',
        SESSION_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS),
        REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS),
      },
    });
  });
  after(() => t?.close());

  it('a session refreshed on time is refused after SESSION_MAX_AGE_SECONDS from its sign-in, access tokens too', async () => {
    const user = await signIn(t);
    let tokens = { access: user.accessToken, refresh: user.refreshToken };
    // Every 50 minutes, well within the refresh token's hour: each refresh is on time.
    for (const _ of [1, 2]) {
      t.clock.advance(3000 * 1000);
      const renewed = await refresh(t, tokens.refresh);
      assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
      tokens = { access: renewed.body.access_token, refresh: renewed.body.refresh_token };
    }
    t.clock.advance(1000 * 1000); // 7000 s after the sign-in: still inside
    const last = await refresh(t, tokens.refresh);
    assert.equal(last.status, 200, JSON.stringify(last.body));
    tokens = { access: last.body.access_token, refresh: last.body.refresh_token };
    assert.equal(await meStatus(t, tokens.access), 200);

    t.clock.advance(210 * 1000); // 7210 s: the refresh token (1 h) and access token (15 min) are both young
    assertError(await refresh(t, tokens.refresh), 'UNAUTHORIZED');
    assertError(await t.get('/api/v1/auth/me', bearer(tokens.access)), 'UNAUTHORIZED');

    // A new sign-in starts a new lifetime.
    await sleep(1100); // the resend window keeps real time
    const again = await signIn(t, user.phone);
    assert.equal(await meStatus(t, again.accessToken), 200);
    assert.equal((await refresh(t, again.refreshToken)).status, 200);
  });
});
