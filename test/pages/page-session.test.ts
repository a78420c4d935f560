import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { createPageSession } from '../../src/pages/page-session.ts';
import { setTimeout } from 'node:timers/promises';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { OWN, pageSignIn } from '../helpers/page-session.ts';
import { bearer, freshPhone, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

/** What GET /login?return_to=/account answers with these cookies: 303 when signed in, the page when not. */
async function loginStatus(t: TestApp, cookie: string): Promise<number> {
  const page = await t.inject({ method: 'GET', url: '/login?return_to=/account', headers: { ...OWN, cookie } });
  if (page.statusCode === 303) assert.equal(page.headers.location, '/account');
  return page.statusCode;
}

forEachDatabase('the hosted pages’ session', (backend) => {
  let t: TestApp;
  before(async () => {
    // A short resend wait: one test signs one number in twice.
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000', OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  it('signs in into an HttpOnly, SameSite=Lax cookie on the whole host and answers no token', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const answer = await t.post('/login/session', { phone_number: phone, code: t.sink.lastCode(phone) }, OWN);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.match(
      String(answer.headers['set-cookie']),
      /^otpgate_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    assert.deepEqual(Object.keys(answer.body).sort(), ['message', 'success', 'user']);
    assert.doesNotMatch(JSON.stringify(answer.body), /token/);
  });

  it('takes a sign-in only from a page of this origin, before the code is looked at', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const code = t.sink.lastCode(phone)!;
    for (const origin of [undefined, 'https://evil.example', 'null']) {
      const headers: Record<string, string> = { host: OWN.host, ...(origin ? { origin } : {}) };
      const refused = await t.post('/login/session', { phone_number: phone, code }, headers);
      assert.equal(refused.status, 403, String(origin));
      assert.equal(refused.body.code, 'ORIGIN_NOT_ALLOWED');
      assert.equal(refused.headers['set-cookie'], undefined);
    }
    // The refusals spent no attempt: the code still signs in.
    assert.equal((await t.post('/login/session', { phone_number: phone, code }, OWN)).status, 200);
  });

  it('a wrong code answers its code in the envelope and sets nothing', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const wrong = t.sink.lastCode(phone) === '000000' ? '111111' : '000000';
    const answer = await t.post('/login/session', { phone_number: phone, code: wrong }, OWN);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'OTP_INVALID');
    assert.equal(answer.headers['set-cookie'], undefined);
  });

  it('pages read the session many times at once without spending it: all tabs stay signed in', async () => {
    const { cookie } = await pageSignIn(t);
    const statuses = await Promise.all(Array.from({ length: 12 }, () => loginStatus(t, cookie)));
    assert.deepEqual(statuses, Array(12).fill(303));
    assert.equal(await loginStatus(t, cookie), 303);
    assert.equal(await loginStatus(t, 'otpgate_session=not-a-token'), 200);
    assert.equal(await loginStatus(t, ''), 200);
  });

  it('a signed-in visitor is sent to a return_to outside ASCII, percent-encoded, never a 500', async () => {
    const { cookie } = await pageSignIn(t);
    for (const [asked, location] of [
      ['/سلام', '/%D8%B3%D9%84%D8%A7%D9%85'],
      ['/caf\u00e9', '/caf%C3%A9'],
      ['/\u202Ex', '/%E2%80%AEx'],
    ]) {
      const page = await t.inject({
        method: 'GET',
        url: `/login?return_to=${encodeURIComponent(asked!)}`,
        headers: { ...OWN, cookie },
      });
      assert.equal(page.statusCode, 303, asked);
      assert.equal(page.headers.location, location);
    }
    // A path whose dot-segments resolve to another host is not followed: the page shows instead.
    const away = await t.inject({
      method: 'GET',
      url: `/login?return_to=${encodeURIComponent('/a/..//evil.example')}`,
      headers: { ...OWN, cookie },
    });
    assert.equal(away.statusCode, 200);
    assert.doesNotMatch(away.body, /evil\.example/);
  });

  it('is one of the user’s sessions: ending it from another ends the pages’ sign-in', async () => {
    const page = await pageSignIn(t);
    await setTimeout(1100); // the resend wait (counted on the wall clock)
    const api = await signIn(t, page.phone);
    const list = await t.get('/api/v1/auth/sessions', bearer(api.accessToken));
    assert.equal(list.status, 200);
    assert.equal(list.body.sessions.length, 2);
    const ended = await t.post('/api/v1/auth/logout-all', {}, bearer(api.accessToken));
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(await loginStatus(t, page.cookie), 200);
  });

  it('POST /logout from this origin ends the session, drops the cookie and goes to /login; from elsewhere, 403', async () => {
    const { cookie } = await pageSignIn(t);
    const forged = await t.inject({
      method: 'POST',
      url: '/logout',
      headers: { host: OWN.host, origin: 'https://evil.example', cookie },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(await loginStatus(t, cookie), 303);

    const out = await t.inject({ method: 'POST', url: '/logout', headers: { ...OWN, cookie } });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/login');
    assert.match(String(out.headers['set-cookie']), /^otpgate_session=; Path=\/; Max-Age=0; HttpOnly/);
    assert.equal(await loginStatus(t, cookie), 200);
    // Signing out twice is harmless.
    const again = await t.inject({ method: 'POST', url: '/logout', headers: { ...OWN, cookie } });
    assert.equal(again.statusCode, 303);
  });

  it('POST /logout takes the sign-out form as a browser posts it: form-encoded, empty', async () => {
    const { cookie } = await pageSignIn(t);
    const headers = { ...OWN, cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const out = await t.inject({ method: 'POST', url: '/logout', headers, payload: '' });
    assert.equal(out.statusCode, 303, out.body);
    assert.equal(out.headers.location, '/login');
    assert.equal(await loginStatus(t, cookie), 200);
    // The form's Origin is checked as any other's.
    const other = await pageSignIn(t);
    const forged = await t.inject({
      method: 'POST',
      url: '/logout',
      headers: { ...headers, cookie: other.cookie, origin: 'https://evil.example' },
      payload: '',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(await loginStatus(t, other.cookie), 303);
  });

  it('the cookie’s token spent through the API, as a thief would, ends the whole session at the next page', async () => {
    const { cookie } = await pageSignIn(t);
    const stolen = await refresh(t, cookie.slice('otpgate_session='.length));
    assert.equal(stolen.status, 200, JSON.stringify(stolen.body));
    // The victim's next page finds the token spent: the family ends, the thief's new tokens with it.
    assert.equal(await loginStatus(t, cookie), 200);
    assert.equal(await meStatus(t, stolen.body.access_token), 401);
    assert.equal((await refresh(t, stolen.body.refresh_token)).status, 401);
  });

  it('signing in again in the same browser ends the session the cookie held', async () => {
    const first = await pageSignIn(t);
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const again = await t.post(
      '/login/session',
      { phone_number: phone, code: t.sink.lastCode(phone) },
      { ...OWN, cookie: first.cookie },
    );
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(await loginStatus(t, first.cookie), 200);
    const second = /^(otpgate_session=[^;]+)/.exec(String(again.headers['set-cookie']))![1]!;
    assert.equal(await loginStatus(t, second), 303);
  });

  it('a blocked user’s page session ends at once', async () => {
    const page = await pageSignIn(t);
    await t.database.db.updateTable('users').set({ blocked_at: Date.now() }).where('id', '=', page.userId).execute();
    assert.equal(await loginStatus(t, page.cookie), 200);
  });
});

describe('the pages’ Origin check', () => {
  const config = (isProduction: boolean) =>
    ({
      isProduction,
      tokens: { refreshTtlSeconds: 60 },
      browser: { publicOrigin: 'https://auth.example.com', corsOrigins: [], sessionCookie: false },
    }) as unknown as Parameters<typeof createPageSession>[0];
  const request = (origin: string | undefined, host = 'evil.example', protocol = 'https') =>
    ({ headers: origin === undefined ? {} : { origin }, host, protocol }) as unknown as FastifyRequest;
  const allowed = (isProduction: boolean, req: FastifyRequest) => {
    const check = createPageSession(config(isProduction), {} as never);
    try {
      check.requireOwnOrigin(req);
      return true;
    } catch {
      return false;
    }
  };

  it('in production takes PUBLIC_URL’s origin only, whatever Host or X-Forwarded-Host name', () => {
    assert.equal(allowed(true, request('https://auth.example.com')), true);
    assert.equal(allowed(true, request('https://evil.example')), false);
    assert.equal(allowed(true, request(undefined)), false);
  });

  it('in development also takes the address the request came to', () => {
    assert.equal(allowed(false, request('http://127.0.0.1:3000', '127.0.0.1:3000', 'http')), true);
    assert.equal(allowed(false, request('https://auth.example.com')), true);
    assert.equal(allowed(false, request('http://other.example', '127.0.0.1:3000', 'http')), false);
  });
});
