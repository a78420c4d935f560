import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeTelegramOidc, TELEGRAM_USER, type FakeTelegramOidc } from '../helpers/fake-telegram-oidc.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { newKey } from '../helpers/api-keys.ts';

const RETURN_TO = 'https://shop.example.com/login/done';
const START = '/api/v1/telegram/oidc/start';
const EXCHANGE = '/api/v1/telegram/oidc/exchange';

let nextUser = 0;
/** A Telegram user no other test signed in, with a number of their own. */
function freshTelegramUser() {
  nextUser += 1;
  const suffix = String(process.pid % 1000).padStart(3, '0') + String(nextUser).padStart(4, '0');
  return { ...TELEGRAM_USER, id: 880_000_000 + nextUser, sub: `sub-${nextUser}`, phoneNumber: `98913${suffix}` };
}

/** The browser's side: a cookie jar, and redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  get cookie(): Record<string, string> {
    const jar = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return jar ? { cookie: jar } : {};
  }

  keep(setCookie: unknown) {
    for (const line of [setCookie ?? []].flat() as string[]) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string) {
    const res = await this.t.inject({ method: 'GET', url, headers: this.cookie });
    this.keep(res.headers['set-cookie']);
    return res;
  }

  async post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await this.t.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: { ...this.cookie, ...headers },
    });
    this.keep(res.headers['set-cookie']);
    let json: any = null;
    try {
      json = res.json();
    } catch {}
    return { status: res.statusCode, body: json };
  }

  /** Start, then Telegram's page (the fake signs the user in at once): the callback URL it sends us back to. */
  async startAndConsent(fake: FakeTelegramOidc, returnTo = RETURN_TO): Promise<string> {
    const started = await this.get(`${START}?return_to=${encodeURIComponent(returnTo)}`);
    assert.equal(started.statusCode, 302, started.body);
    return consent(fake, started.headers.location as string);
  }
}

async function consent(fake: FakeTelegramOidc, authorizationUrl: string): Promise<string> {
  assert.ok(authorizationUrl.startsWith(fake.issuer), authorizationUrl);
  const atTelegram = await fetch(authorizationUrl, { redirect: 'manual' });
  assert.equal(atTelegram.status, 302);
  const back = new URL(atTelegram.headers.get('location')!);
  return `${back.pathname}${back.search}`;
}

/** The callback's redirect, checked to go to return_to; its query. */
function returned(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  assert.equal(res.statusCode, 302, res.body);
  const location = new URL(res.headers.location as string);
  assert.equal(`${location.origin}${location.pathname}`, RETURN_TO);
  assert.ok(!/token/i.test(location.search), `no token in the URL: ${location.search}`);
  return location.searchParams;
}

