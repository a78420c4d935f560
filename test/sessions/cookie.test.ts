import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket, send, setCookies, type SetCookie, type SocketAnswer } from '../helpers/browser.ts';
import { assertError } from '../helpers/session-errors.ts';
import { freshPhone, meStatus } from '../helpers/session-sign-in.ts';

const SHOP = 'https://shop.example';
const REFRESH_TTL_SECONDS = 7200;

/** Signs a number in over a real socket with the given request headers (a browser's Origin, or none). */
async function verify(t: TestApp, base: string, headers: Record<string, string>): Promise<SocketAnswer> {
  const phone = freshPhone();
  assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone })).status, 200);
  const code = t.sink.lastCode(phone)!;
  return send(base, 'POST', '/api/v1/otp/phone/login/verify', headers, { phone_number: phone, code });
}

function refreshCookie(answer: SocketAnswer): SetCookie {
  const cookies = setCookies(answer).filter((cookie) => cookie.name === 'otpgate_refresh');
  assert.equal(cookies.length, 1, JSON.stringify(answer.headers['set-cookie']));
  return cookies[0]!;
}

const cookieHeader = (cookie: SetCookie) => ({ cookie: `otpgate_refresh=${cookie.value}` });

forEachDatabase('the session cookie', (backend) => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(backend, {
      env: { SESSION_COOKIE: 'true', CORS_ORIGINS: SHOP, REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS) },
    });
    base = await listenOnSocket(t);
  });
  after(() => t?.close());

  it('a sign-in from a listed origin sets the refresh token as an HttpOnly, SameSite=Lax cookie on /api/v1/auth only', async () => {
    const answer = await verify(t, base, { origin: SHOP });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(typeof answer.body.access_token, 'string');
    assert.equal('refresh_token' in answer.body, false, 'a page must never see the refresh token');
    const cookie = refreshCookie(answer);
    assert.ok(cookie.value.length >= 40);
    assert.deepEqual(cookie.attributes, {
      'max-age': String(REFRESH_TTL_SECONDS),
      path: '/api/v1/auth',
      httponly: true,
      samesite: 'Lax',
    });
  });

  it('a sign-in without Origin (a backend, an app) gets the token in the body and no cookie', async () => {
    const answer = await verify(t, base, {});
    assert.equal(answer.status, 200);
    assert.equal(typeof answer.body.refresh_token, 'string');
    assert.equal(answer.headers['set-cookie'], undefined);
  });

  it('refresh takes the cookie and sets the next one; logout takes the cookie, clears it and ends the session', async () => {
    const signedIn = refreshCookie(await verify(t, base, { origin: SHOP }));
    const renewed = await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP, ...cookieHeader(signedIn) });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    assert.equal('refresh_token' in renewed.body, false);
    const next = refreshCookie(renewed);
    assert.notEqual(next.value, signedIn.value);
    assert.equal(next.attributes['max-age'], String(REFRESH_TTL_SECONDS));
    assert.equal(await meStatus(t, renewed.body.access_token), 200);

    const out = await send(base, 'POST', '/api/v1/auth/logout', { origin: SHOP, ...cookieHeader(next) }, {});
    assert.equal(out.status, 200, JSON.stringify(out.body));
    const cleared = refreshCookie(out);
    assert.equal(cleared.value, '');
    assert.equal(cleared.attributes.path, '/api/v1/auth');
    assert.ok(cleared.attributes['max-age'] === '0' || cleared.attributes.expires, JSON.stringify(cleared));
    assert.equal(await meStatus(t, renewed.body.access_token), 401);
  });

  it("the service's own origin may use the cookie too", async () => {
    const cookie = refreshCookie(await verify(t, base, { origin: SHOP }));
    const renewed = await send(base, 'POST', '/api/v1/auth/refresh', { origin: base, ...cookieHeader(cookie) });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
  });

  it('a cookie request with a forged Origin or none is refused with ORIGIN_NOT_ALLOWED and spends nothing', async () => {
    const cookie = refreshCookie(await verify(t, base, { origin: SHOP }));
    for (const origin of ['https://evil.example', 'null', `${SHOP}.evil.example`, 'http://shop.example']) {
      assertError(
        await send(base, 'POST', '/api/v1/auth/refresh', { origin, ...cookieHeader(cookie) }),
        'ORIGIN_NOT_ALLOWED',
      );
      assertError(
        await send(base, 'POST', '/api/v1/auth/logout', { origin, ...cookieHeader(cookie) }),
        'ORIGIN_NOT_ALLOWED',
      );
    }
    assertError(await send(base, 'POST', '/api/v1/auth/refresh', cookieHeader(cookie)), 'ORIGIN_NOT_ALLOWED');
    assertError(await send(base, 'POST', '/api/v1/auth/logout', cookieHeader(cookie), {}), 'ORIGIN_NOT_ALLOWED');
    // The refused requests neither spent the token nor ended the session.
    const renewed = await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP, ...cookieHeader(cookie) });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
  });

  it('requests with the token in the body are unaffected by Origin, and take it over the cookie', async () => {
    const backendUser = await verify(t, base, {});
    const token = backendUser.body.refresh_token as string;
    const renewed = await send(
      base,
      'POST',
      '/api/v1/auth/refresh',
      { origin: 'https://evil.example' },
      {
        refresh_token: token,
      },
    );
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    assert.equal(typeof renewed.body.refresh_token, 'string');
    assert.equal(renewed.headers['set-cookie'], undefined);
    const browser = refreshCookie(await verify(t, base, { origin: SHOP }));
    const out = await send(base, 'POST', '/api/v1/auth/logout', cookieHeader(browser), {
      refresh_token: renewed.body.refresh_token,
    });
    assert.equal(out.status, 200, JSON.stringify(out.body));
    assert.equal(out.headers['set-cookie'], undefined, "the cookie's session goes on, so its cookie stays");
    // The body's session ended; the cookie's did not.
    assertError(
      await send(base, 'POST', '/api/v1/auth/refresh', {}, { refresh_token: renewed.body.refresh_token }),
      'UNAUTHORIZED',
    );
    assert.equal(
      (await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP, ...cookieHeader(browser) })).status,
      200,
    );
  });

  it('refresh with neither a body token nor a cookie answers 401', async () => {
    assertError(await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP }), 'UNAUTHORIZED');
    assertError(await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP }, {}), 'UNAUTHORIZED');
    assertError(await send(base, 'POST', '/api/v1/auth/logout', { origin: SHOP }, {}), 'UNAUTHORIZED');
  });
});

