import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { ACCOUNT_TEXT, accountErrors } from '../../src/pages/account-messages.ts';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { PAGE_CSP } from '../../src/pages/shell.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { OWN, pageSignIn } from '../helpers/page-session.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const assetNames = (html: string) => [...new Set([...html.matchAll(/\/assets\/([\w.-]+)/g)].map((m) => m[1]!))];
const tokenOf = (html: string) => /data-token="([^"]+)"/.exec(html)?.[1];

/** Every call the account page's script makes, as the API documents it. */
const CALLS = [
  ['get', '/api/v1/auth/me'],
  ['post', '/api/v1/otp/phone/change/request'],
  ['post', '/api/v1/otp/phone/change/confirm'],
  ['post', '/api/v1/otp/phone/login/request'],
  ['post', '/login/session'],
  ['get', '/api/v1/auth/sessions'],
  ['delete', '/api/v1/auth/sessions/{id}'],
  ['post', '/api/v1/auth/logout-all'],
  ['post', '/api/v1/telegram/link/start'],
  ['delete', '/api/v1/telegram/link'],
  ['get', '/api/v1/alerts'],
  ['delete', '/api/v1/alerts/{id}'],
] as const;

forEachDatabase('GET /account', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
  });
  after(() => t?.close());

  const account = (url: string, cookie?: string) =>
    t.inject({ method: 'GET', url, headers: { ...OWN, ...(cookie ? { cookie } : {}) } });

  it('sends a visitor who is not signed in to the sign-in page, to come back, keeping the language asked for', async () => {
    for (const [url, cookie, location] of [
      ['/account', undefined, '/login?return_to=/account'],
      ['/account', 'otpgate_session=not-a-token', '/login?return_to=/account'],
      ['/account?lang=en', undefined, '/login?return_to=/account&lang=en'],
      ['/account?lang=xx', 'otpgate_lang=en', '/login?return_to=/account'],
    ] as const) {
      const answer = await account(url, cookie);
      assert.equal(answer.statusCode, 303, url);
      assert.equal(answer.headers.location, location, url);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.equal(answer.body, '');
    }
  });

  it('shows a signed-in visitor the page: Persian, never cached, under the strict policy, nothing inline', async () => {
    const { cookie } = await pageSignIn(t);
    const page = await account('/account', cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /^<!doctype html><html lang="fa" dir="rtl">/);
    assert.equal(page.headers['content-security-policy'], PAGE_CSP);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['content-language'], 'fa');
    assert.equal(page.headers['set-cookie'], undefined);
    assert.doesNotMatch(page.body, /<style|style=|<script(?![^>]*\ssrc=)|\son\w+=/);
    assert.match(page.body, /<noscript>/);
    assert.match(page.body, new RegExp(`<h1>${ACCOUNT_TEXT.fa.title}</h1>`));
    assert.match(page.body, /inputmode="numeric" autocomplete="one-time-code"/);
    // Signing out is a form to /logout, which checks Origin.
    assert.match(page.body, /<form id="sign-out" method="post" action="\/logout">/);
    assert.match(page.body, /data-telegram="off"/);
  });

  it("hands the script an access token of the visitor's own session, which the API takes as Bearer", async () => {
    const signedIn = await pageSignIn(t);
    const token = tokenOf((await account('/account', signedIn.cookie)).body);
    assert.ok(token);
    const me = await t.get('/api/v1/auth/me', bearer(token));
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.user.id, signedIn.userId);
    const sessions = await t.get('/api/v1/auth/sessions', bearer(token));
    assert.equal(sessions.body.sessions.length, 1);
    assert.equal(sessions.body.sessions[0].current, true);
    // Signed out, the same cookie gets no page and the token no answer.
    const out = await t.inject({ method: 'POST', url: '/logout', headers: { ...OWN, cookie: signedIn.cookie } });
    assert.equal(out.statusCode, 303);
    assert.equal((await account('/account', signedIn.cookie)).statusCode, 303);
    assert.equal((await t.get('/api/v1/auth/me', bearer(token))).status, 401);
  });

  it('?lang=en shows English and remembers it; the other language is one link away', async () => {
    const { cookie } = await pageSignIn(t);
    const en = await account('/account?lang=en', cookie);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en" dir="ltr">/);
    assert.equal(en.headers['set-cookie'], 'otpgate_lang=en; Path=/; Max-Age=31536000; SameSite=Lax');
    assert.match(en.body, /href="\/account\?lang=fa" lang="fa" hreflang="fa">فارسی</);
    const remembered = await account('/account', `${cookie}; otpgate_lang=en`);
    assert.match(remembered.body, /<html lang="en"/);
  });

  it('loads the shared stylesheet and script, then its own script, each served', async () => {
    const { cookie } = await pageSignIn(t);
    const names = assetNames((await account('/account', cookie)).body);
    assert.deepEqual(
      names.map((name) => name.replace(/\.[0-9a-f]{12}\./, '.#.')),
      ['vazirmatn.#.woff2', 'pages.#.css', 'common.#.js', 'account.#.js'],
    );
    for (const name of names) assert.equal((await t.inject({ method: 'GET', url: `/assets/${name}` })).statusCode, 200);
    // The sign-in page shares the stylesheet and the common script: the same files.
    const login = assetNames((await t.inject({ method: 'GET', url: '/login' })).body);
    assert.deepEqual(login.slice(0, 3), names.slice(0, 3));
  });
});

it('has a sentence in both languages for every error code of every call the page makes', async (context) => {
  const sqlite = (await import('../helpers/app.ts')).DATABASES.find((backend) => backend.name === 'sqlite')!;
  const t = await startTestApp(sqlite);
  try {
    const document = t.app.swagger() as any;
    const script = readFileSync(new URL('../../src/pages/assets/account.js', import.meta.url), 'utf8');
    const codes = new Set<string>();
    for (const [method, path] of CALLS) {
      // The script calls each of them (the id is added to the path there).
      assert.ok(script.includes(`'${path.replace(/\/\{id\}$/, '/')}`), path);
      const operation = document.paths[path]?.[method];
      assert.ok(operation, `${method} ${path} is not documented`);
      for (const [status, response] of Object.entries(operation.responses) as [string, any][]) {
        if (Number(status) < 400) continue;
        for (const code of response.content['application/json'].schema.properties.code.enum) codes.add(code);
      }
    }
    context.diagnostic([...codes].sort().join(' '));
    assert.ok(codes.has('REAUTH_REQUIRED') && codes.has('TELEGRAM_UNLINK_REFUSED') && codes.has('PHONE_IN_USE'));
    for (const locale of ['fa', 'en'] as const) {
      const errors = accountErrors(locale);
      assert.deepEqual(
        [...codes].filter((code) => !(code in errors)),
        [],
        locale,
      );
      // The account page adds sentences only for codes the sign-in page has none for: shared ones are reused.
      const own = ACCOUNT_TEXT[locale].errors as Record<string, string>;
      const login = LOGIN_TEXT[locale].errors as Record<string, string>;
      const repeated = Object.keys(own).filter((code) => own[code] === login[code]);
      assert.deepEqual(repeated, [], locale);
    }
  } finally {
    await t.close();
  }
});
