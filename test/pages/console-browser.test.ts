import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket } from '../helpers/browser.ts';
import { closeWatched, launchChromium, screenshot, seriousViolations, type WatchedPage } from '../helpers/chromium.ts';
import { CONSOLE_WAIT as WAIT, DESKTOP, signInAsStaff as signInAs } from '../helpers/console.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

describe('the admin console in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let open: WatchedPage | undefined;

  before(async () => {
    browser = await launchChromium();
    t = await startTestApp(sqlite, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
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

  async function signInAsStaff(locale: 'fa' | 'en', role: 'admin' | 'support', options = {}): Promise<Page> {
    open = await signInAs(browser, t, base, locale, role, options);
    return open.page;
  }

  for (const locale of ['fa', 'en'] as const) {
    it(`staff sign in on /login and land on the console, which reads the admin API (${locale})`, async () => {
      const page = await signInAsStaff(locale, 'support', { viewport: DESKTOP, bypassCSP: true });
      await page.locator('#content table').first().waitFor(WAIT);
      assert.equal(await page.locator('html').getAttribute('dir'), locale === 'fa' ? 'rtl' : 'ltr');
      assert.ok(await page.locator('nav a[aria-current="page"]').count());
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `console-health-${locale}.png`);
      assert.deepEqual(await seriousViolations(page), []);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `console-health-${locale}-phone.png`);
    });
  }

  it('signing out from the console ends the session: /admin asks to sign in again', async () => {
    const page = await signInAsStaff('en', 'admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/, WAIT);
    await page.goto(`${base}/admin/health`);
    await page.waitForURL(/\/login\?return_to=/, WAIT);
  });
});
