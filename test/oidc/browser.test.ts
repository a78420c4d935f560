import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as openid from 'openid-client';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { OIDC_PAGE_TEXT } from '../../src/oidc/page-text.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { closeWatched, launchChromium, seriousViolations, watchedPage, type WatchedPage } from '../helpers/chromium.ts';
import { listenOnLoopback } from '../helpers/local-server.ts';
import {
  authorizationRequest,
  fetchTransport,
  freePort,
  redeem,
  registerClient,
  tokenRequest,
  type RelyingParty,
} from '../helpers/oidc-rp.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);
const WAIT = { timeout: 20_000 };
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

/** `+98912...` as someone in Iran types it. */
const typedNationally = (e164: string) => `0${e164.slice(3)}`;

describe('the OpenID Connect provider in Chromium, for a relying party on another site', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let rpBase: string;
  let closeRp: () => Promise<void>;
  let first: RelyingParty;
  let partner: RelyingParty;
  let open: WatchedPage | undefined;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    // The app is told its public URL before it listens: the provider's redirects and `iss` name it.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(sqlite, { env: { PUBLIC_URL: base, OTP_IP_HOURLY_LIMIT: '1000' } });
    await t.app.listen({ port, host: '127.0.0.1' });
    // The relying party: a page on `localhost`, another site than 127.0.0.1, as a shop's site would be.
    const rp = await listenOnLoopback(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><html lang="en"><title>Shop</title><p>back at the shop</p></html>');
      }),
    );
    rpBase = `http://localhost:${rp.port}`;
    closeRp = rp.close;
    const uris = { redirectUri: `${rpBase}/callback`, postLogoutRedirectUri: `${rpBase}/signed-out` };
    first = await registerClient(t, { firstParty: true, ...uris });
    partner = await registerClient(t, { firstParty: false, ...uris });
  });
  after(async () => {
    await browser?.close();
    await closeRp?.();
    await t?.close();
  });
  afterEach(async () => {
    const last = open;
    open = undefined;
    await closeWatched(last);
  });

  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    open = await watchedPage(browser, options);
    return open.page;
  }
  const shoot = (page: Page, name: string) => page.screenshot({ path: new URL(name, SCREENSHOTS).pathname });

  /** Signs in on /login, where the provider sent the browser; /login then goes back to the step. */
  async function signInAtLogin(page: Page, phone: string, text = LOGIN_TEXT.fa) {
    await page.waitForURL(/\/login\?return_to=%2Foidc%2Finteraction%2F/, WAIT);
    await page.getByLabel(text.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: text.sendCode }).click();
    await page.getByLabel(text.codeLabel).waitFor(WAIT);
    const code = t.sink.lastCode(phone);
    assert.ok(code, `no SMS to ${phone}`);
    await page.getByLabel(text.codeLabel).fill(code);
    await page.getByRole('button', { name: text.verify, exact: true }).click();
  }

  /** The query the relying party got back at its redirect URI. */
  async function backAtClient(page: Page, path = '/callback'): Promise<Record<string, string>> {
    await page.waitForURL((url) => url.origin === rpBase && url.pathname === path, WAIT);
    return Object.fromEntries(new URL(page.url()).searchParams);
  }

  const userIdOf = async (phone: string) =>
    (await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).executeTakeFirstOrThrow())
      .id;

  it('signs in through /login, and the client verifies the ID token, reads userinfo, refreshes and signs out', async () => {
    const http = fetchTransport(base);
    const page = await newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    const phone = freshPhone();
    const request = authorizationRequest(first, 'openid phone');
    await page.goto(`${base}${request.url}`);
    await signInAtLogin(page, phone);
    const callback = await backAtClient(page);
    assert.equal(callback.state, request.state);
    assert.equal(callback.iss, base);

    const tokens = await redeem(http, base, first, callback.code!, request.verifier);
    assert.equal(tokens.status, 200, tokens.body);
    const { id_token: idToken, access_token: accessToken, refresh_token: refreshToken } = tokens.json();
    const discovery = await (await fetch(`${base}/.well-known/openid-configuration`)).json();
    const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer,
      audience: first.clientId,
      algorithms: ['ES256'],
    });
    assert.equal(payload.sub, await userIdOf(phone));
    assert.equal(payload.nonce, request.nonce);
    assert.equal(payload.phone_number, phone);
    assert.equal(payload.phone_number_verified, true);
    const info = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.deepEqual(await info.json(), { sub: payload.sub, phone_number: phone, phone_number_verified: true });
    const refreshed = await tokenRequest(http, base, first, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    assert.equal(refreshed.status, 200, refreshed.body);

    // A second sign-in in the same browser goes straight back: no /login.
    visited.length = 0;
    const again = authorizationRequest(first, 'openid');
    await page.goto(`${base}${again.url}`);
    const second = await backAtClient(page);
    assert.equal(second.state, again.state);
    assert.ok(!visited.some((url) => url.includes('/login')), visited.join('\n'));

    // Signing out from the client: the question, then back to its registered page with its state.
    const end = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: first.postLogoutRedirectUri,
      state: 'bye',
    });
    await page.goto(`${base}/oidc/session/end?${end}`);
    await page.getByRole('button', { name: OIDC_PAGE_TEXT.fa.logoutYes }).waitFor(WAIT);
    await shoot(page, 'oidc-logout-fa.png');
    await page.getByRole('button', { name: OIDC_PAGE_TEXT.fa.logoutYes }).click();
    assert.equal((await backAtClient(page, '/signed-out')).state, 'bye');
    const cookies = (await open!.context.cookies(base)).map((cookie) => cookie.name);
    assert.ok(!cookies.includes('otpgate_session'), `signed out of the pages too: ${cookies.join(' ')}`);
    assert.ok(!cookies.includes('otpgate_oidc'), cookies.join(' '));
    // Signed out everywhere: the next sign-in asks for a code again.
    await page.goto(`${base}${authorizationRequest(first).url}`);
    await page.waitForURL(/\/login\?return_to=/, WAIT);
  });

  it('a partner’s client shows the consent page; Allow goes back with a code, Deny with access_denied', async () => {
    const page = await newPage();
    const phone = freshPhone();
    const request = authorizationRequest(partner, 'openid phone');
    await page.goto(`${base}${request.url}`);
    await signInAtLogin(page, phone);
    const text = OIDC_PAGE_TEXT.fa;
    await page.getByRole('heading', { name: text.consentTitle }).waitFor(WAIT);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const body = await page.locator('main').innerText();
    assert.match(body, /Partner app/);
    assert.match(body, new RegExp(text.scopes.phone));
    await page.evaluate(() => document.fonts.ready);
    await shoot(page, 'oidc-consent-fa.png');
    // By keyboard: the focus moves through the language link to Allow.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), text.allow);
    await page.keyboard.press('Enter');
    const allowed = await backAtClient(page);
    assert.ok(allowed.code, JSON.stringify(allowed));
    assert.equal(allowed.state, request.state);

    // Asked again (prompt=consent), in English this time, and denied.
    const denied = authorizationRequest(partner, 'openid phone', { prompt: 'consent' });
    await page.goto(`${base}${denied.url}`);
    await page.getByRole('heading', { name: text.consentTitle }).waitFor(WAIT);
    await page.getByRole('link', { name: text.otherLanguage }).click();
    await page.getByRole('heading', { name: OIDC_PAGE_TEXT.en.consentTitle }).waitFor(WAIT);
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    await shoot(page, 'oidc-consent-en.png');
    await page.getByRole('button', { name: OIDC_PAGE_TEXT.en.deny }).click();
    const refused = await backAtClient(page);
    assert.equal(refused.error, 'access_denied');
    assert.equal(refused.state, denied.state);
    assert.equal(refused.code, undefined);
  });

  it('the shop’s own client is not asked for consent', async () => {
    const page = await newPage();
    await page.goto(`${base}${authorizationRequest(first).url}`);
    await signInAtLogin(page, freshPhone());
    assert.ok((await backAtClient(page)).code);
  });

  it('a consent form posted from another site is refused', async () => {
    const page = await newPage();
    await page.goto(`${base}${authorizationRequest(partner).url}`);
    await signInAtLogin(page, freshPhone());
    await page.getByRole('heading', { name: OIDC_PAGE_TEXT.fa.consentTitle }).waitFor(WAIT);
    const action = await page.locator('form').getAttribute('action');
    // The browser's cookies, but the Origin of the client's site: as a forged form would send it.
    const forged = await page.request.post(`${base}${action}`, {
      form: { decision: 'allow' },
      headers: { origin: rpBase },
      maxRedirects: 0,
    });
    assert.equal(forged.status(), 403);
    assert.equal((await forged.json()).code, 'ORIGIN_NOT_ALLOWED');
  });

  it('a relying party built on openid-client signs a customer in through /login and gets a valid ID token', async () => {
    // The library as a shop's backend uses it: discovery, PKCE, state and nonce, the code grant (it checks the
    // ID token's iss, aud, nonce and expiry), userinfo, a refresh and the end-session URL. Plain http is this
    // test's loopback only.
    const insecure = { execute: [openid.allowInsecureRequests] };
    const config = await openid.discovery(new URL(base), first.clientId, first.secret!, undefined, insecure);
    const verifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const url = openid.buildAuthorizationUrl(config, {
      redirect_uri: first.redirectUri,
      scope: 'openid phone',
      code_challenge: await openid.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const page = await newPage();
    const phone = freshPhone();
    await page.goto(url.href);
    await signInAtLogin(page, phone);
    await backAtClient(page);

    const tokens = await openid.authorizationCodeGrant(config, new URL(page.url()), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const claims = tokens.claims()!;
    assert.equal(claims.iss, base);
    assert.equal(claims.aud, first.clientId);
    assert.equal(claims.sub, await userIdOf(phone));
    assert.equal(claims.phone_number, phone);
    assert.equal(claims.phone_number_verified, true);
    // The signature too, against the service's published keys, as a backend that keeps the token would.
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { protectedHeader } = await jwtVerify(tokens.id_token!, jwks, { issuer: base, audience: first.clientId });
    assert.equal(protectedHeader.alg, 'ES256');

    const info = await openid.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.phone_number, phone);
    const refreshed = await openid.refreshTokenGrant(config, tokens.refresh_token!);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    const end = openid.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: first.postLogoutRedirectUri,
    });
    assert.equal(`${end.origin}${end.pathname}`, `${base}/oidc/session/end`);
  });

  it('the error page and the signed-out page load under the pages’ policy, with nothing refused', async () => {
    const page = await newPage();
    const error = await page.goto(`${base}/oidc/auth?client_id=nobody&response_type=code&scope=openid`);
    assert.equal(error?.status(), 400);
    await page.getByRole('heading', { name: OIDC_PAGE_TEXT.fa.errorTitle }).waitFor(WAIT);
    await page.goto(`${base}/oidc/session/end/success`);
    await page.getByRole('heading', { name: OIDC_PAGE_TEXT.fa.loggedOutTitle }).waitFor(WAIT);
    await page.evaluate(() => document.fonts.ready);
  });

  for (const locale of ['fa', 'en'] as const) {
    it(`axe finds nothing serious or critical on the sign-out, signed-out and error pages (${locale})`, async () => {
      const text = OIDC_PAGE_TEXT[locale];
      const page = await newPage({ bypassCSP: true });
      // The provider's own pages follow the language the visitor chose on the hosted pages.
      await page.goto(`${base}/login?lang=${locale}`);
      await page.goto(`${base}/oidc/auth?client_id=nobody&response_type=code&scope=openid`);
      await page.getByRole('heading', { name: text.errorTitle }).waitFor(WAIT);
      await page.evaluate(() => document.fonts.ready);
      await shoot(page, `oidc-error-${locale}.png`);
      assert.deepEqual(await seriousViolations(page), [], 'error page');

      await page.goto(`${base}${authorizationRequest(first).url}`);
      await signInAtLogin(page, freshPhone(), LOGIN_TEXT[locale]);
      await backAtClient(page);
      await page.goto(`${base}/oidc/session/end`);
      await page.getByRole('button', { name: text.logoutYes }).waitFor(WAIT);
      await page.evaluate(() => document.fonts.ready);
      if (locale === 'en') await shoot(page, 'oidc-logout-en.png');
      assert.deepEqual(await seriousViolations(page), [], 'sign-out question');
      await page.getByRole('button', { name: text.logoutYes }).click();
      await page.getByRole('heading', { name: text.loggedOutTitle }).waitFor(WAIT);
      await page.evaluate(() => document.fonts.ready);
      await shoot(page, `oidc-signed-out-${locale}.png`);
      assert.deepEqual(await seriousViolations(page), [], 'signed-out page');
    });
  }

  for (const locale of ['fa', 'en'] as const) {
    it(`axe finds nothing serious or critical on the consent page (${locale})`, async () => {
      // axe is injected as a script of its own, which the page's policy rightly refuses: bypassed here only.
      const page = await newPage({ bypassCSP: true });
      await page.goto(`${base}/login?lang=${locale}`);
      await page.goto(`${base}${authorizationRequest(partner).url}`);
      await signInAtLogin(page, freshPhone(), LOGIN_TEXT[locale]);
      await page.getByRole('heading', { name: OIDC_PAGE_TEXT[locale].consentTitle }).waitFor(WAIT);
      assert.deepEqual(await seriousViolations(page), []);
    });
  }
});
