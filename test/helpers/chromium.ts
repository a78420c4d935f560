import { existsSync } from 'node:fs';
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
