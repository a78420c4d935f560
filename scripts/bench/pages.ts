import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { measure, type BenchSettings, type Measurement, type Plan } from './scenarios.ts';

const CHROMIUM = '/usr/bin/chromium';

interface LoadContext {
  startedAt?: number;
}

/**
 * Scenario j: the hosted sign-in page as a browser loads it the first time, the page and each asset it names
 * (stylesheet, script, font) in turn on one connection; a page load counts when the last one is answered.
 * The asset names are read from the page once, before the run.
 */
export async function loginPageLoads(settings: BenchSettings): Promise<Measurement> {
  const page = await fetch(`${settings.baseUrl}/login`);
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  const assets = [...new Set([...(await page.text()).matchAll(/\/assets\/[\w.-]+/g)].map((match) => match[0]))];
  const plan: Plan = (tally) => ({
    path: '/login',
    requests: [
      {
        method: 'GET',
        path: '/login',
        setupRequest: (request, context) => {
          (context as LoadContext).startedAt = performance.now();
          return request;
        },
        onResponse: tally.failed,
      },
      ...assets.map((path, index) => ({
        method: 'GET' as const,
        path,
        onResponse: (status: number, body: string, context: unknown) => {
          if (status !== 200) return tally.failed(status, body);
          if (index < assets.length - 1) return;
          tally.successes += 1;
          const { startedAt } = context as LoadContext;
          if (startedAt !== undefined) tally.latenciesMs.push(performance.now() - startedAt);
        },
      })),
    ],
  });
  return measure(settings, `j. login page loads (${assets.length + 1} requests each)`, plan, true, 'page loads/s');
}

export interface SlowLoad {
  readonly profile: string;
  /** Median of the runs, in ms from navigation start. */
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
  /** When the phone field can be typed into: the page's script has shown the form. */
  readonly interactiveMs: number;
  /** Bytes over the wire, compressed as sent (the font included). */
  readonly transferredBytes: number;
  readonly runs: number;
}

/** The DevTools "Slow 3G" and "Fast 3G" presets: latency, and throughput in bytes a second. */
const PROFILES = [
  { name: 'Slow 3G (400 ms, 50 KB/s down)', latency: 400, download: 50_000, upload: 50_000 },
  { name: 'Fast 3G (150 ms, 200 KB/s down)', latency: 150, download: 200_000, upload: 93_750 },
] as const;

/**
 * The login page in Debian's Chromium under network emulation, each run a fresh browser context (nothing
 * cached): when the document is parsed, when everything is loaded, and when the phone field is visible.
 * Null when Chromium or playwright-core is not installed (the bench is a report; the tests need them).
 */
export async function slowNetworkLoads(baseUrl: string, runs = 5): Promise<SlowLoad[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return null;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const results: SlowLoad[] = [];
    for (const profile of PROFILES) {
      const samples: Array<Omit<SlowLoad, 'profile' | 'runs'>> = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        // Notes the moment the page's script shows the phone form (it starts hidden until the script runs).
        await context.addInitScript(() => {
          const scope = globalThis as any;
          new scope.MutationObserver((_changes: unknown, observer: any) => {
            const form = scope.document.getElementById('phone-step');
            if (form && !form.hidden) {
              scope.__phoneShownAt = scope.performance.now();
              observer.disconnect();
            }
          }).observe(scope.document, { subtree: true, childList: true, attributes: true });
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: profile.latency,
          downloadThroughput: profile.download,
          uploadThroughput: profile.upload,
        });
        let transferred = 0;
        cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
          transferred += event.encodedDataLength;
        });
        await page.goto(`${baseUrl}/login`, { waitUntil: 'load', timeout: 120_000 });
        await page.locator('#phone').waitFor({ state: 'visible', timeout: 120_000 });
        // Runs in the page: its performance object is the browser's (this project's types are Node's).
        const timing = await page.evaluate(() => {
          const clock = (globalThis as any).performance;
          const [navigation] = clock.getEntriesByType('navigation');
          return {
            domContentLoaded: navigation.domContentLoadedEventEnd as number,
            load: navigation.loadEventEnd as number,
            interactive: (globalThis as any).__phoneShownAt as number,
          };
        });
        samples.push({
          domContentLoadedMs: timing.domContentLoaded,
          loadMs: timing.load,
          interactiveMs: timing.interactive,
          transferredBytes: transferred,
        });
        await context.close();
      }
      const median = (pick: (sample: (typeof samples)[number]) => number) => {
        const sorted = samples.map(pick).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)]!;
      };
      results.push({
        profile: profile.name,
        domContentLoadedMs: median((s) => s.domContentLoadedMs),
        loadMs: median((s) => s.loadMs),
        interactiveMs: median((s) => s.interactiveMs),
        transferredBytes: median((s) => s.transferredBytes),
        runs,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

export function slowLoadLine(load: SlowLoad): string {
  const kb = (load.transferredBytes / 1024).toFixed(1);
  return (
    `login page on ${load.profile}: parsed ${Math.round(load.domContentLoadedMs)} ms, phone field shown ` +
    `${Math.round(load.interactiveMs)} ms, all loaded ${Math.round(load.loadMs)} ms, ${kb} KB over the wire ` +
    `(median of ${load.runs}, nothing cached)`
  );
}
