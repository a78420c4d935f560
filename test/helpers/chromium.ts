import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The phone's size the pages are made for first. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/**
 * Debian's Chromium, headless. Missing, it is a failure with the fix in the message, never a skip: a suite
 * that skips itself on the machine that lacks the browser proves nothing there.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Chromium (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions and Content-Security-Policy violations, as they happened. */
  readonly problems: string[];
}

/**
 * A page in a fresh context that records what would show in its console as an error. A violation is also
 * caught as the `securitypolicyviolation` event, which fires even where the console line is not printed.
 */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, ...options });
  context.setDefaultTimeout(20_000);
  const problems: string[] = [];
  await context.exposeBinding('__reportViolation', (_source, line: string) => void problems.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (line: string) => void }).__reportViolation;
      void report(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    // An API answer of 4xx is one the page expects and shows as a sentence; Chromium still logs each one.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { context, page, problems };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * What axe-core finds serious or critical on the page as it is now. axe is injected as a script of its own,
 * which the pages' policy rightly refuses: open the page with `bypassCSP: true` for this check only.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: any[] }> } }).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n: { target: string[] }) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Closes the page a test opened and fails the test if it logged an error or broke the page's policy. For
 * each test's `afterEach`.
 */
export async function closeWatched(open: WatchedPage | undefined): Promise<void> {
  const problems = open?.problems ?? [];
  await open?.context.close();
  assert.deepEqual(problems, [], 'console errors or Content-Security-Policy violations');
}

/** Where the page tests save their screenshots (gitignored), to be looked at. */
export const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);

/** Saves a screenshot of the whole page under `name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage: true });
}
