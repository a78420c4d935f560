import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { pageReturnUrl } from '../../src/telegram/oidc/flow.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeTelegramOidc, TELEGRAM_USER, type FakeTelegramOidc } from '../helpers/fake-telegram-oidc.ts';
import { OWN } from '../helpers/page-session.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';

const POLL = '/login/telegram/poll';
const LINK = '/api/v1/telegram/login/link';
const START = '/api/v1/telegram/oidc/start';
const LISTED = 'https://shop.example.com/done';
const FOREIGN = [undefined, 'https://evil.example', 'null'];

let addresses = 0;
/** A client address of its own, so that no test charges another's per-address limit. */
const newAddress = () => ({ 'x-forwarded-for': `198.18.${Math.floor(++addresses / 250)}.${addresses % 250}` });
let people = 0;
const newPerson = () => ({ id: 8_400_000_000 + ++people, first_name: 'Sara' });
const newOidcUser = () => {
  const suffix = String(process.pid % 1000).padStart(3, '0') + String(++people).padStart(4, '0');
  return { ...TELEGRAM_USER, id: 884_000_000 + people, sub: `route-sub-${people}`, phoneNumber: `98915${suffix}` };
};

/** The cookies a browser keeps, by name and path, and sends to a path they cover. */
class Jar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  keep(setCookie: unknown): void {
    for (const line of [setCookie ?? []].flat() as string[]) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name, value] = pair!.split('=') as [string, string];
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(`${name} ${path}`);
      else this.cookies.set(`${name} ${path}`, { name, value, path });
    }
  }

  /** The Cookie header for this path. */
  for(url: string): Record<string, string> {
    const path = new URL(url, 'http://x').pathname;
    const sent = [...this.cookies.values()].filter(
      (c) => c.path === '/' || path === c.path || path.startsWith(`${c.path}/`),
    );
    return sent.length ? { cookie: sent.map((c) => `${c.name}=${c.value}`).join('; ') } : {};
  }

  names(): string[] {
    return [...this.cookies.keys()].sort();
  }
}

