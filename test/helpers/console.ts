import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { LOGIN_TEXT } from '../../src/pages/messages.ts';
import { createStaff } from '../../src/staff/service.ts';
import type { TestApp } from './app.ts';
import { watchedPage, type WatchedPage } from './chromium.ts';
import { freshPhone } from './session-sign-in.ts';

export const CONSOLE_WAIT = { timeout: 20_000 };
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Makes a new staff member of `role` (on SQLite) and signs them in on /login as staff would, from /admin, in a
 * fresh watched page; it lands back on the console. The caller closes the page's context and checks its
 * problems.
 */
export async function signInAsStaff(
  browser: Browser,
  t: TestApp,
  base: string,
  locale: 'fa' | 'en',
  role: 'admin' | 'support',
  options: BrowserContextOptions = {},
): Promise<WatchedPage & { phone: string }> {
  const phone = freshPhone();
  const staff = createStaff({ db: t.database.db, lockRows: false, now: t.clock.now });
  assert.equal((await staff.add({ phoneNumber: phone }, role, CLI_ACTOR)).outcome, 'added');
  const open = await watchedPage(browser, options);
  const { page } = open;
  await page.goto(`${base}/admin?lang=${locale}`);
  const text = LOGIN_TEXT[locale];
  await page.getByLabel(text.phoneLabel).fill(`0${phone.slice(3)}`);
  await page.getByRole('button', { name: text.sendCode }).click();
  // The click returns once it is dispatched: the code is read only when the page asks for it.
  const codeField = page.getByLabel(text.codeLabel);
  await codeField.waitFor({ state: 'visible', ...CONSOLE_WAIT });
  const code = t.sink.lastCode(phone);
  assert.ok(code, `no code was sent to ${phone}`);
  await codeField.fill(code);
  await page.getByRole('button', { name: text.verify, exact: true }).click();
  await page.waitForURL(/\/admin\/[a-z-]+$/, CONSOLE_WAIT);
  return { ...open, phone };
}
