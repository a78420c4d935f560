import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page, Response, Route } from 'playwright-core';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { closeWatched, launchChromium, seriousViolations, watchedPage, type WatchedPage } from '../helpers/chromium.ts';
import {
  callbackUpdate,
  person,
  startFakeBotApi,
  textUpdate,
  type BotUser,
  type FakeBotApi,
} from '../helpers/fake-telegram-bot-api.ts';
import { startFakeTelegramOidc, TELEGRAM_USER, type FakeTelegramOidc } from '../helpers/fake-telegram-oidc.ts';
import { webhookBot, webhookBotEnv, type TestBot } from '../helpers/telegram-bot.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);
const WAIT = { timeout: 20_000 };
const { fa, en } = LOGIN_TEXT;
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const POLL = '/login/telegram/poll';

// The page does not depend on the store (the services under it run on both in their own tests): SQLite only.
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

/** A free loopback port: PUBLIC_URL must name the address the browser uses, before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let telegramIds = 8_300_000_000;
const newPerson = (): BotUser => person((telegramIds += 1), { first_name: 'Sara' });
let oidcUsers = 0;
const newOidcUser = () => {
  oidcUsers += 1;
  const suffix = String(process.pid % 1000).padStart(3, '0') + String(oidcUsers).padStart(4, '0');
  return { ...TELEGRAM_USER, id: 883_000_000 + oidcUsers, sub: `page-sub-${oidcUsers}`, phoneNumber: `98914${suffix}` };
};

describe('signing in with Telegram on the hosted sign-in page, in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let bot: TestBot;
  let botApi: FakeBotApi;
  let oidc: FakeTelegramOidc;
  let base: string;
  let open: WatchedPage | undefined;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    botApi = await startFakeBotApi();
    oidc = await startFakeTelegramOidc({ clientId: '123456', clientSecret: 'web-login-secret' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(sqlite, {
      env: {
        PUBLIC_URL: base,
        ...webhookBotEnv(botApi),
        TELEGRAM_BOT_USERNAME: 'shop_login_bot',
        TELEGRAM_SHOP_NAME: 'Ketab Shop',
        TELEGRAM_OIDC_CLIENT_ID: '123456',
        TELEGRAM_OIDC_CLIENT_SECRET: 'web-login-secret',
        TELEGRAM_OIDC_ISSUER: oidc.issuer,
        // No list: the hosted page is a return of its own.
      },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    bot = webhookBot(t, botApi);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await botApi?.close();
    await oidc?.close();
  });
  afterEach(async () => {
    const last = open;
    open = undefined;
    await closeWatched(last);
  });

  async function login(query: string, options: BrowserContextOptions = PHONE): Promise<Page> {
    open = await watchedPage(browser, options);
    const answer = await open.page.goto(`${base}/login${query}`);
    assert.equal(answer?.status(), 200);
    await open.page.locator('#telegram').waitFor(WAIT);
    await open.page.evaluate(() => document.fonts.ready);
    return open.page;
  }
  const shoot = (page: Page, name: string) => page.screenshot({ path: new URL(name, SCREENSHOTS).pathname });

  /** Every answer of the page's poll, to look for a token where none may be. */
  function pollAnswers(page: Page): string[] {
    const bodies: string[] = [];
    page.on('response', (answer: Response) => {
      if (answer.url().endsWith(POLL))
        void answer.text().then(
          (body) => bodies.push(body),
          () => undefined,
        );
    });
    return bodies;
  }

  /** The t.me link the page shows (on a phone the button, on a computer the link under the QR code). */
  async function shownLink(page: Page, selector: string): Promise<string> {
    const href = await page.locator(selector).getAttribute('href');
    assert.match(String(href), /^https:\/\/t\.me\/shop_login_bot\?start=login_[\w-]+$/);
    return href!;
  }

  /** The person opens the link in Telegram and taps a button of the bot's message. */
  async function inTelegram(who: BotUser, link: string, button: 0 | 1): Promise<void> {
    await bot.handle(textUpdate(who, `/start ${new URL(link).searchParams.get('start')}`));
    const message = bot.lastIn(who.id)!;
    const data = message.replyMarkup?.inline_keyboard?.[0]?.[button]?.callback_data;
    assert.ok(data, JSON.stringify(message));
    await bot.handle(callbackUpdate(who, data, { message_id: message.messageId }));
  }

  const sessionCookie = async () => (await open!.context.cookies()).find((cookie) => cookie.name === 'otpgate_session');

  it('on a computer: the QR code, confirmed in Telegram, signs in to the pages, and no token reaches the page (en)', async () => {
    const page = await login('?lang=en', DESKTOP);
    const answers = pollAnswers(page);
    await shoot(page, 'login-telegram-en-desktop.png');
    await page.getByRole('button', { name: en.telegramBot }).click();
    const qr = page.getByRole('img', { name: en.telegramQrAlt });
    await qr.waitFor(WAIT);
    // The server's SVG as an image, drawn (not parsed into the page): it has a size, and the page no <svg>.
    assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    assert.match(String(await qr.getAttribute('src')), /^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    assert.equal(await page.locator('svg').count(), 0);
    assert.ok(await page.locator('#tg-open').isHidden(), 'no big button on a computer');
    assert.ok(await page.locator('#phone-step').isHidden(), 'one way in at a time');
    assert.equal(await page.locator('#tg-say').textContent(), en.telegramScan);
    await shoot(page, 'login-telegram-en-desktop-qr.png');

    await inTelegram(newPerson(), await shownLink(page, '#tg-open-here'), 0);
    await page.locator('#done-text', { hasText: en.signedIn }).waitFor(WAIT);
    await shoot(page, 'login-telegram-en-desktop-done.png');
    const cookie = await sessionCookie();
    assert.ok(cookie?.httpOnly && cookie.path === '/', JSON.stringify(cookie));
    // The answer's body is read on its own time: waited for, not assumed.
    for (let i = 0; i < 100 && !answers.some((body) => body.includes('signed_in')); i++) await page.waitForTimeout(50);
    assert.deepEqual(
      answers.filter((body) => /token/i.test(body)),
      [],
      'no token reaches the page',
    );
    assert.ok(
      answers.some((body) => JSON.parse(body).status === 'signed_in'),
      answers.join(),
    );
  });

  it('on a phone: a button opens Telegram; Cancel there is said on the page, and a new code can be had (fa)', async () => {
    const page = await login('?lang=fa');
    await shoot(page, 'login-telegram-fa-phone.png');
    await page.getByRole('button', { name: fa.telegramBot }).click();
    const button = page.getByRole('link', { name: fa.telegramOpen });
    await button.waitFor(WAIT);
    assert.equal(await button.getAttribute('target'), '_blank');
    assert.ok(await page.locator('#tg-qr').isHidden(), 'a phone cannot scan its own screen');
    assert.equal(await page.locator('#tg-say').textContent(), fa.telegramTap);
    await shoot(page, 'login-telegram-fa-phone-open.png');
    const first = await shownLink(page, '#tg-open');

    await inTelegram(newPerson(), first, 1);
    await page.locator('#tg-say', { hasText: fa.telegramCancelled }).waitFor(WAIT);
    assert.ok(await button.isHidden());
    await shoot(page, 'login-telegram-fa-phone-cancelled.png');
    assert.equal(await sessionCookie(), undefined);

    await page.getByRole('button', { name: fa.telegramNewCode }).click();
    await button.waitFor(WAIT);
    assert.notEqual(await shownLink(page, '#tg-open'), first);
    // Cancel on the page: the first step is back.
    await page.getByRole('button', { name: fa.telegramBack }).click();
    await page.getByLabel(fa.phoneLabel).waitFor(WAIT);
    assert.ok(await page.locator('#tg-link').isHidden());
  });

  it('a code not confirmed in time is said to have expired, and a new one signs in (en, phone)', async () => {
    const page = await login('?lang=en&return_to=/livez');
    // The first poll is held in the browser until the link has expired on the server's clock.
    let release: (() => Promise<void>) | undefined;
    const held = new Promise<void>((resolve) => {
      void page.route(`**${POLL}`, (route: Route) => {
        release = async () => {
          await route.continue();
          await page.unroute(`**${POLL}`);
        };
        resolve();
      });
    });
    await page.getByRole('button', { name: en.telegramBot }).click();
    await held;
    t.clock.advance(301_000);
    await release!();
    await page.locator('#tg-say', { hasText: en.telegramExpired }).waitFor(WAIT);
    await shoot(page, 'login-telegram-en-phone-expired.png');
    assert.ok(await page.locator('#tg-open').isHidden());

    await page.getByRole('button', { name: en.telegramNewCode }).click();
    await page.getByRole('link', { name: en.telegramOpen }).waitFor(WAIT);
    await inTelegram(newPerson(), await shownLink(page, '#tg-open'), 0);
    await page.waitForURL(`${base}/livez`, WAIT);
    assert.ok(await sessionCookie());
  });

  it('Log In With Telegram goes to Telegram and back, and ends signed in with nothing secret in the URL (fa)', async () => {
    oidc.signInAs(newOidcUser());
    const page = await login('?lang=fa&return_to=/livez', DESKTOP);
    await shoot(page, 'login-telegram-fa-desktop.png');
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.getByRole('link', { name: fa.telegramLogin }).click();
    await page.waitForURL(`${base}/livez`, WAIT);
    assert.equal(oidc.authRequests.length > 0, true);
    const cookies = await open!.context.cookies();
    assert.ok(cookies.find((cookie) => cookie.name === 'otpgate_session')?.httpOnly, JSON.stringify(cookies));
    // The sign-in's binding cookies are spent and dropped, on both their paths.
    assert.deepEqual(
      cookies.filter((cookie) => cookie.name.startsWith('otpgate_tg_')),
      [],
    );
    assert.equal(page.url(), `${base}/livez`);
    assert.doesNotMatch(visited.join(' '), /token/i);
    // Back at /login, the page says it is signed in.
    await page.goto(`${base}/login`);
    await page.locator('.done', { hasText: fa.alreadySignedIn }).waitFor(WAIT);
    await shoot(page, 'login-telegram-fa-signed-in.png');
  });

  it('Log In With Telegram that Telegram fails comes back to the page with its sentence (en)', async () => {
    oidc.signInAs(newOidcUser());
    oidc.misbehave('token', 'http-500');
    try {
      const page = await login('?lang=en&return_to=/livez');
      await page.getByRole('link', { name: en.telegramLogin }).click();
      await page.waitForURL(/\/login\?/, WAIT);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('return_to'), '/livez');
      assert.equal(url.searchParams.get('error'), 'TELEGRAM_UNAVAILABLE');
      await page.getByRole('alert').filter({ hasText: en.errors.TELEGRAM_UNAVAILABLE! }).waitFor(WAIT);
      await shoot(page, 'login-telegram-en-phone-error.png');
      assert.equal(await sessionCookie(), undefined);
    } finally {
      oidc.misbehave('token', null);
    }
  });

  for (const [locale, text] of [
    ['fa', fa],
    ['en', en],
  ] as const) {
    it(`axe finds nothing serious or critical with the Telegram ways in shown (${locale})`, async () => {
      // axe is injected as a script of its own, which the page's policy rightly refuses: bypassed here only.
      for (const size of [PHONE, DESKTOP]) {
        const page = await login(`?lang=${locale}`, { ...size, bypassCSP: true });
        assert.deepEqual(await seriousViolations(page), [], 'first step');
        await page.getByRole('button', { name: text.telegramBot }).click();
        await page.locator('#tg-say', { hasText: /./ }).waitFor(WAIT);
        assert.deepEqual(await seriousViolations(page), [], 'the link shown');
        await open!.context.close();
        open = undefined;
      }
      const page = await login(`?lang=${locale}&error=OIDC_STATE_INVALID`, { bypassCSP: true });
      await page.getByRole('alert').filter({ hasText: text.errors.OIDC_STATE_INVALID! }).waitFor(WAIT);
      assert.deepEqual(await seriousViolations(page), [], 'an error said');
    });
  }
});
