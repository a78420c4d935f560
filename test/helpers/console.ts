import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { createStaff } from '../../src/staff/service.ts';
import type { TestApp } from './app.ts';
import { watchedPage, type WatchedPage } from './chromium.ts';
import { freshPhone } from './session-sign-in.ts';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const CONSOLE_WAIT = { timeout: 20_000 };

/**
 * A new staff member of `role` who signs in on /login as staff would, from `/admin` (or `path`), and lands
 * back on the console: the watched page, and the member's number.
 */
export async function signInAsStaff(
  browser: Browser,
  t: TestApp,
  base: string,
  locale: 'fa' | 'en',
  role: 'admin' | 'support',
  options: BrowserContextOptions & { path?: string } = {},
): Promise<WatchedPage & { phone: string }> {
  const { path = '/admin', ...contextOptions } = options;
  const phone = freshPhone();
  const staff = createStaff({ db: t.database.db, lockRows: false, now: t.clock.now });
  assert.equal((await staff.add({ phoneNumber: phone }, role, CLI_ACTOR)).outcome, 'added');
  const open = await watchedPage(browser, contextOptions);
  const { page } = open;
  await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
  const text = LOGIN_TEXT[locale];
  await page.getByLabel(text.phoneLabel).fill(`0${phone.slice(3)}`);
  await page.getByRole('button', { name: text.sendCode }).click();
  // The code is read once its field shows, that is once the page had the answer that the code was sent.
  await page.getByLabel(text.codeLabel).waitFor(CONSOLE_WAIT);
  await page.getByLabel(text.codeLabel).fill(t.sink.lastCode(phone)!);
  await page.getByRole('button', { name: text.verify, exact: true }).click();
  await page.waitForURL(/\/admin\/[a-z-]+(\/[^/?]+)?$/, CONSOLE_WAIT);
  return { ...open, phone };
}
