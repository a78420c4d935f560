import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { PAGE_CSP } from '../../src/pages/shell.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket } from '../helpers/browser.ts';
import { closeWatched, launchChromium, seriousViolations, watchedPage, type WatchedPage } from '../helpers/chromium.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);
const WAIT = { timeout: 20_000 };
const { fa, en } = LOGIN_TEXT;

/** `+98912...` as someone in Iran types it: `0912...`, in Persian digits. */
const typedInPersian = (e164: string) => `0${e164.slice(3)}`.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const typedNationally = (e164: string) => `0${e164.slice(3)}`;

// The page does not depend on the store (the API under it runs on both in the sign-in tests): SQLite only.
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

describe('the hosted sign-in page in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let open: WatchedPage | undefined;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    t = await startTestApp(sqlite, { env: { SESSION_COOKIE: 'true', OTP_IP_HOURLY_LIMIT: '1000' } });
    base = await listenOnSocket(t);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    const last = open;
    open = undefined;
    await closeWatched(last);
  });

  async function login(query = '', options = {}): Promise<Page> {
    open = await watchedPage(browser, options);
    const answer = await open.page.goto(`${base}/login${query}`);
    assert.equal(answer?.status(), 200);
    return open.page;
  }

  /** The code the SMS carried: the send is done before the API answers, so it is there once the page moves on. */
  function codeFor(phone: string): string {
    const code = t.sink.lastCode(phone);
    assert.ok(code, `no SMS to ${phone}`);
    return code;
  }

  const shoot = (page: Page, name: string) => page.screenshot({ path: new URL(name, SCREENSHOTS).pathname });
  const alertText = (page: Page) => page.locator('#alert').textContent();

  it('signs in in Persian: the number typed in Persian digits with a pasted direction mark, the code from the SMS', async () => {
    const page = await login();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.getByLabel(fa.phoneLabel).waitFor(WAIT);
    // The font is Vazirmatn, loaded from this origin.
    await page.evaluate(() => document.fonts.ready);
    assert.ok(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سلام')));
    await shoot(page, 'login-fa-phone.png');

    const phone = freshPhone();
    await page.getByLabel(fa.phoneLabel).fill(`\u200E${typedInPersian(phone)}`);
    await page.getByRole('button', { name: fa.sendCode }).click();
    await page.getByLabel(fa.codeLabel).waitFor(WAIT);
    assert.match(String(await page.locator('#code-sent').textContent()), /۰۹۱۲/);
    await shoot(page, 'login-fa-code.png');

    await page.getByLabel(fa.codeLabel).fill(codeFor(phone));
    await page.getByRole('button', { name: fa.verify, exact: true }).click();
    await page.locator('#done-text', { hasText: fa.signedIn }).waitFor(WAIT);
    await shoot(page, 'login-fa-done.png');

    // The session is in the pages' HttpOnly cookie; nothing is left in storage.
    const cookies = await open!.context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'otpgate_session');
    assert.ok(session?.httpOnly, JSON.stringify(cookies));
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  });

  it('signs in in English with the keyboard alone, then goes to the return_to path', async () => {
    const page = await login('?lang=en&return_to=/livez');
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    await page.getByLabel(en.phoneLabel).waitFor(WAIT);
    await page.evaluate(() => document.fonts.ready);
    await shoot(page, 'login-en-phone.png');

    const phone = freshPhone();
    // The field has the focus when the page opens; Enter submits.
    await page.keyboard.type(typedNationally(phone));
    await page.keyboard.press('Enter');
    await page.getByLabel(en.codeLabel).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code');
    await shoot(page, 'login-en-code.png');

    // Tab reaches the sign-in button, which shows where the focus is.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { tag: document.activeElement!.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    assert.deepEqual(outline, { tag: 'BUTTON', outline: 'solid', width: '3px' });
    await page.getByLabel(en.codeLabel).focus();
    await page.keyboard.type(codeFor(phone));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/livez`, WAIT);
  });

  it('a return_to that leaves the origin is ignored: signed in, the page stays', async () => {
    const page = await login('?lang=en&return_to=//evil.example/x');
    assert.equal(await page.locator('#login').getAttribute('data-return-to'), null);
    const phone = freshPhone();
    await page.getByLabel(en.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: en.sendCode }).click();
    await page.getByLabel(en.codeLabel).waitFor(WAIT);
    await page.getByLabel(en.codeLabel).fill(codeFor(phone));
    await page.getByRole('button', { name: en.verify, exact: true }).click();
    await page.locator('#done-text', { hasText: en.signedIn }).waitFor(WAIT);
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('a wrong code shows its sentence in an alert, and the right one after it still signs in', async () => {
    const page = await login();
    const phone = freshPhone();
    await page.getByLabel(fa.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: fa.sendCode }).click();
    await page.getByLabel(fa.codeLabel).waitFor(WAIT);
    const right = codeFor(phone);
    const wrong = `${right.slice(0, -1)}${(Number(right.at(-1)) + 1) % 10}`;
    await page.getByLabel(fa.codeLabel).fill(wrong);
    await page.getByRole('button', { name: fa.verify, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: fa.errors.OTP_INVALID! }).waitFor(WAIT);
    await shoot(page, 'login-fa-wrong-code.png');
    await page.getByLabel(fa.codeLabel).fill(right);
    await page.getByRole('button', { name: fa.verify, exact: true }).click();
    await page.locator('#done-text', { hasText: fa.signedIn }).waitFor(WAIT);
    assert.equal(await alertText(page), '');
  });

  it('a number that is not one shows its sentence, in English, and stays on the first step', async () => {
    const page = await login('?lang=en');
    await page.getByLabel(en.phoneLabel).fill('123');
    await page.getByRole('button', { name: en.sendCode }).click();
    await page.getByRole('alert').filter({ hasText: en.errors.INVALID_PHONE! }).waitFor(WAIT);
    assert.ok(await page.locator('#code-step').isHidden());
    await shoot(page, 'login-en-invalid-phone.png');
  });

  it("the resend button is disabled with a countdown from the API's resend_in, in Persian digits", async () => {
    open = await watchedPage(browser);
    const page = open.page;
    await page.clock.install();
    await page.goto(`${base}/login`);
    await page.getByLabel(fa.phoneLabel).fill(typedNationally(freshPhone()));
    await page.getByRole('button', { name: fa.sendCode }).click();
    const resend = page.locator('#resend');
    await resend.waitFor(WAIT);
    assert.ok(await resend.isDisabled());
    // OTP_RESEND_SECONDS is 60 by default: the count starts there.
    assert.equal(await resend.textContent(), fa.resendIn.replace('{seconds}', '۶۰'));
    await page.clock.runFor(1_000);
    assert.equal(await resend.textContent(), fa.resendIn.replace('{seconds}', '۵۹'));
    await shoot(page, 'login-fa-countdown.png');
    await page.clock.runFor(59_000);
    assert.ok(await resend.isEnabled());
    assert.equal(await resend.textContent(), fa.resend);
  });

  it('reloaded after the code was sent, asking again goes to the code step, and the first code signs in', async () => {
    const phone = freshPhone();
    const page = await login('?lang=en');
    await page.getByLabel(en.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: en.sendCode }).click();
    await page.getByLabel(en.codeLabel).waitFor(WAIT);
    const code = codeFor(phone);
    await page.reload();
    await page.getByLabel(en.phoneLabel).fill(typedNationally(phone));
    await page.getByRole('button', { name: en.sendCode }).click();
    // The resend wait refused a second code: the page says the first one still works, and counts down.
    await page.locator('#code-sent', { hasText: 'a moment ago' }).waitFor(WAIT);
    assert.equal(await page.locator('#alert').textContent(), '');
    assert.ok(await page.locator('#resend').isDisabled());
    assert.equal(t.sink.messagesTo(phone).length, 1, 'one code only');
    await page.getByLabel(en.codeLabel).fill(code);
    await page.getByRole('button', { name: en.verify, exact: true }).click();
    await page.locator('#done-text', { hasText: en.signedIn }).waitFor(WAIT);
  });

  it('once the countdown ends, resend sends a new code that signs in', async () => {
    // The resend window lives in the rate-limit store, which keeps real time: a one-second window here.
    const quick = await startTestApp(sqlite, { env: { OTP_RESEND_SECONDS: '1' } });
    try {
      const quickBase = await listenOnSocket(quick);
      open = await watchedPage(browser);
      const page = open.page;
      await page.goto(`${quickBase}/login?lang=en`);
      const phone = freshPhone();
      await page.getByLabel(en.phoneLabel).fill(typedNationally(phone));
      await page.getByRole('button', { name: en.sendCode }).click();
      await page.getByLabel(en.codeLabel).waitFor(WAIT);
      const first = quick.sink.lastCode(phone);
      // The click waits for the button to be enabled: the page's count starts after the server's window did.
      const answered = page.waitForResponse((answer) => answer.url().endsWith('/login/request'), WAIT);
      await page.getByRole('button', { name: en.resend }).click();
      assert.equal((await answered).status(), 200);
      assert.equal(quick.sink.messagesTo(phone).length, 2);
      const second = quick.sink.lastCode(phone)!;
      assert.notEqual(second, first);
      await page.getByLabel(en.codeLabel).fill(second);
      await page.getByRole('button', { name: en.verify, exact: true }).click();
      await page.locator('#done-text', { hasText: en.signedIn }).waitFor(WAIT);
    } finally {
      await open?.context.close();
      await quick.close();
    }
  });

  it('the language chosen is remembered across reloads and visits, in a SameSite=Lax cookie', async () => {
    const page = await login();
    await page.getByRole('link', { name: fa.otherLanguage }).click();
    await page.waitForURL(/lang=en/, WAIT);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.goto(`${base}/login`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.reload();
    assert.equal(await page.locator('h1').textContent(), en.title);
    const cookie = (await open!.context.cookies()).find((c) => c.name === 'otpgate_lang');
    assert.equal(cookie?.value, 'en');
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal(cookie?.httpOnly, false);

    await page.getByRole('link', { name: en.otherLanguage }).click();
    await page.waitForURL(/lang=fa/, WAIT);
    await page.goto(`${base}/login`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
  });

  it('the page carries its Content-Security-Policy and loads without a console error or a violation', async () => {
    open = await watchedPage(browser);
    const answer = await open.page.goto(`${base}/login`);
    assert.equal(answer?.headers()['content-security-policy'], PAGE_CSP);
    assert.equal(answer?.headers()['x-frame-options'], 'DENY');
    await open.page.getByLabel(fa.phoneLabel).waitFor(WAIT);
    await open.page.evaluate(() => document.fonts.ready);
    // The watcher does see a violation: an inline style the policy forbids is reported.
    await open.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body{color:red}';
      document.head.append(style);
    });
    await expectViolation(open);
  });

  /** Waits for both reports of the forbidden style (the event and the console line), then clears them. */
  async function expectViolation(watched: WatchedPage): Promise<void> {
    const reported = () =>
      watched.problems.some((line) => /^CSP violation: style-src/.test(line)) &&
      watched.problems.some((line) => /violates the following Content Security Policy/.test(line));
    const deadline = Date.now() + 20_000;
    while (!reported() && Date.now() < deadline) await watched.page.waitForTimeout(50);
    assert.ok(reported(), watched.problems.join('\n'));
    watched.problems.length = 0;
  }

  it('without script, the page says that script is needed and shows no form', async () => {
    const page = await login('', { javaScriptEnabled: false });
    assert.match(await page.locator('body').innerText(), new RegExp(fa.noScript));
    assert.ok(await page.locator('#phone-step').isHidden());
  });

  for (const [locale, text] of [
    ['fa', fa],
    ['en', en],
  ] as const) {
    it(`axe finds nothing serious or critical on either step (${locale})`, async () => {
      // axe is injected as a script of its own, which the page's policy rightly refuses: bypassed here only.
      const page = await login(`?lang=${locale}`, { bypassCSP: true });
      await page.getByLabel(text.phoneLabel).waitFor(WAIT);
      assert.deepEqual(await seriousViolations(page), [], 'phone step');
      await page.getByLabel(text.phoneLabel).fill(typedNationally(freshPhone()));
      await page.getByRole('button', { name: text.sendCode }).click();
      await page.getByLabel(text.codeLabel).waitFor(WAIT);
      await page.getByLabel(text.codeLabel).fill('1');
      await page.getByRole('button', { name: text.verify, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: /./ }).waitFor(WAIT);
      assert.deepEqual(await seriousViolations(page), [], 'code step, with an error shown');
    });
  }
});