forEachDatabase("the sign-in page's ways in with Telegram", (backend) => {
  let fake: FakeTelegramOidc;
  let t: TestApp;
  before(async () => {
    fake = await startFakeTelegramOidc({ clientId: '123456', clientSecret: 'web-login-secret' });
    t = await startTestApp(backend, {
      env: {
        TRUST_PROXY: 'true',
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_BOT_USERNAME: 'shop_login_bot',
        TELEGRAM_OIDC_CLIENT_ID: '123456',
        TELEGRAM_OIDC_CLIENT_SECRET: 'web-login-secret',
        TELEGRAM_OIDC_ISSUER: fake.issuer,
        TELEGRAM_LOGIN_RETURN_URLS: LISTED,
        // Every other request here comes from an address of its own; the limit's own test spends this one.
        TELEGRAM_IP_HOURLY_LIMIT: '4',
      },
    });
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  /** A sign-in through the bot as the page starts it, and the person's answer in Telegram (the bot's side). */
  async function started(address = newAddress()) {
    const answer = await t.post(LINK, {}, address);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const payload = new URL(answer.body.url).searchParams.get('start')!;
    return {
      secret: answer.body.poll_secret as string,
      address,
      async decide(decision: 'confirm' | 'cancel') {
        const who = newPerson();
        const opened = await t.app.telegramLinkSignIn.open(payload, who);
        assert.equal(opened?.kind, 'login');
        await t.app.telegramLinkSignIn.decide((opened as { id: string }).id, who, decision);
      },
    };
  }
  const poll = (secret: string, headers: Record<string, string> = OWN, extra = {}) =>
    t.post(POLL, { poll_secret: secret, ...extra }, { ...newAddress(), ...headers });

  it('the poll answers pending, then once signed_in into the pages’ cookie, with no token; then used', async () => {
    const login = await started();
    const pending = await poll(login.secret);
    assert.equal(pending.status, 200, JSON.stringify(pending.body));
    assert.equal(pending.body.status, 'pending');
    assert.ok(pending.body.expires_in > 0);
    assert.equal(pending.headers['set-cookie'], undefined);

    await login.decide('confirm');
    const signedIn = await poll(login.secret);
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.deepEqual(Object.keys(signedIn.body).sort(), ['status', 'success', 'user']);
    assert.equal(signedIn.body.status, 'signed_in');
    assert.doesNotMatch(JSON.stringify(signedIn.body), /token/i);
    const cookie = /^(otpgate_session=[\w-]+); Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/.exec(
      String(signedIn.headers['set-cookie']),
    )?.[1];
    assert.ok(cookie, String(signedIn.headers['set-cookie']));
    // The cookie is the pages' session: /login sends the visitor on.
    const page = await t.inject({ method: 'GET', url: '/login?return_to=/account', headers: { cookie } });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/account');

    assert.deepEqual((await poll(login.secret)).body, { success: true, status: 'used' });
    // The API's own poll of the same sign-in sees the same state: one service, one sign-in.
    assert.deepEqual((await t.post('/api/v1/telegram/login/link/poll', { poll_secret: login.secret })).body, {
      success: true,
      status: 'used',
    });
  });

  it('refuses a poll from another origin before it looks at the sign-in, which stays for the page', async () => {
    const login = await started();
    await login.decide('confirm');
    for (const origin of FOREIGN) {
      const refused = await poll(login.secret, { host: OWN.host, ...(origin ? { origin } : {}) });
      assert.equal(refused.status, 403, String(origin));
      assert.equal(refused.body.code, 'ORIGIN_NOT_ALLOWED');
      assert.equal(refused.headers['set-cookie'], undefined);
    }
    assert.equal((await poll(login.secret)).body.status, 'signed_in');
  });

  it('cancelled and expired are answered as they are; a secret that names nothing is TELEGRAM_LINK_UNKNOWN', async () => {
    const cancelled = await started();
    await cancelled.decide('cancel');
    assert.deepEqual((await poll(cancelled.secret)).body, { success: true, status: 'cancelled' });

    const late = await started();
    t.clock.advance(301_000);
    assert.deepEqual((await poll(late.secret)).body, { success: true, status: 'expired' });

    const unknown = await poll('x'.repeat(43));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'TELEGRAM_LINK_UNKNOWN');
    const invalid = await poll('', OWN);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.code, 'VALIDATION_ERROR');
  });

  it('a held poll answers as soon as the person confirms', async () => {
    const login = await started();
    const began = Date.now();
    const held = poll(login.secret, OWN, { wait: 10 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await login.decide('confirm');
    const answer = await held;
    assert.equal(answer.body.status, 'signed_in');
    assert.ok(Date.now() - began < 5000, 'answered on the confirmation, not at the end of its wait');
  });

  /** Start (the page's link), Telegram, the callback: the URL the browser is sent back to, and its jar. */
  async function toTelegramAndBack(returnTo: string | undefined, jar = new Jar()) {
    fake.signInAs(newOidcUser());
    const back = pageReturnUrl(t.config.tokens.issuer, returnTo);
    const startUrl = `${START}?${new URLSearchParams({ return_to: back })}`;
    const start = await t.inject({ method: 'GET', url: startUrl, headers: newAddress() });
    assert.equal(start.statusCode, 302, start.body);
    jar.keep(start.headers['set-cookie']);
    const atTelegram = await fetch(String(start.headers.location), { redirect: 'manual' });
    const callback = new URL(atTelegram.headers.get('location')!);
    const url = `${callback.pathname}${callback.search}`;
    const returned = await t.inject({ method: 'GET', url, headers: { ...jar.for(url), ...newAddress() } });
    assert.equal(returned.statusCode, 302, returned.body);
    const location = new URL(String(returned.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, `${t.config.tokens.issuer}/login/telegram`);
    return { jar, path: `${location.pathname}${location.search}`, code: location.searchParams.get('code') };
  }
  const finish = (path: string, headers: Record<string, string>) =>
    t.inject({ method: 'GET', url: path, headers: { ...headers, ...newAddress() } });

  it('Log In With Telegram comes back to /login/telegram, which signs in to the pages and goes to return_to', async () => {
    const { jar, path, code } = await toTelegramAndBack('/account?tab=orders');
    assert.ok(code);
    assert.equal(new URL(path, 'http://x').searchParams.get('return_to'), '/account?tab=orders');
    // The binding cookie was set for the callback and for this page's path.
    assert.equal(jar.names().filter((name) => name.endsWith(' /login/telegram')).length, 1);
    assert.equal(jar.names().filter((name) => name.endsWith(' /api/v1/telegram/oidc')).length, 1);
    const done = await finish(path, jar.for(path));
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(done.headers.location, '/account?tab=orders');
    jar.keep(done.headers['set-cookie']);
    // Signed in to the pages; the binding is dropped on both its paths; no token anywhere in the answer.
    assert.deepEqual(jar.names(), ['otpgate_session /']);
    assert.doesNotMatch(`${done.headers.location} ${done.body}`, /token|code=/i);
    const page = await t.inject({ method: 'GET', url: '/login?return_to=/x', headers: jar.for('/login') });
    assert.equal(page.statusCode, 303);

    // The code is spent.
    const again = await finish(path, jar.for(path));
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/login?return_to=%2Faccount%3Ftab%3Dorders&error=OIDC_STATE_INVALID');
  });

  it('a code brought by another browser signs nobody in there, and is left to its own browser', async () => {
    const { jar, path } = await toTelegramAndBack(undefined);
    const stolen = await finish(path, {});
    assert.equal(stolen.statusCode, 303);
    assert.equal(stolen.headers.location, '/login?error=OIDC_STATE_INVALID');
    assert.equal(stolen.headers['set-cookie'], undefined);
    const own = await finish(path, jar.for(path));
    assert.equal(own.statusCode, 303);
    // Without a return_to, the page itself, which then says the visitor is signed in.
    assert.equal(own.headers.location, '/login');
    jar.keep(own.headers['set-cookie']);
    const page = await t.inject({ method: 'GET', url: '/login', headers: jar.for('/login') });
    assert.match(page.body, /<form method="post" action="\/logout">/);
  });

  it("Telegram's refusal, an error of ours, and a return_to of another site come back to /login as codes", async () => {
    for (const [query, location] of [
      ['error=TELEGRAM_AUTH_INVALID&return_to=%2Fa', '/login?return_to=%2Fa&error=TELEGRAM_AUTH_INVALID'],
      ['error=TELEGRAM_UNAVAILABLE', '/login?error=TELEGRAM_UNAVAILABLE'],
      // Not a code of ours: said as a failed sign-in, never echoed.
      ['error=%3Cb%3Ehi', '/login?error=TELEGRAM_AUTH_INVALID'],
      ['return_to=%2F%2Fevil.example', '/login?error=OIDC_STATE_INVALID'],
      ['code=not-one&return_to=https%3A%2F%2Fevil.example', '/login?error=OIDC_STATE_INVALID'],
    ]) {
      const answer = await finish(`/login/telegram?${query}`, {});
      assert.equal(answer.statusCode, 303, query);
      assert.equal(answer.headers.location, location, query);
    }
    const tooLong = await finish(`/login/telegram?code=${'x'.repeat(300)}`, {});
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().code, 'VALIDATION_ERROR');
  });

  it('the start takes the page’s own return, written one way, for a sign-in only; other returns must be listed', async () => {
    const issuer = t.config.tokens.issuer;
    const user = await signIn(t);
    const refused = [
      `${issuer}/login/telegram?return_to=%2F%2Fevil.example`,
      `${issuer}/login/telegram?return_to=%2Fa&x=1`,
      `${issuer}/login/telegram?return_to=/a`,
      `${issuer}/login/telegram/`,
      `${issuer}/login/telegramx`,
      `https://evil.example/login/telegram`,
      `${issuer}/login`,
    ];
    for (const back of refused) {
      const answer = await t.inject({ method: 'GET', url: `${START}?${new URLSearchParams({ return_to: back })}` });
      assert.equal(answer.statusCode, 400, back);
      assert.equal(answer.json().code, 'VALIDATION_ERROR', back);
    }
    for (const back of [pageReturnUrl(issuer, undefined), pageReturnUrl(issuer, '/a?b=1'), LISTED]) {
      const answer = await t.inject({ method: 'GET', url: `${START}?${new URLSearchParams({ return_to: back })}` });
      assert.equal(answer.statusCode, 302, back);
    }
    // Linking needs the front end's Bearer token, which the page has not: its return is refused there.
    const link = await t.post(
      '/api/v1/telegram/link/oidc',
      { return_to: pageReturnUrl(issuer, undefined) },
      bearer(user.accessToken),
    );
    assert.equal(link.status, 400);
    assert.equal(link.body.code, 'VALIDATION_ERROR');
  });

  it('both page routes charge the per-address limit of every Telegram route (TELEGRAM_IP_HOURLY_LIMIT)', async () => {
    const address = newAddress();
    const login = await started(address);
    for (let i = 0; i < 2; i++) {
      const answer = await t.post(POLL, { poll_secret: login.secret }, { ...OWN, ...address });
      assert.equal(answer.body.status, 'pending');
    }
    const back = await t.inject({ method: 'GET', url: '/login/telegram?code=not-one', headers: address });
    assert.equal(back.headers.location, '/login?error=OIDC_STATE_INVALID');
    // The start, two polls and a return: the fifth request from this address is over the limit.
    const polled = await t.post(POLL, { poll_secret: login.secret }, { ...OWN, ...address });
    assert.equal(polled.status, 429);
    assert.equal(polled.body.code, 'RATE_LIMITED');
    const refused = await t.inject({ method: 'GET', url: '/login/telegram?code=not-one', headers: address });
    assert.equal(refused.headers.location, '/login?error=RATE_LIMITED');
  });

  it('/login offers each way in with Telegram it is configured for, and says an error it came back with', async () => {
    const page = (await t.inject({ method: 'GET', url: '/login?lang=en&return_to=/a&error=OIDC_STATE_INVALID' })).body;
    assert.match(page, /<p id="alert" class="alert" role="alert">The sign-in with Telegram expired/);
    assert.match(page, /<script src="\/assets\/telegram\.[0-9a-f]{12}\.js" defer><\/script>/);
    assert.match(page, /id="tg-bot"/);
    const start = /id="tg-login" class="button tg" href="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    assert.equal(
      start,
      `${t.config.tokens.issuer}${START}?${new URLSearchParams({ return_to: pageReturnUrl(t.config.tokens.issuer, '/a') })}`,
    );
    const unknown = (await t.inject({ method: 'GET', url: '/login?lang=en&error=NO_SUCH_CODE' })).body;
    assert.match(unknown, /role="alert">Something went wrong\. Please try again\.</);
    const notACode = (await t.inject({ method: 'GET', url: '/login?lang=en&error=%3Cscript%3E' })).body;
    assert.match(notACode, /role="alert"><\/p>/);
  });
});

forEachDatabase('the sign-in page without Telegram configured', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('offers no Telegram way in, and its routes answer TELEGRAM_NOT_CONFIGURED', async () => {
    const page = (await t.inject({ method: 'GET', url: '/login' })).body;
    assert.doesNotMatch(page, /id="telegram"|telegram\.[0-9a-f]{12}\.js/);
    const polled = await t.post(POLL, { poll_secret: 'x'.repeat(43) }, OWN);
    assert.equal(polled.status, 503);
    assert.equal(polled.body.code, 'TELEGRAM_NOT_CONFIGURED');
    const back = await t.inject({ method: 'GET', url: '/login/telegram?code=abc' });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/login?error=TELEGRAM_NOT_CONFIGURED');
  });
});

it('Telegram OpenID Connect needs no TELEGRAM_LOGIN_RETURN_URLS: the hosted page is a return of its own', () => {
  const config = loadConfig({ TELEGRAM_OIDC_CLIENT_ID: '1', TELEGRAM_OIDC_CLIENT_SECRET: 's' });
  assert.deepEqual(config.telegram.oidc?.returnUrls, []);
});
