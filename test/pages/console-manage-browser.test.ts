import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_TEXT } from '../../src/pages/console/messages.ts';
import { MANAGE_PAGES } from '../../src/pages/console/manage-pages.ts';
import { newKey } from '../helpers/api-keys.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket } from '../helpers/browser.ts';
import { closeWatched, launchChromium, screenshot, seriousViolations, type WatchedPage } from '../helpers/chromium.ts';
import { CONSOLE_WAIT as WAIT, signInAsStaff } from '../helpers/console.ts';
import { bearer, freshPhone, meStatus, signIn } from '../helpers/session-sign-in.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TEXT = (id: string, locale: 'fa' | 'en') => MANAGE_PAGES.find((page) => page.id === id)!.text[locale];
const persian = (digits: string) => digits.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('the admin console’s templates, users, alerts, keys and clients pages in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let open: WatchedPage | undefined;
  let adminKey: string;

  before(async () => {
    browser = await launchChromium();
    t = await startTestApp(sqlite, { env: { OTP_IP_HOURLY_LIMIT: '1000', OTP_RESEND_SECONDS: '1' } });
    base = await listenOnSocket(t);
    adminKey = (
      await newKey(t, ['alerts:write', 'alerts:read', 'clients:read', 'keys:read', 'users:read'], 'shop backend')
    ).secret;
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

  async function staffPage(
    locale: 'fa' | 'en',
    role: 'admin' | 'support',
    options: { path?: string; viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
  ): Promise<Page> {
    open = await signInAsStaff(browser, t, base, locale, role, options);
    return open.page;
  }

  /** A back-in-stock alert by SMS for a new customer, as the shop's backend subscribes one. */
  async function subscribe(productId: string) {
    const phone = freshPhone();
    const made = await t.post(
      '/api/v1/admin/alerts',
      { product_id: productId, channels: ['sms'], phone_number: phone },
      bearer(adminKey),
    );
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body.alerts[0].id as string;
  }

  for (const locale of ['fa', 'en'] as const) {
    it(`every page reads the admin API, passes axe and fits a desktop and a phone (${locale})`, async () => {
      const user = await signIn(t);
      await subscribe(`mug-${locale}`);
      await newKey(t, ['sms:send'], `checkout ${locale}`);
      const page = await staffPage(locale, 'admin', { viewport: DESKTOP, bypassCSP: true });
      const views = [
        ['templates', '/admin/templates', '#content table'],
        ['template', '/admin/templates/otp_login', '#counts-fa:not(:empty)'],
        ['users', '/admin/users', '#content table'],
        ['user', `/admin/users/${user.userId}`, '#content dl'],
        ['alerts', '/admin/alerts', '#content table'],
        ['keys', '/admin/keys', '#content table'],
        ['clients', '/admin/clients', '#content form'],
      ] as const;
      for (const [name, path, ready] of views) {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${base}${path}?lang=${locale}`);
        await page.locator(ready).first().waitFor(WAIT);
        assert.equal(await page.locator('html').getAttribute('dir'), locale === 'fa' ? 'rtl' : 'ltr');
        assert.equal(await page.locator('#alert').textContent(), '', `${name}: an error was shown`);
        await page.evaluate(() => document.fonts.ready);
        assert.deepEqual(await seriousViolations(page), [], name);
        await screenshot(page, `console-${name}-${locale}.png`);
        await page.setViewportSize(PHONE);
        // Nothing runs off the side of a phone's screen: wide tables scroll inside their own box.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the phone`);
        await screenshot(page, `console-${name}-${locale}-phone.png`);
      }
    });
  }

  it('a template edited in the console, with its live preview and parts, is the text of the next code sent', async () => {
    const page = await staffPage('en', 'admin', { path: '/admin/templates/otp_login' });
    const text = TEXT('templates', 'en');
    const fa = page.locator('#body-fa');
    assert.equal(await page.getByRole('textbox', { name: text.text }).count(), 2, 'one editor per language');
    await page.locator('#counts-fa:not(:empty)').waitFor(WAIT);
    // Persian is UCS-2: 70 characters fit one SMS, more go out as parts of 67.
    const long = 'کد ورود فروشگاه: {code}\n' + 'این کد را به هیچ کس، حتی پشتیبانی، ندهید. '.repeat(2);
    await fa.fill(long);
    await page.locator('#preview-fa', { hasText: 'کد ورود فروشگاه: 123456' }).waitFor(WAIT);
    await page.locator('#counts-fa', { hasText: '2 SMS' }).waitFor(WAIT);
    assert.match((await page.locator('#counts-fa').textContent())!, /UCS-2 \(67 per SMS\)/);
    await fa.fill('کد: {code}');
    await page.locator('#counts-fa', { hasText: '1 SMS · 10 characters · UCS-2 (70 per SMS)' }).waitFor(WAIT);
    await page.locator('#preview-fa', { hasText: 'کد: 123456' }).waitFor(WAIT);
    // A code message without {code} is shown as one that cannot be saved, before saving.
    await fa.fill('no code here');
    await page.locator('#problem-fa', { hasText: 'must contain {code}' }).waitFor(WAIT);
    await screenshot(page, 'console-template-problem-en-phone.png');
    await page.locator('#counts-fa', { hasText: 'GSM-7 (160 per SMS)' }).waitFor(WAIT);

    await fa.fill(long);
    await page.locator('#body-fa + h3 + .preview', { hasText: 'حتی پشتیبانی' }).waitFor(WAIT);
    await page
      .locator('section.card', { has: page.locator('#body-fa') })
      .getByRole('button', { name: text.save })
      .click();
    await page.getByRole('status').filter({ hasText: text.saved }).waitFor(WAIT);
    await page.locator('#body-en').fill('Shop code {code}, good for {minutes} min.');
    await page
      .locator('section.card', { has: page.locator('#body-en') })
      .getByRole('button', { name: text.save })
      .click();
    await page
      .locator('section.card', { has: page.locator('#body-en') })
      .getByRole('status')
      .filter({ hasText: text.saved })
      .waitFor(WAIT);

    // The next sign-in code in each language goes out with the text saved in the browser.
    for (const language of ['fa', 'en'] as const) {
      const phone = freshPhone();
      const sent = await t.post(
        '/api/v1/otp/phone/login/request',
        { phone_number: phone },
        { 'accept-language': language },
      );
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const message = t.sink.messagesTo(phone).at(-1)!.message!;
      const { code, minutes } = message.params;
      const saved = language === 'fa' ? long.replace('{code}', code!) : `Shop code ${code}, good for ${minutes} min.`;
      assert.equal(message.text, saved, language);
    }
  });

  it('support sees templates and their preview, but cannot save: the button is disabled and the API refuses', async () => {
    const page = await staffPage('fa', 'support', { path: '/admin/templates/otp_login' });
    const text = TEXT('templates', 'fa');
    await page.locator('#counts-fa:not(:empty)').waitFor(WAIT);
    await page.getByText(text.readOnly!).waitFor(WAIT);
    const save = page.getByRole('button', { name: text.save }).first();
    assert.equal(await save.isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: text.remove }).first().isDisabled(), true);
    // The preview still answers a reader as they type.
    await page.locator('#body-fa').fill('کد شما {code}');
    await page.locator('#preview-fa', { hasText: 'کد شما 123456' }).waitFor(WAIT);
    // The admin API refuses the write even if the page were made to send it, and the page says so.
    const status = await page.evaluate(() =>
      (window as any).otpConsole
        .api('PUT', '/api/v1/admin/sms/templates/otp_login/fa', { body: 'x {code}' })
        .then((res: { status: number }) => res.status),
    );
    assert.equal(status, 403);
    assert.equal(await page.locator('#alert').textContent(), CONSOLE_TEXT.fa.errors.FORBIDDEN);
  });

  it('users: found by a number in Persian digits, blocked then unblocked, signed out everywhere', async () => {
    const user = await signIn(t);
    const page = await staffPage('fa', 'admin', { path: '/admin/users' });
    const text = TEXT('users', 'fa');
    await page.getByLabel(text.find!).fill(persian(`0${user.phone.slice(3)}`));
    await page.getByRole('button', { name: text.search }).click();
    const link = page.locator('#content tbody a');
    await page.waitForFunction(() => document.querySelectorAll('#content tbody tr').length === 1, null, WAIT);
    assert.equal(await link.textContent(), persian(user.phone));
    await link.click();
    await page.waitForURL(new RegExp(`/admin/users/${user.userId}$`), WAIT);

    await page.getByRole('button', { name: text.block }).click();
    // The question comes first; saying no changes nothing.
    await page.getByRole('dialog').getByRole('button', { name: text.cancel }).click();
    assert.equal(await meStatus(t, user.accessToken), 200);
    await page.getByRole('button', { name: text.block }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.block }).click();
    await page.getByRole('status').filter({ hasText: 'مسدود شد' }).waitFor(WAIT);
    assert.equal(await meStatus(t, user.accessToken), 401);
    // One code per number per OTP_RESEND_SECONDS (1 here).
    await setTimeout(1100);
    const blocked = await t.post('/api/v1/otp/phone/login/request', { phone_number: user.phone });
    assert.equal(blocked.status, 200);
    const refused = await t.post('/api/v1/otp/phone/login/verify', {
      phone_number: user.phone,
      code: t.sink.lastCode(user.phone),
    });
    assert.equal(refused.body.code, 'USER_BLOCKED');

    await page.getByRole('button', { name: text.unblock }).click();
    await page.getByRole('status').filter({ hasText: text.unblocked! }).waitFor(WAIT);
    await setTimeout(1100);
    const again = await signIn(t, user.phone);
    assert.equal(await meStatus(t, again.accessToken), 200);
    await page.getByRole('button', { name: text.signOutAll }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.signOutAll }).click();
    await page
      .getByRole('status')
      .filter({ hasText: persian('1') })
      .waitFor(WAIT);
    assert.equal(await meStatus(t, again.accessToken), 401);

    await page.getByRole('button', { name: text.erase }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.erase }).click();
    await page.getByRole('status').filter({ hasText: text.erased! }).waitFor(WAIT);
    assert.equal((await t.get(`/api/v1/admin/users/${user.userId}`, bearer(adminKey))).status, 404);
  });

  it('by keyboard alone: the question before revoking a key takes the focus, Escape says no, Enter on yes revokes', async () => {
    const key = await newKey(t, ['sms:send'], 'kiosk');
    const page = await staffPage('fa', 'admin', { path: '/admin/keys' });
    const text = TEXT('keys', 'fa');
    const revoke = page.getByRole('button', { name: `${text.revoke} kiosk` });
    await revoke.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), text.cancel);
    await screenshot(page, 'console-keys-question-fa-phone.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await t.get('/api/v1/admin/keys/whoami', bearer(key.secret))).status, 200);
    await revoke.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor(WAIT);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), text.revoke);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'kiosk' }).waitFor(WAIT);
    assert.equal((await t.get('/api/v1/admin/keys/whoami', bearer(key.secret))).status, 401);
  });

  it('alerts: a product’s alerts and subscribers, and one cancelled after a question', async () => {
    const productId = 'kettle-42';
    const alertId = await subscribe(productId);
    await subscribe(productId);
    const page = await staffPage('en', 'admin', { path: '/admin/alerts' });
    const text = TEXT('alerts', 'en');
    await page.getByLabel(text.productId!).fill(productId);
    await page.getByRole('button', { name: text.search }).click();
    await page.getByRole('heading', { name: text.subscribers }).waitFor(WAIT);
    const rows = page.locator('#alert-list tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('#alert-list tbody tr').length === 2, null, WAIT);
    assert.equal(await rows.count(), 2);
    // The oldest is the last row (newest first).
    await rows.nth(1).getByRole('button', { name: text.cancelAlert }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.cancelAlert }).click();
    await page.getByRole('status').filter({ hasText: text.cancelledDone! }).waitFor(WAIT);
    assert.equal(await rows.nth(1).getByRole('button').count(), 0);
    const listed = await t.get(`/api/v1/admin/alerts?product_id=${productId}&status=cancelled`, bearer(adminKey));
    assert.deepEqual(
      listed.body.alerts.map((alert: { id: string; cancel_reason: string }) => [alert.id, alert.cancel_reason]),
      [[alertId, 'admin']],
    );
  });

  it('keys: revoking one asks first, then the key stops working', async () => {
    const key = await newKey(t, ['sms:send'], 'old checkout');
    assert.equal((await t.get('/api/v1/admin/keys/whoami', bearer(key.secret))).status, 200);
    const page = await staffPage('en', 'admin', { path: '/admin/keys' });
    const text = TEXT('keys', 'en');
    await page.getByRole('button', { name: `${text.revoke} old checkout` }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.revoke }).click();
    await page.getByRole('status').filter({ hasText: 'The key “old checkout” was revoked' }).waitFor(WAIT);
    assert.equal((await t.get('/api/v1/admin/keys/whoami', bearer(key.secret))).status, 401);
    assert.equal(await page.getByRole('button', { name: `${text.revoke} old checkout` }).count(), 0);
    // No secret is ever on the page: only the start of each key, to tell them apart.
    assert.doesNotMatch(await page.content(), new RegExp(key.secret));
  });

  it('clients: registering one shows its secret once; disabling one asks first', async () => {
    const page = await staffPage('en', 'admin', { path: '/admin/clients' });
    const text = TEXT('clients', 'en');
    await page.getByLabel(text.name!, { exact: true }).fill('Shop app');
    await page
      .getByLabel(text.redirects!, { exact: true })
      .fill('https://shop.example/callback\nhttp://localhost:3000/cb');
    await page.getByLabel(text.firstPartyLabel!).check();
    await page.getByRole('button', { name: text.registerButton }).click();
    const secret = (await page.locator('#new-client-secret').textContent({ timeout: 20_000 }))!;
    const clientId = (await page.locator('#new-client-id').textContent())!;
    assert.ok(secret.length >= 32, secret);
    await page.getByText(text.secretOnce!).waitFor(WAIT);
    await screenshot(page, 'console-clients-created-en-phone.png');
    const stored = await t.get(`/api/v1/admin/oidc/clients/${clientId}`, bearer(adminKey));
    assert.deepEqual(stored.body.client.redirect_uris, ['https://shop.example/callback', 'http://localhost:3000/cb']);
    assert.equal(stored.body.client.first_party, true);

    await page.reload();
    await page.getByRole('button', { name: `${text.disable} Shop app` }).waitFor(WAIT);
    assert.doesNotMatch(await page.content(), new RegExp(secret), 'the secret is shown once only');
    await page.getByRole('button', { name: `${text.disable} Shop app` }).click();
    await page.getByRole('dialog').getByRole('button', { name: text.disable }).click();
    await page.getByRole('button', { name: `${text.disable} Shop app` }).waitFor({ state: 'detached', ...WAIT });
    const disabled = await t.get(`/api/v1/admin/oidc/clients/${clientId}`, bearer(adminKey));
    assert.notEqual(disabled.body.client.disabled_at, null);

    // A redirect the API refuses is said as a sentence of the page's language.
    await page.getByLabel(text.name!, { exact: true }).fill('Bad');
    await page.getByLabel(text.redirects!, { exact: true }).fill('http://shop.example/cb');
    await page.getByRole('button', { name: text.registerButton }).click();
    await page.locator('#alert', { hasText: CONSOLE_TEXT.en.errors.INVALID_REDIRECT_URI! }).waitFor(WAIT);
  });
});