forEachDatabase('signing in with Telegram OpenID Connect', (backend) => {
  let fake: FakeTelegramOidc;
  let t: TestApp;
  before(async () => {
    fake = await startFakeTelegramOidc({ clientId: '123456', clientSecret: 'web-login-secret' });
    t = await startTestApp(backend, {
      env: {
        TELEGRAM_OIDC_CLIENT_ID: '123456',
        TELEGRAM_OIDC_CLIENT_SECRET: 'web-login-secret',
        TELEGRAM_OIDC_ISSUER: fake.issuer,
        TELEGRAM_OIDC_TIMEOUT_MS: '800',
        TELEGRAM_LOGIN_RETURN_URLS: `${RETURN_TO},https://shop.example.com/other`,
      },
    });
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  it('joins the account that signed in by SMS with the same number: one user with both', async () => {
    const person = freshTelegramUser();
    fake.signInAs(person);
    const bySms = await signIn(t, `+${person.phoneNumber}`);

    const browser = new Browser(t);
    const callback = await browser.startAndConsent(fake);
    const auth = fake.authRequests.at(-1)!;
    assert.equal(auth.get('code_challenge_method'), 'S256');
    assert.equal(auth.get('scope'), 'openid profile phone');
    const query = returned(await browser.get(callback));
    const exchanged = await browser.post(EXCHANGE, { code: query.get('code') });
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    assert.equal(exchanged.body.user.id, bySms.userId);
    assert.equal(exchanged.body.user.is_new, false);
    assert.deepEqual(decodeJwt(exchanged.body.access_token).amr, ['telegram']);

    // The number's holder hears of it: a number can change hands, and a Telegram account keeps its old one.
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
    const notices = t.sink.messagesTo(bySms.phone).filter((m) => m.message?.template === 'telegram_linked');
    assert.equal(notices.length, 1);
    assert.match(notices[0]!.message!.text, new RegExp(`@${person.username}`));

    const me = await t.get('/api/v1/auth/me', bearer(exchanged.body.access_token));
    assert.equal(me.body.user.phone_number, bySms.phone);
    assert.equal(me.body.user.telegram.id, String(person.id));
    assert.equal(me.body.user.telegram.username, person.username);
  });

  it('sends a number at most three join notices an hour, however often the account is joined', async () => {
    const person = freshTelegramUser();
    fake.signInAs(person);
    const bySms = await signIn(t, `+${person.phoneNumber}`);
    for (let round = 0; round < 5; round += 1) {
      const browser = new Browser(t);
      const code = returned(await browser.get(await browser.startAndConsent(fake))).get('code');
      const joined = await browser.post(EXCHANGE, { code });
      assert.equal(joined.body.user.id, bySms.userId);
      const unlinked = await t.inject({
        method: 'DELETE',
        url: '/api/v1/telegram/link',
        headers: bearer(joined.body.access_token),
      });
      assert.equal(unlinked.statusCode, 200);
    }
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
    const notices = t.sink.messagesTo(bySms.phone).filter((m) => m.message?.template === 'telegram_linked');
    assert.equal(notices.length, 3);
  });

  it('gives a new user the number Telegram verified, and answers the code once', async () => {
    const person = freshTelegramUser();
    fake.signInAs(person);
    const browser = new Browser(t);
    const query = returned(await browser.get(await browser.startAndConsent(fake)));
    const code = query.get('code')!;
    const binding = [...browser.cookies.keys()];
    // Sent to another browser (a link in a message, a page that posts it), the code signs nobody in there.
    const elsewhere = new Browser(t);
    assert.equal((await elsewhere.post(EXCHANGE, { code })).body.code, 'OIDC_STATE_INVALID');
    const planted = new Browser(t);
    for (const name of binding) planted.cookies.set(name, 'A'.repeat(43));
    assert.equal((await planted.post(EXCHANGE, { code })).body.code, 'OIDC_STATE_INVALID');
    const exchanged = await browser.post(EXCHANGE, { code });
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    assert.equal(exchanged.body.user.is_new, true);
    assert.equal(exchanged.body.user.phone_number, `+${person.phoneNumber}`);
    assert.equal(browser.cookies.size, 0, 'the binding cookie is cleared once used');
    for (const name of binding) browser.cookies.set(name, planted.cookies.get(name)!);
    const again = await browser.post(EXCHANGE, { code });
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'OIDC_STATE_INVALID');
  });

  it('refuses a return_to that is not listed before anything happens', async () => {
    const before = fake.hits.discovery + fake.hits.auth;
    const states = await t.database.db.selectFrom('telegram_oidc_states').select('state_hash').execute();
    for (const returnTo of ['https://evil.example/', `${RETURN_TO}?x=1`, `${RETURN_TO}/`, '//evil.example']) {
      const res = await new Browser(t).get(`${START}?return_to=${encodeURIComponent(returnTo)}`);
      assert.equal(res.statusCode, 400, returnTo);
      assert.equal(res.json().code, 'VALIDATION_ERROR');
      assert.equal(res.headers.location, undefined);
    }
    assert.equal(fake.hits.discovery + fake.hits.auth, before);
    assert.equal(
      (await t.database.db.selectFrom('telegram_oidc_states').select('state_hash').execute()).length,
      states.length,
    );
  });

  it('refuses a state used twice, from another browser, or with no browser cookie', async () => {
    fake.signInAs(freshTelegramUser());
    const browser = new Browser(t);
    const callback = await browser.startAndConsent(fake);
    const stranger = new Browser(t);
    for (const name of browser.cookies.keys()) stranger.cookies.set(name, 'A'.repeat(43));
    assert.equal((await stranger.get(callback)).json().code, 'OIDC_STATE_INVALID');
    assert.equal((await new Browser(t).get(callback)).json().code, 'OIDC_STATE_INVALID');
    returned(await browser.get(callback));
    const replayed = await browser.get(callback);
    assert.equal(replayed.statusCode, 400);
    assert.equal(replayed.json().code, 'OIDC_STATE_INVALID');
  });

  it('sends the browser back with an error when the id_token does not hold or Telegram hangs', async () => {
    fake.signInAs(freshTelegramUser());
    for (const claims of [{ aud: 'another-bot' }, { iss: 'https://evil.example' }, { exp: 1_000 }]) {
      fake.tamper({ claims });
      const browser = new Browser(t);
      const query = returned(await browser.get(await browser.startAndConsent(fake)));
      assert.equal(query.get('error'), 'TELEGRAM_AUTH_INVALID', JSON.stringify(claims));
      assert.equal(query.get('code'), null);
    }
    fake.tamper(null);
    const browser = new Browser(t);
    const callback = await browser.startAndConsent(fake);
    fake.misbehave('token', 'hang');
    try {
      const began = Date.now();
      const query = returned(await browser.get(callback));
      assert.equal(query.get('error'), 'TELEGRAM_UNAVAILABLE');
      assert.ok(Date.now() - began < 3000);
    } finally {
      fake.misbehave('token', null);
    }
  });

  it('says in health that OpenID Connect is on, and never its secret', async () => {
    const health = await t.get('/api/v1/otp/health');
    assert.deepEqual(health.body.telegram.oidc, { configured: true });
    assert.equal(health.body.telegram.widget.configured, false);
    assert.ok(!JSON.stringify(health.body).includes('web-login-secret'));
  });

  it("leaves nothing of a blocked user's refused sign-in, and proves the number of an account made unproved", async () => {
    const person = freshTelegramUser();
    fake.signInAs(person);
    const phone = `+${person.phoneNumber}`;
    const admin = bearer((await newKey(t, ['users:read', 'users:write'])).secret);
    const made = await t.post('/api/v1/admin/users', { phone_number: phone, external_id: `shop-${person.id}` }, admin);
    assert.equal(made.body.user.phone_verified, false);
    const userId = made.body.user.id;
    await t.post(`/api/v1/admin/users/${userId}/block`, {}, admin);

    const browser = new Browser(t);
    const code = returned(await browser.get(await browser.startAndConsent(fake))).get('code');
    const refused = await browser.post(EXCHANGE, { code });
    assert.equal(refused.body.code, 'USER_BLOCKED');
    const linked = await t.database.db
      .selectFrom('telegram_users')
      .select('user_id')
      .where('telegram_id', '=', String(person.id))
      .execute();
    assert.deepEqual(linked, [], 'a refused sign-in links nothing');

    await t.post(`/api/v1/admin/users/${userId}/unblock`, {}, admin);
    const again = new Browser(t);
    const signedIn = await again.post(EXCHANGE, {
      code: returned(await again.get(await again.startAndConsent(fake))).get('code'),
    });
    assert.equal(signedIn.body.user.id, userId);
    assert.equal((await t.get(`/api/v1/admin/users/${userId}`, admin)).body.user.phone_verified, true);
  });

  it('expires the one-time code after a minute', async () => {
    fake.signInAs(freshTelegramUser());
    const browser = new Browser(t);
    const query = returned(await browser.get(await browser.startAndConsent(fake)));
    t.clock.advance(61_000);
    const late = await browser.post(EXCHANGE, { code: query.get('code') });
    assert.equal(late.body.code, 'OIDC_STATE_INVALID');
  });

  it('links Telegram to the user who started, and to nobody else', async () => {
    const person = freshTelegramUser();
    fake.signInAs({ ...person, phoneNumber: '' });
    const user = await signIn(t);
    const other = await signIn(t);
    const browser = new Browser(t);
    const linkStart = async () => {
      const started = await browser.post(
        '/api/v1/telegram/link/oidc',
        { return_to: RETURN_TO },
        bearer(user.accessToken),
      );
      assert.equal(started.status, 200, JSON.stringify(started.body));
      return returned(await browser.get(await consent(fake, started.body.authorization_url))).get('code')!;
    };
    const code = await linkStart();
    const refused = await browser.post(EXCHANGE, { code }, bearer(other.accessToken));
    assert.equal(refused.body.code, 'OIDC_STATE_INVALID');
    const unsigned = await browser.post(EXCHANGE, { code });
    assert.equal(unsigned.body.code, 'UNAUTHORIZED');
    // Neither spent the code: its user still finishes the link with it.
    const linked = await browser.post(EXCHANGE, { code }, bearer(user.accessToken));
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(linked.body.telegram.id, String(person.id));
    const me = await t.get('/api/v1/auth/me', bearer(user.accessToken));
    assert.equal(me.body.user.telegram.id, String(person.id));
  });
});
