import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { safeReturnTo } from '../../src/pages/login-page.ts';
import { PAGE_CSP } from '../../src/pages/shell.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';

/** The page, its stylesheet and its script, gzipped, the font aside: what a phone on a slow network waits for. */
const BUDGET_BYTES = 60 * 1024;

// The pages read nothing from the store: SQLite only.
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

const assetNames = (html: string) => [...new Set([...html.matchAll(/\/assets\/([\w.-]+)/g)].map((m) => m[1]!))];

/** Both ways in with Telegram on: the page at its heaviest, with the second script. */
const TELEGRAM = {
  TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
  TELEGRAM_BOT_USERNAME: 'shop_login_bot',
  TELEGRAM_OIDC_CLIENT_ID: '123456',
  TELEGRAM_OIDC_CLIENT_SECRET: 'web-login-secret',
};

describe('GET /login and its assets', () => {
  let t: TestApp;
  let withTelegram: TestApp;
  before(async () => {
    t = await startTestApp(sqlite, { env: { TRUST_PROXY: 'true' } });
    withTelegram = await startTestApp(sqlite, { env: TELEGRAM });
  });
  after(async () => {
    await t?.close();
    await withTelegram?.close();
  });

  it(`weighs less than ${BUDGET_BYTES / 1024} KB gzipped in each language: page, stylesheet and scripts`, async (context) => {
    for (const lang of ['fa', 'en']) {
      const page = await withTelegram.inject({ method: 'GET', url: `/login?lang=${lang}` });
      assert.match(page.body, /telegram\.[0-9a-f]{12}\.js/);
      let total = gzipSync(page.rawPayload).length;
      const sizes = [`page ${total}`];
      for (const name of assetNames(page.body).filter((n) => !n.endsWith('.woff2'))) {
        const asset = await withTelegram.inject({ method: 'GET', url: `/assets/${name}` });
        const gzipped = gzipSync(asset.rawPayload).length;
        sizes.push(`${name} ${gzipped}`);
        total += gzipped;
      }
      context.diagnostic(`${lang}: ${sizes.join(', ')}; total ${total} bytes gzipped`);
      assert.ok(total < BUDGET_BYTES, `${lang}: ${total} bytes`);
    }
  });

  it('is Persian by default, right to left, under a strict policy, with nothing inline', async () => {
    const page = await t.inject({ method: 'GET', url: '/login' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /^<!doctype html><html lang="fa" dir="rtl">/);
    assert.equal(page.headers['content-security-policy'], PAGE_CSP);
    assert.match(PAGE_CSP, /default-src 'none'.*script-src 'self'.*style-src 'self'.*frame-ancestors 'none'/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['set-cookie'], undefined);
    assert.doesNotMatch(page.body, /<style|style=|<script(?![^>]*\ssrc=)|\son\w+=/);
    assert.match(page.body, /<noscript>/);
    // An empty icon of its own: no request for /favicon.ico, which would be a 404 in the console.
    assert.match(page.body, /<link rel="icon" href="data:,">/);
    assert.match(page.body, /inputmode="tel" autocomplete="tel"/);
    assert.match(page.body, /autocomplete="one-time-code"/);
  });

  it('serves the stylesheet, script and Vazirmatn under hashed names, cached for a year; other names are 404', async () => {
    const page = await t.inject({ method: 'GET', url: '/login' });
    const names = assetNames(page.body);
    assert.deepEqual(
      names.map((name) => name.replace(/\.[0-9a-f]{12}\./, '.#.')),
      ['vazirmatn.#.woff2', 'pages.#.css', 'common.#.js', 'login.#.js'],
    );
    const types: Record<string, RegExp> = { woff2: /^font\/woff2$/, css: /^text\/css/, js: /^text\/javascript/ };
    for (const name of names) {
      const asset = await t.inject({ method: 'GET', url: `/assets/${name}` });
      assert.equal(asset.statusCode, 200, name);
      assert.match(String(asset.headers['content-type']), types[name.split('.').at(-1)!]!);
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(asset.headers['x-content-type-options'], 'nosniff');
    }
    const font = await t.inject({ method: 'GET', url: `/assets/${names[0]}` });
    assert.equal(font.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
    const css = await t.inject({ method: 'GET', url: `/assets/${names[1]}` });
    assert.match(css.body, new RegExp(`url\\(/assets/${names[0]!.replaceAll('.', '\\.')}\\)`));
    // The shared start of every stylesheet is put in, and not served on its own.
    assert.match(css.body, /@font-face/);
    assert.doesNotMatch(css.body, /__BASE__ \*\/\n/);
    assert.doesNotMatch(css.body, /__FONT_URL__/);
    const missing = await t.inject({ method: 'GET', url: '/assets/login.000000000000.js' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'NOT_FOUND');
  });

  it('?lang= shows that language and remembers it in a SameSite=Lax cookie, Secure over TLS', async () => {
    const en = await t.inject({ method: 'GET', url: '/login?lang=en' });
    assert.match(en.body, /<html lang="en" dir="ltr">/);
    assert.equal(en.headers['set-cookie'], 'otpgate_lang=en; Path=/; Max-Age=31536000; SameSite=Lax');
    const tls = await t.inject({ method: 'GET', url: '/login?lang=fa', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(tls.headers['set-cookie'], 'otpgate_lang=fa; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
    const remembered = await t.inject({ method: 'GET', url: '/login', headers: { cookie: 'a=1; otpgate_lang=en' } });
    assert.match(remembered.body, /<html lang="en"/);
    const unknown = await t.inject({ method: 'GET', url: '/login?lang=de', headers: { cookie: 'otpgate_lang=xx' } });
    assert.match(unknown.body, /<html lang="fa"/);
    assert.equal(unknown.headers['set-cookie'], undefined);
  });

  it('shows numbers in Persian digits on the Persian page', async () => {
    const fa = await t.inject({ method: 'GET', url: '/login' });
    assert.match(fa.body, /۰۹۱۲۳۴۵۶۷۸۹/);
    const en = await t.inject({ method: 'GET', url: '/login?lang=en' });
    assert.match(en.body, /09123456789/);
  });

  it('keeps return_to only when it is a path on this origin, and in the link to the other language', async () => {
    for (const [value, kept] of [
      ['/account', '/account'],
      ['/shop/cart?step=2', '/shop/cart?step=2'],
      ['//evil.example/x', undefined],
      ['/\\evil.example', undefined],
      ['https://evil.example/', undefined],
      ['javascript:alert(1)', undefined],
      ['account', undefined],
      ['/a\nb', undefined],
      ['', undefined],
      // Kept, written as a browser sends it: percent-encoded, so that it can stand in a Location header.
      ['/سلام', '/%D8%B3%D9%84%D8%A7%D9%85'],
      ['/caf\u00e9?q=\u00e9', '/caf%C3%A9?q=%C3%A9'],
      ['/\u202Egnp.exe', '/%E2%80%AEgnp.exe'],
      ['/\uFF0Fevil.example', '/%EF%BC%8Fevil.example'],
      // Dot-segments that resolve to another host are refused; others are resolved.
      ['/a/..//evil.example', undefined],
      ['/.//evil.example', undefined],
      ['/%2e%2e//evil.example', undefined],
      ['/oidc/../..//evil.example/x', undefined],
      ['/a/../account', '/account'],
    ] as const) {
      assert.equal(safeReturnTo(value), kept, JSON.stringify(value));
    }
    const page = await t.inject({ method: 'GET', url: `/login?return_to=${encodeURIComponent('/a?b=1&c="x"')}` });
    assert.match(page.body, /data-return-to="\/a\?b=1&amp;c=%22x%22"/);
    assert.match(page.body, /href="\/login\?lang=en&amp;return_to=%2Fa%3Fb%3D1%26c%3D%2522x%2522"/);
  });

  it('has a sentence in both languages for every error code the sign-in routes it uses document', async () => {
    const document = t.app.swagger() as any;
    const codes = new Set<string>();
    const routes: Array<[string, string]> = [
      ['post', '/api/v1/otp/phone/login/request'],
      ['post', '/api/v1/otp/phone/login/verify'],
      ['post', '/login/session'],
      ['post', '/api/v1/telegram/login/link'],
      ['post', '/login/telegram/poll'],
      // What GET /login/telegram comes back to the page with: the start's, the callback's and the exchange's codes.
      ['get', '/api/v1/telegram/oidc/start'],
      ['get', '/api/v1/telegram/oidc/callback'],
      ['post', '/api/v1/telegram/oidc/exchange'],
    ];
    // The callback's redirect carries Telegram's refusal or the check's, as codes of their own.
    codes.add('TELEGRAM_AUTH_INVALID');
    codes.add('TELEGRAM_UNAVAILABLE');
    for (const [method, path] of routes) {
      for (const [status, response] of Object.entries(document.paths[path][method].responses) as [string, any][]) {
        if (Number(status) < 400) continue;
        for (const code of response.content['application/json'].schema.properties.code.enum) codes.add(code);
      }
    }
    assert.ok(codes.has('OTP_INVALID') && codes.has('SMS_FAILED') && codes.size >= 12, [...codes].join());
    for (const locale of ['fa', 'en'] as const) {
      const missing = [...codes].filter((code) => !(code in LOGIN_TEXT[locale].errors));
      assert.deepEqual(missing, [], locale);
      assert.ok(LOGIN_TEXT[locale].generic);
    }
  });
});
