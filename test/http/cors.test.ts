import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { newKey } from '../helpers/api-keys.ts';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { corsHeaders, listenOnSocket, send } from '../helpers/browser.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';

const SHOP = 'https://shop.example';
const LOCAL = 'http://localhost:5173';
const METRICS_TOKEN = 'metrics-token-for-cors-tests';

const preflight = (origin: string, method = 'POST', headers = 'content-type') => ({
  origin,
  'access-control-request-method': method,
  'access-control-request-headers': headers,
});

forEachDatabase('CORS for browser front ends', (backend) => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(backend, { env: { CORS_ORIGINS: `${SHOP}, ${LOCAL}`, METRICS_TOKEN } });
    base = await listenOnSocket(t);
  });
  after(() => t?.close());

  it('a preflight from a listed origin is answered 204 with that exact origin, credentials, methods and max-age', async () => {
    const answer = await send(base, 'OPTIONS', '/api/v1/otp/phone/login/request', preflight(SHOP));
    assert.equal(answer.status, 204);
    assert.equal(answer.headers['access-control-allow-origin'], SHOP);
    assert.equal(answer.headers['access-control-allow-credentials'], 'true');
    assert.equal(answer.headers['access-control-allow-methods'], 'GET, POST, PATCH, DELETE');
    assert.match(String(answer.headers['access-control-allow-headers']), /Content-Type/);
    assert.match(String(answer.headers['access-control-allow-headers']), /Authorization/);
    assert.equal(answer.headers['access-control-max-age'], '600');
    assert.match(String(answer.headers.vary), /Origin/);

    const other = await send(base, 'OPTIONS', '/api/v1/auth/sessions/x', preflight(LOCAL, 'DELETE', 'authorization'));
    assert.equal(other.status, 204);
    assert.equal(other.headers['access-control-allow-origin'], LOCAL);
    // Front ends sign in with Telegram from the page too (the widget's callback, a Mini App, the code exchange).
    const telegram = await send(base, 'OPTIONS', '/api/v1/telegram/login/webapp', preflight(SHOP));
    assert.equal(telegram.headers['access-control-allow-origin'], SHOP);
  });

  it('the real request from a listed origin carries the origin and credentials, on success and on error', async () => {
    const user = await signIn(t);
    const me = await send(base, 'GET', '/api/v1/auth/me', { origin: SHOP, ...bearer(user.accessToken) });
    assert.equal(me.status, 200);
    assert.equal(me.headers['access-control-allow-origin'], SHOP);
    assert.equal(me.headers['access-control-allow-credentials'], 'true');
    const refused = await send(base, 'GET', '/api/v1/auth/me', { origin: SHOP });
    assertError(refused, 'UNAUTHORIZED');
    assert.equal(refused.headers['access-control-allow-origin'], SHOP);
  });

  it('the discovery document, served by the OpenID Connect provider, may be read from any origin, without credentials', async () => {
    const answer = await send(base, 'GET', '/.well-known/openid-configuration', { origin: SHOP });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], SHOP);
    // Public and without credentials, as OpenID Connect Discovery means it: the provider lets any origin read it.
    const unlisted = await send(base, 'GET', '/.well-known/openid-configuration', { origin: 'https://other.example' });
    assert.deepEqual(corsHeaders(unlisted), { 'access-control-allow-origin': 'https://other.example' });
  });

  it('an origin not listed gets no CORS header at all: its preflight is a 404 and its requests go unmarked', async () => {
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null']) {
      const answer = await send(base, 'OPTIONS', '/api/v1/otp/phone/login/request', preflight(origin));
      assertError(answer, 'NOT_FOUND');
      assert.deepEqual(corsHeaders(answer), {}, origin);
      const request = await send(base, 'POST', '/api/v1/auth/refresh', { origin }, { refresh_token: 'x' });
      assert.equal(request.status, 401);
      assert.deepEqual(corsHeaders(request), {}, origin);
    }
  });

  it('an OPTIONS without Access-Control-Request-Method is no preflight: 404 in the envelope, no CORS header', async () => {
    const answer = await send(base, 'OPTIONS', '/api/v1/auth/refresh', { origin: SHOP });
    assertError(answer, 'NOT_FOUND');
    assert.deepEqual(corsHeaders(answer), {});
  });

  it('the admin API, introspection, health, metrics and the reference never answer cross-origin, even a listed origin', async () => {
    const admin = bearer((await newKey(t, ['providers:read'])).secret);
    const closed = [
      '/api/v1/admin/keys/whoami',
      '/api/v1/admin/sms/providers',
      '/api/v1/auth/introspect',
      '/api/v1/auth/%69ntrospect',
      '/api/v1/auth/../admin/keys',
      '/api/v1/otp/health',
      '/metrics',
      '/api/v1/openapi.json',
      '/livez',
    ];
    for (const path of closed) {
      const answer = await send(base, 'OPTIONS', path, preflight(SHOP, 'GET', 'authorization'));
      assert.notEqual(answer.status, 204, path);
      assert.deepEqual(corsHeaders(answer), {}, `preflight ${path}`);
    }
    const reads: Array<[string, Record<string, string>]> = [
      ['/api/v1/admin/keys/whoami', admin],
      ['/api/v1/admin/sms/providers', admin],
      ['/api/v1/otp/health', admin],
      ['/metrics', { authorization: `Bearer ${METRICS_TOKEN}` }],
    ];
    for (const [path, headers] of reads) {
      const answer = await send(base, 'GET', path, { origin: SHOP, ...headers });
      assert.equal(answer.status, 200, path);
      assert.deepEqual(corsHeaders(answer), {}, path);
    }
  });
});

describe('CORS without CORS_ORIGINS', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(DATABASES[0]!);
    base = await listenOnSocket(t);
  });
  after(() => t?.close());

  it('no origin is allowed: a preflight answers 404 without CORS headers', async () => {
    const answer = await send(base, 'OPTIONS', '/api/v1/otp/phone/login/request', preflight(SHOP));
    assertError(answer, 'NOT_FOUND');
    assert.deepEqual(corsHeaders(answer), {});
  });
});

describe('CORS_ORIGINS', () => {
  const load = (value: string) => loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: value });

  it('takes exact origins separated by commas, once each', () => {
    assert.deepEqual(load(`${SHOP}, ${LOCAL},${SHOP}`).browser.corsOrigins, [SHOP, LOCAL]);
    assert.deepEqual(load('https://shop.example:8443').browser.corsOrigins, ['https://shop.example:8443']);
    assert.deepEqual(loadConfig({ NODE_ENV: 'test' }).browser.corsOrigins, []);
  });

  it('refuses a wildcard, since answers carry credentials', () => {
    assert.throws(() => load('*'), /CORS_ORIGINS: .*wildcard is not allowed with credentials/);
    assert.throws(() => load(`${SHOP},https://*.example`), /wildcard/);
  });

  it('refuses what is not an origin as a browser sends it, naming the entry', () => {
    for (const [value, why] of [
      [
        'https://shop.example/',
        /https:\/\/shop.example\/: not an exact origin \(a browser sends https:\/\/shop.example\)/,
      ],
      ['https://shop.example/app', /not an exact origin/],
      ['https://shop.example:443', /not an exact origin \(a browser sends https:\/\/shop.example\)/],
      ['https://Shop.Example', /not an exact origin/],
      ['shop.example', /not scheme:\/\/host\[:port\]/],
      ['ftp://shop.example', /the scheme must be http or https/],
      ['https://user:pass@shop.example', /no user or password/],
    ] as const) {
      assert.throws(() => load(value), why, value);
    }
  });
});
