import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNT_TEXT } from '../../src/pages/account-messages.ts';
import { LOGIN_TEXT, type PageLocale } from '../../src/pages/messages.ts';
import { newAlert, stockOf } from '../alerts/rows.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket } from '../helpers/browser.ts';
import { closeWatched, launchChromium, seriousViolations, watchedPage, type WatchedPage } from '../helpers/chromium.ts';
import { person, startFakeBotApi, textUpdate, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { bearer, freshPhone, meStatus, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';
import { webhookBot, webhookBotEnv, type TestBot } from '../helpers/telegram-bot.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);
const WAIT = { timeout: 20_000 };
const TEXT = ACCOUNT_TEXT;

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const persian = (value: string) => value.replace(/\d/g, (d) => PERSIAN[Number(d)]!);
/** `+989121234567` as the page shows it: `0912 123 4567`, in the page's digits. */
const shown = (e164: string, locale: PageLocale) => {
  const national = `0${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
  return locale === 'fa' ? persian(national) : national;
};
const typedNationally = (e164: string) => `0${e164.slice(3)}`;

// The page does not depend on the store (the API under it runs on both in its own tests): SQLite only.
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

let telegramIds = 8_300_000_000;

describe('the hosted account page in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let fake: FakeBotApi;
  let bot: TestBot;
  let base: string;
  let open: WatchedPage | undefined;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    fake = await startFakeBotApi();
    t = await startTestApp(sqlite, {
      env: {
        ...webhookBotEnv(fake),
        TELEGRAM_BOT_USERNAME: 'shop_login_bot',
        // One number signs in more than once here (the page, then the API): a one-second resend wait.
        OTP_RESEND_SECONDS: '1',
        OTP_IP_HOURLY_LIMIT: '1000',
        OTP_PHONE_HOURLY_LIMIT: '100',
      },
    });
    bot = webhookBot(t, fake);
    base = await listenOnSocket(t);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
  });
  afterEach(async () => {
    const last = open;
    open = undefined;
    await closeWatched(last);
  });

  function codeFor(phone: string): string {
    const code = t.sink.lastCode(phone);
    assert.ok(code, `no SMS to ${phone}`);
    return code;
  }

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage: true });

  /**
   * Opens /account signed out, which sends the browser to the sign-in page; signs in there with the code from
   * the SMS and comes back to the account page, filled in.
   */
  async function signInToAccount(
    locale: PageLocale,
    phone = freshPhone(),
    options: Parameters<typeof watchedPage>[1] = {},
  ): Promise<Page> {
    open = await watchedPage(browser, options);
    const page = open.page;
    await page.goto(`${base}/account?lang=${locale}`);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(new URL(page.url()).searchParams.get('return_to'), '/account');
    const login = LOGIN_TEXT[locale];
    await page.getByLabel(login.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: login.sendCode }).click();
    await page.getByLabel(login.codeLabel).waitFor(WAIT);
    await page.getByLabel(login.codeLabel).fill(codeFor(phone));
    await page.getByRole('button', { name: login.verify, exact: true }).click();
    await page.waitForURL(`${base}/account`, WAIT);
    await page.locator('#phone-now', { hasText: shown(phone, locale) }).waitFor(WAIT);
    await page.locator('#sessions li').first().waitFor(WAIT);
    return page;
  }

  /** The same number signed in once more, through the API, as another device would. */
  async function anotherDevice(phone: string): Promise<SignedInUser> {
    await setTimeout(1100); // the resend wait, counted on the wall clock
    return signIn(t, phone);
  }

  async function addAlert(userId: string, productId: string, name: string) {
    await stockOf(t, productId, { name });
    return newAlert(t, { userId, productId });
  }

  const userIdOf = async (page: Page) => {
    const token = await page.locator('#account').getAttribute('data-token');
    return (await t.get('/api/v1/auth/me', bearer(token!))).body.user;
  };

  for (const locale of ['fa', 'en'] as const) {
    const text = TEXT[locale];

    it(`signs in through /login?return_to=/account and shows everything, axe-clean, at a phone's and a desktop's size (${locale})`, async () => {
      const phone = freshPhone();
      const page = await signInToAccount(locale, phone, { bypassCSP: true, viewport: { width: 390, height: 844 } });
      assert.equal(await page.locator('html').getAttribute('lang'), locale);
      assert.equal(await page.locator('html').getAttribute('dir'), locale === 'fa' ? 'rtl' : 'ltr');
      assert.equal(await page.locator('h1').textContent(), text.title);
      const user = await userIdOf(page);
      await anotherDevice(phone);
      await addAlert(user.id, `kettle-${locale}`, locale === 'fa' ? 'کتری برقی' : 'Electric kettle');
      await page.reload();
      await page.locator('#sessions li').nth(1).waitFor(WAIT);
      await page.locator('#alerts li').first().waitFor(WAIT);
      await page.getByRole('button', { name: text.telegramLink }).waitFor(WAIT);
      await page.evaluate(() => document.fonts.ready);
      const body = await page.locator('main').innerText();
      if (locale === 'fa') assert.doesNotMatch(body, /[0-9]/, 'the Persian page shows only Persian digits');
      assert.match(body, new RegExp(text.thisDevice));
      await shoot(page, `account-${locale}-390.png`);

      // axe is injected as a script of its own, which the page's policy rightly refuses: bypassed here only.
      assert.deepEqual(await seriousViolations(page), [], 'the page as it opens');
      // The Telegram link with its QR code, and the change of number's first step, are checked too.
      await page.getByRole('button', { name: text.telegramLink }).click();
      await page.locator('#telegram-qr').waitFor(WAIT);
      await page.getByRole('button', { name: text.changePhone }).click();
      await page.getByLabel(text.newPhoneLabel).fill('123');
      await page.getByRole('button', { name: text.sendCode }).click();
      await page.getByRole('alert').filter({ hasText: LOGIN_TEXT[locale].errors.INVALID_PHONE! }).waitFor(WAIT);
      assert.deepEqual(await seriousViolations(page), [], 'with the link, the form and an error shown');
      await shoot(page, `account-${locale}-390-open.png`);

      await page.setViewportSize({ width: 1280, height: 800 });
      await shoot(page, `account-${locale}-1280.png`);
    });
  }

  it('changes the number with a code sent to the new one; the page shows it in Persian digits', async () => {
    const phone = freshPhone();
    const page = await signInToAccount('fa', phone);
    const text = TEXT.fa;
    const next = freshPhone();
    await page.getByRole('button', { name: text.changePhone }).click();
    await page.getByLabel(text.newPhoneLabel).fill(typedNationally(next));
    await page.getByRole('button', { name: text.sendCode }).click();
    const code = page.getByLabel(text.codeLabel, { exact: true });
    await code.waitFor(WAIT);
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.match(String(await page.locator('#change-code-sent').textContent()), new RegExp(persian('0912')));
    // The resend button counts down from the API's resend_in (1 s here), then may be pressed.
    await page.getByRole('button', { name: LOGIN_TEXT.fa.resend }).waitFor(WAIT);
    await shoot(page, 'account-fa-change-code.png');
    await code.fill(codeFor(next));
    await page.getByRole('button', { name: text.confirm }).click();
    await page.locator('#phone-now', { hasText: shown(next, 'fa') }).waitFor(WAIT);
    await page
      .getByRole('status')
      .filter({ hasText: shown(next, 'fa') })
      .waitFor(WAIT);
    const user = await userIdOf(page);
    assert.equal(user.phone_number, next);
  });

  it('an account without a number, its sign-in too old to add one: it says to sign in again, and /login comes back', async () => {
    // Signed in to the pages with the bot, as /login does it: no number on the account.
    const own = { host: new URL(base).host, origin: base };
    const started = (await t.post('/api/v1/telegram/login/link', {})).body;
    const from = { id: ++telegramIds, first_name: 'Sara' };
    const opened = await t.app.telegramLinkSignIn.open(new URL(started.url).searchParams.get('start')!, from);
    await t.app.telegramLinkSignIn.decide((opened as { id: string }).id, from, 'confirm');
    const polled = await t.post('/login/telegram/poll', { poll_secret: started.poll_secret }, own);
    assert.equal(polled.body.status, 'signed_in', JSON.stringify(polled.body));
    const value = /otpgate_session=([^;]+)/.exec(String(polled.headers['set-cookie']))![1]!;
    open = await watchedPage(browser);
    await open.context.addCookies([{ name: 'otpgate_session', value, url: base }]);
    const page = open.page;
    await page.goto(`${base}/account?lang=en`);
    const text = TEXT.en;
    t.clock.advance(601_000); // past PHONE_CHANGE_MAX_AUTH_AGE_SECONDS (600)
    await page.getByRole('button', { name: text.changePhone }).click();
    await page.getByLabel(text.newPhoneLabel).fill(typedNationally(freshPhone()));
    await page.getByRole('button', { name: text.sendCode }).click();
    const reauth = page.locator('#reauth-text');
    await reauth.filter({ hasText: text.reauthNoNumber }).waitFor(WAIT);
    await page.getByRole('button', { name: text.reauthSignIn }).click();
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('return_to') === '/account#change',
      WAIT,
    );
    // The old sign-in is over: the page's session cookie is gone with it.
    const cookies = await open.context.cookies();
    assert.equal(
      cookies.find((cookie) => cookie.name === 'otpgate_session'),
      undefined,
    );
  });

  it('a sign-in too old to change the number: it says so, signs in again with the same number, then changes it', async () => {
    const phone = freshPhone();
    const page = await signInToAccount('en', phone);
    const text = TEXT.en;
    const before = await userIdOf(page);
    t.clock.advance(601_000); // past PHONE_CHANGE_MAX_AUTH_AGE_SECONDS (600)
    const next = freshPhone();
    await page.getByRole('button', { name: text.changePhone }).click();
    await page.getByLabel(text.newPhoneLabel).fill(typedNationally(next));
    await page.getByRole('button', { name: text.sendCode }).click();
    const reauth = page.locator('#reauth-text');
    await reauth.waitFor(WAIT);
    assert.equal(await reauth.textContent(), text.reauth.replace('{phone}', shown(phone, 'en')));
    assert.equal(t.sink.messagesTo(next).length, 0, 'no code went to the new number');
    await shoot(page, 'account-en-reauth.png');

    await setTimeout(1100); // the resend wait since this number's sign-in, counted on the wall clock
    await page.getByRole('button', { name: text.reauthSend }).click();
    // The code to sign in again is a sign-in code, and says so.
    const signInCode = page.getByLabel(LOGIN_TEXT.en.codeLabel);
    await signInCode.waitFor(WAIT);
    await signInCode.fill(codeFor(phone));
    await page.getByRole('button', { name: text.reauthVerify }).click();
    // The page loads again with the change open, signed in anew.
    await page.getByRole('status').filter({ hasText: text.reauthDone }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-phone');
    assert.equal(new URL(page.url()).hash, '');
    // The old sign-in was ended, not left behind: one session, this one.
    await page.locator('#sessions li.current').waitFor(WAIT);
    assert.equal(await page.locator('#sessions li button').count(), 1);
    await page.getByLabel(text.newPhoneLabel).fill(typedNationally(next));
    await page.getByRole('button', { name: text.sendCode }).click();
    await page.getByLabel(text.codeLabel, { exact: true }).waitFor(WAIT);
    await page.getByLabel(text.codeLabel, { exact: true }).fill(codeFor(next));
    await page.getByRole('button', { name: text.confirm }).click();
    await page.locator('#phone-now', { hasText: shown(next, 'en') }).waitFor(WAIT);
    const after = await userIdOf(page);
    assert.equal(after.id, before.id);
    assert.equal(after.phone_number, next);
  });

  it('ends another session with the keyboard alone, then all the others', async () => {
    const phone = freshPhone();
    const page = await signInToAccount('en', phone);
    const text = TEXT.en;
    const other = await anotherDevice(phone);
    await page.reload();
    const end = page.getByRole('button', { name: text.endSession });
    await end.waitFor(WAIT);
    // Tab from the top of the page to the button, and Enter.
    await page.locator('h1').click();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await end.evaluate((button) => button === document.activeElement);
    }
    assert.ok(reached, 'Tab reaches the button that ends the other session');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.equal(outline, 'solid', 'the focused button shows it');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: text.sessionEnded }).waitFor(WAIT);
    assert.equal(await meStatus(t, other.accessToken), 401);
    assert.equal(await page.locator('#sessions li.current').count(), 1);
    assert.equal(await end.count(), 0);

    const [second, third] = [await anotherDevice(phone), await anotherDevice(phone)];
    await page.reload();
    await page.getByRole('button', { name: text.endSession }).nth(1).waitFor(WAIT);
    await page.getByRole('button', { name: text.endOthers }).click();
    await page.getByRole('status').filter({ hasText: text.othersEnded }).waitFor(WAIT);
    assert.equal(await meStatus(t, second.accessToken), 401);
    assert.equal(await meStatus(t, third.accessToken), 401);
    assert.ok(await page.getByRole('button', { name: text.endOthers }).isHidden());
    // This page's own session goes on.
    await page.reload();
    await page.locator('#sessions li.current').waitFor(WAIT);
  });

  it('cancels a back-in-stock alert', async () => {
    const page = await signInToAccount('fa');
    const text = TEXT.fa;
    const user = await userIdOf(page);
    const kept = await addAlert(user.id, 'lamp-1', 'چراغ مطالعه');
    const cancelled = await addAlert(user.id, 'mug-1', 'ماگ سفالی');
    await page.reload();
    await page.locator('#alerts li').nth(1).waitFor(WAIT);
    await page.getByRole('button', { name: `${text.alertCancel}: ماگ سفالی` }).click();
    await page.getByRole('status').filter({ hasText: text.alertCancelled }).waitFor(WAIT);
    assert.deepEqual(await page.locator('#alerts li .name').allTextContents(), ['چراغ مطالعه']);
    const rows = await t.database.db
      .selectFrom('stock_alerts')
      .select(['id', 'status'])
      .where('user_id', '=', user.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(Object.fromEntries(rows.map((row) => [row.id, row.status])), {
      [kept.id]: 'active',
      [cancelled.id]: 'cancelled',
    });
  });

  it('links Telegram with the link and its QR code, shows it linked, and unlinks it', async () => {
    const page = await signInToAccount('en');
    const text = TEXT.en;
    await page.getByRole('button', { name: text.telegramLink }).click();
    const link = page.getByRole('link', { name: text.telegramOpen });
    await link.waitFor(WAIT);
    const url = String(await link.getAttribute('href'));
    assert.match(url, /^https:\/\/t\.me\/shop_login_bot\?start=link_[A-Za-z0-9_-]+$/);
    const qr = page.getByRole('img', { name: text.telegramQrAlt });
    await qr.waitFor(WAIT);
    assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR code shows');
    await page.evaluate(() => document.fonts.ready);
    await shoot(page, 'account-en-telegram-link.png');

    // The person opens the link in Telegram: the bot links the account, and the page sees it.
    const sara = person((telegramIds += 1), { username: 'sara_account' });
    await bot.handle(textUpdate(sara, `/start ${new URL(url).searchParams.get('start')}`));
    await page.getByRole('status').filter({ hasText: text.telegramJustLinked }).waitFor(WAIT);
    assert.match(String(await page.locator('#telegram-state').textContent()), /@sara_account/);
    assert.ok(await page.locator('#telegram-started').isHidden());

    await page.getByRole('button', { name: text.telegramUnlink }).click();
    await page.getByRole('status').filter({ hasText: text.telegramUnlinked }).waitFor(WAIT);
    assert.equal((await userIdOf(page)).telegram, null);
    await page.getByRole('button', { name: text.telegramLink }).waitFor(WAIT);
  });

  it('signs out with the form: back to the sign-in page, and /account asks to sign in again', async () => {
    const page = await signInToAccount('fa');
    const token = String(await page.locator('#account').getAttribute('data-token'));
    await page.getByRole('button', { name: TEXT.fa.signOut, exact: true }).last().click();
    await page.waitForURL(`${base}/login`, WAIT);
    assert.equal(await meStatus(t, token), 401);
    assert.equal(
      (await open!.context.cookies()).find((c) => c.name === 'otpgate_session'),
      undefined,
    );
    await page.goto(`${base}/account`);
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('without script, the page says that script is needed', async () => {
    const page = await signInToAccount('en');
    const cookies = await open!.context.cookies();
    await open!.context.close();
    open = await watchedPage(browser, { javaScriptEnabled: false });
    await open.context.addCookies(cookies);
    await open.page.goto(`${base}/account`);
    assert.match(await open.page.locator('body').innerText(), new RegExp(TEXT.en.noScript));
    assert.ok(await open.page.locator('#phone-section').isHidden());
    void page;
  });
});