describe('the session cookie is Secure where it can be', () => {
  const apps: TestApp[] = [];
  after(() => Promise.all(apps.map((app) => app.close())));
  const cookieFrom = async (env: Record<string, string>, headers: Record<string, string> = {}) => {
    const t = await startTestApp(DATABASES[0]!, { env: { SESSION_COOKIE: 'true', CORS_ORIGINS: SHOP, ...env } });
    apps.push(t);
    return refreshCookie(await verify(t, await listenOnSocket(t), { origin: SHOP, ...headers }));
  };

  it('always in production', async () => {
    const production = { NODE_ENV: 'production', SMS_WEBHOOK_SECRET: 'a-webhook-secret-for-tests' };
    assert.equal((await cookieFrom(production)).attributes.secure, true);
  });

  it('in development, when PUBLIC_URL is https or the request came over https; not over plain http', async () => {
    assert.equal((await cookieFrom({ PUBLIC_URL: 'https://auth.shop.example' })).attributes.secure, true);
    const proxied = await cookieFrom({ TRUST_PROXY: 'true' }, { 'x-forwarded-proto': 'https' });
    assert.equal(proxied.attributes.secure, true);
    assert.equal((await cookieFrom({})).attributes.secure, undefined);
  });
});

describe('without SESSION_COOKIE', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(DATABASES[0]!, { env: { CORS_ORIGINS: SHOP } });
    base = await listenOnSocket(t);
  });
  after(() => t?.close());

  it('no cookie is set and none is read: the token stays in the body and is required there', async () => {
    const answer = await verify(t, base, { origin: SHOP });
    assert.equal(typeof answer.body.refresh_token, 'string');
    assert.equal(answer.headers['set-cookie'], undefined);
    const cookie = { cookie: `otpgate_refresh=${answer.body.refresh_token}` };
    const refused = await send(base, 'POST', '/api/v1/auth/refresh', { origin: SHOP, ...cookie }, {});
    assertError(refused, 'VALIDATION_ERROR');
    assert.equal(refused.body.message, 'refresh_token is required');
    assert.equal(await meStatus(t, answer.body.access_token), 200);
  });
});
