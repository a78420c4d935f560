import { importLine, usersImport, type ImportResult } from './import.ts';
import { createSendKey, queuedLine, queuedSends, type CampaignSettings } from './queued.ts';
import { storeTable, table, type StoreRun } from './report.ts';
import { codeRequests, idleRates, signIns, trivialRoute, type BenchSettings, type Measurement } from './scenarios.ts';
import { createBenchClient, oidcRoundTrips } from './oidc.ts';
import { loginPageLoads, slowLoadLine, slowNetworkLoads } from './pages.ts';
import { startServer, type ServerChild } from './server.ts';
import type { SmsSink } from './sink.ts';
import { prepareStore, type Backends, type PreparedStore, type StoreName } from './stores.ts';
import { botUpdates } from './bot-updates.ts';
import { telegramWebAppSignIns, telegramWidgetSignIns } from './telegram.ts';
import { twoInstances, type TwoInstancesResult } from './two-instances.ts';
import { eventsDelivered, eventsLine, type EventsResult } from './events.ts';
import { alertsReport, restockFanOut, type AlertsResult, type AlertsSettings } from './alerts.ts';
export { eventsLine };

export interface StoreRunContext {
  readonly root: string;
  readonly dataDir: string;
  readonly sink: SmsSink;
  /** The Bot API of scenario h (see bot-updates.ts). */
  readonly botApiRoot: string;
  readonly fresh: () => string;
  /** Fresh Telegram ids for scenarios f and g, shared by the run as `fresh` is. */
  readonly freshTelegramId: () => number;
  readonly backends: Backends;
  /** What Ctrl-C must undo: the store's database and keys are added while they exist. */
  readonly undo: Set<() => Promise<unknown>>;
  /** The children running, for Ctrl-C to kill. */
  readonly servers: Set<ServerChild>;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly cpuProfileDir: string | undefined;
  /** Scenario d in this store run, or null to leave it out. */
  readonly campaign: CampaignSettings | null;
  readonly twoInstances: boolean;
  /** Rows of the users import scenario (BENCH_IMPORT_ROWS); 0 leaves it out. */
  readonly importRows: number;
  /** Events written and delivered in scenario e (BENCH_EVENTS); 0 leaves it out. */
  readonly events: number;
  /** The restock fan-out (scenario i: BENCH_ALERTS, BENCH_ALERTS_TELEGRAM); null leaves it out. */
  readonly alerts: AlertsSettings | null;
  /** The hosted pages (scenario j, and the sign-in page on slow networks): on the first store only. */
  readonly pages: boolean;
  /** BENCH_ONLY=otp: the phone sign-in's scenarios alone (trivial route, a, b, and e on postgres+redis). */
  readonly otpOnly?: boolean;
}

export interface StoreOutcome {
  readonly run: StoreRun;
  /** One line per scenario that had failures: any makes the bench exit 1. */
  readonly failures: readonly string[];
  readonly two: TwoInstancesResult | null;
  readonly imported: ImportResult | null;
  readonly events: EventsResult | null;
  readonly alerts: AlertsResult | null;
}

/** The server did not start: nothing was measured. */
export class NotStarted extends Error {}

/** Starts servers on one prepared store, each added to `started` and to the context's children. */
function starter(name: StoreName, context: StoreRunContext, store: PreparedStore, started: ServerChild[]) {
  return async (extra: NodeJS.ProcessEnv = {}) => {
    try {
      const child = await startServer({
        root: context.root,
        dataDir: context.dataDir,
        smsWebhookUrl: context.sink.url,
        botApiRoot: context.botApiRoot,
        cpuProfileDir: context.cpuProfileDir,
        env: { ...store.env, ...extra },
      });
      started.push(child);
      context.servers.add(child);
      return child;
    } catch (error) {
      throw new NotStarted(`the server did not start on ${name}: ${(error as Error).message}`);
    }
  };
}

/**
 * The first server on a store, the trivial route measured on it, and the idle server's rates (on a store
 * with counters): what every scenario after it is set against. `step` runs a scenario, prints its rate
 * and keeps it in `results`.
 */
async function firstServer(context: StoreRunContext, store: PreparedStore, start: () => Promise<ServerChild>) {
  const { sink } = context;
  const child = await start();
  console.log(`server pid ${child.pid} on ${child.baseUrl}, SMS sink ${sink.url}`);
  let settings: BenchSettings = {
    baseUrl: child.baseUrl,
    seconds: context.seconds,
    warmupSeconds: context.warmupSeconds,
    connections: context.connections,
    serverCpuSeconds: child.cpuSeconds,
    counters: store.counters,
  };
  const results: Measurement[] = [];
  const step = async (run: () => Promise<Measurement>) => {
    const result = await run();
    results.push(result);
    console.log(`  ${result.name}: ${Math.round(result.rate)} ${result.unit}`);
    sink.forget();
    return result;
  };
  // The trivial route does not touch the store, and each reading of its counters takes ten seconds.
  const trivial = await step(() => trivialRoute({ ...settings, counters: undefined }));
  if (store.counters) {
    settings = { ...settings, background: await idleRates(store.counters) };
    console.log(`  idle: ${idleLine(settings.background!)}`);
  }
  return { child, settings, results, step, trivial };
}

/** One line per scenario that had failures. */
function failuresOf(name: StoreName, results: readonly Measurement[]): string[] {
  return results
    .filter((r) => r.non2xx > 0 || r.errors > 0 || r.warmupFailures > 0)
    .map(
      (r) =>
        `${name}: ${r.name} had failures (non-2xx ${r.non2xx}, errors ${r.errors}, in warm-up ${r.warmupFailures})` +
        (r.firstFailure ? `; first: ${r.firstFailure}` : ''),
    );
}

/**
 * One store: a fresh database (and Redis prefix), the server on it, scenarios a to c, the campaign when
 * asked, the users import, the Telegram sign-ins (f, g), and on postgres+redis two instances at once.
 * Prints the store's table as it goes; the children, the database and the keys are gone when it returns
 * or throws.
 */
export async function runStore(name: StoreName, context: StoreRunContext): Promise<StoreOutcome> {
  const { root, dataDir, sink, fresh } = context;
  console.log(`\n== ${name} ==`);
  const store = await prepareStore(name, context.backends, context, context.undo);
  const started: ServerChild[] = [];
  const start = starter(name, context, store, started);
  try {
    const { child, settings, results, step, trivial } = await firstServer(context, store, start);
    const codes = await step(() => codeRequests(settings, fresh));
    const pairs = await step(() => signIns(settings, fresh, sink));
    const telegram = !context.otpOnly;
    const widget = telegram ? await step(() => telegramWidgetSignIns(settings, context.freshTelegramId)) : undefined;
    const webApp = telegram ? await step(() => telegramWebAppSignIns(settings, context.freshTelegramId)) : undefined;
    const updates = telegram ? await step(() => botUpdates(settings, context.freshTelegramId)) : undefined;
    if (context.pages) await pageScenarios(step, settings, child.baseUrl, context, store);
    const queued = context.campaign
      ? await queuedSends(settings, fresh, sink, createSendKey(root, dataDir, store.databaseUrl), context.campaign)
      : null;
    if (queued) console.log(`  ${queuedLine(queued)}`);
    const imported = context.importRows > 0 ? usersImport(root, dataDir, store.env, context.importRows) : null;
    if (imported) console.log(`  ${importLine(imported)}`);
    const memory = child.memory();

    let two: TwoInstancesResult | null = null;
    if (name === 'postgres+redis' && context.twoInstances) {
      const second = await start();
      console.log(`second server pid ${second.pid} on ${second.baseUrl}`);
      two = await twoInstances([child, second], { ...settings }, fresh, codes.rate);
      console.log(`  ${twoInstancesLine(two)}`);
    }

    // Its own server, with EVENTS_WEBHOOK_URL set: the scenarios above are measured without events.
    const events = context.events > 0 ? await eventsDelivered(store.databaseUrl, context.events, start) : null;
    if (events) console.log(`  ${eventsLine(events)}`);

    // Last, on a server of its own: its peak memory is the fan-out's. The servers above are stopped first, or
    // their queue workers would take a share of the messages (sending Telegram ones to another Bot API).
    let alerts: AlertsResult | null = null;
    if (context.alerts) {
      for (const server of started) await server.stop();
      alerts = await restockFanOut(context, store, context.alerts, start);
    }
    if (alerts) console.log(alertsReport(alerts));

    console.log(`\n${table(results, trivial.rate)}`);
    const counters = storeTable([...results, ...(two ? [two] : [])]);
    if (counters) console.log(`\n${counters}`);

    const failures = failuresOf(name, results);
    if (queued && queued.failures > 0)
      failures.push(`${name}: queued sends had ${queued.failures} failures; first: ${queued.firstFailure}`);
    if (events && events.failures > 0)
      failures.push(`${name}: events had ${events.failures} failures; first: ${events.firstFailure}`);
    if (two && two.failures > 0)
      failures.push(`${name}: two instances had ${two.failures} failures; first: ${two.firstFailure}`);
    for (const line of alerts?.failures ?? []) failures.push(`${name}: restock fan-out: ${line}`);
    printLogs(started);
    const run: StoreRun = {
      store: name,
      trivial,
      codes,
      signIns: pairs,
      telegramWidget: widget,
      telegramWebApp: webApp,
      botUpdates: updates,
      memory,
    };
    return { run, failures, two, imported, events, alerts };
  } finally {
    await Promise.all(started.map((server) => server.stop().then(() => context.servers.delete(server))));
    const removed = await store.dispose();
    if (removed) console.log(`${removed}`);
  }
}

/**
 * Scenario j, k (OpenID Connect round trips, for a client registered on the store by the CLI), then the
 * sign-in page loaded by Chromium on slow networks (printed, not in the table).
 */
async function pageScenarios(
  step: (run: () => Promise<Measurement>) => Promise<Measurement>,
  settings: BenchSettings,
  baseUrl: string,
  context: StoreRunContext,
  store: PreparedStore,
): Promise<void> {
  await step(() => loginPageLoads(settings));
  const rp = createBenchClient(context.root, context.dataDir, store.databaseUrl);
  await step(() => oidcRoundTrips(settings, rp, context.fresh, context.sink));
  const slow = await slowNetworkLoads(baseUrl);
  if (!slow) console.log('  (Chromium or playwright-core is not installed: the slow-network loads are left out)');
  for (const load of slow ?? []) console.log(`  ${slowLoadLine(load)}`);
}

/**
 * The hosted pages alone (BENCH_ONLY=pages): the trivial route, scenario j and the slow-network loads, on a
 * fresh store. Returns the store's failures.
 */
export async function runPagesOnly(name: StoreName, context: StoreRunContext): Promise<string[]> {
  console.log(`\n== ${name}: hosted pages only ==`);
  const store = await prepareStore(name, context.backends, context, context.undo);
  const started: ServerChild[] = [];
  try {
    const { child, settings, results, step, trivial } = await firstServer(
      context,
      store,
      starter(name, context, store, started),
    );
    await pageScenarios(step, settings, child.baseUrl, context, store);
    console.log(`\n${table(results, trivial.rate)}`);
    printLogs(started);
    return failuresOf(name, results);
  } finally {
    await Promise.all(started.map((server) => server.stop().then(() => context.servers.delete(server))));
    const removed = await store.dispose();
    if (removed) console.log(removed);
  }
}

/**
 * The sign-ins alone (BENCH_ONLY=telegram): the trivial route, the phone sign-ins to compare with, and the
 * Telegram sign-ins (f, g), on a fresh store. Prints the store's tables; returns the three sign-ins with
 * the store's failures.
 */
export async function runTelegramOnly(name: StoreName, context: StoreRunContext): Promise<TelegramOutcome> {
  console.log(`\n== ${name}: sign-ins only ==`);
  const store = await prepareStore(name, context.backends, context, context.undo);
  const started: ServerChild[] = [];
  try {
    const { settings, results, step, trivial } = await firstServer(
      context,
      store,
      starter(name, context, store, started),
    );
    const signInsRun = await step(() => signIns(settings, context.fresh, context.sink));
    const widget = await step(() => telegramWidgetSignIns(settings, context.freshTelegramId));
    const webApp = await step(() => telegramWebAppSignIns(settings, context.freshTelegramId));
    const updates = await step(() => botUpdates(settings, context.freshTelegramId));
    console.log(`\n${table(results, trivial.rate)}`);
    const counters = storeTable(results);
    if (counters) console.log(`\n${counters}`);
    printLogs(started);
    return {
      run: {
        store: name,
        trivial,
        signIns: signInsRun,
        telegramWidget: widget,
        telegramWebApp: webApp,
        botUpdates: updates,
      },
      failures: failuresOf(name, results),
    };
  } finally {
    await Promise.all(started.map((server) => server.stop().then(() => context.servers.delete(server))));
    const removed = await store.dispose();
    if (removed) console.log(removed);
  }
}

export interface TelegramOutcome {
  readonly run: Pick<StoreRun, 'store' | 'trivial' | 'signIns' | 'telegramWidget' | 'telegramWebApp' | 'botUpdates'>;
  readonly failures: readonly string[];
}

/**
 * Scenario e alone (BENCH_ONLY=events): a fresh store, a server with events on, the backlog delivered.
 * Returns the failures, like a store run.
 */
export async function runEventsOnly(name: StoreName, context: StoreRunContext): Promise<string[]> {
  console.log(`\n== ${name}: events only ==`);
  const store = await prepareStore(name, context.backends, context, context.undo);
  const servers: ServerChild[] = [];
  try {
    const result = await eventsDelivered(store.databaseUrl, context.events || 5000, async (extra) => {
      const child = await startServer({
        root: context.root,
        dataDir: context.dataDir,
        smsWebhookUrl: context.sink.url,
        botApiRoot: context.botApiRoot,
        cpuProfileDir: context.cpuProfileDir,
        env: { ...store.env, ...extra },
      });
      servers.push(child);
      context.servers.add(child);
      return child;
    });
    console.log(`  ${eventsLine(result)}`);
    return result.failures > 0
      ? [`${name}: events had ${result.failures} failures; first: ${result.firstFailure}`]
      : [];
  } finally {
    await Promise.all(servers.map((server) => server.stop().then(() => context.servers.delete(server))));
    const removed = await store.dispose();
    if (removed) console.log(removed);
  }
}

/**
 * Scenario i alone (BENCH_ONLY=alerts): a fresh store, the subscribers, a server of their own, the restock.
 * Returns the result with the store's failures.
 */
export async function runAlertsOnly(
  name: StoreName,
  context: StoreRunContext & { readonly alerts: AlertsSettings },
): Promise<{ alerts: AlertsResult; failures: string[] }> {
  console.log(`\n== ${name}: restock fan-out only ==`);
  const store = await prepareStore(name, context.backends, context, context.undo);
  const started: ServerChild[] = [];
  try {
    const alerts = await restockFanOut(context, store, context.alerts, starter(name, context, store, started));
    console.log(alertsReport(alerts));
    printLogs(started);
    return { alerts, failures: alerts.failures.map((line) => `${name}: restock fan-out: ${line}`) };
  } finally {
    await Promise.all(started.map((server) => server.stop().then(() => context.servers.delete(server))));
    const removed = await store.dispose();
    if (removed) console.log(removed);
  }
}

export function twoInstancesLine(r: TwoInstancesResult): string {
  const cpu = r.cpuMsPerOp.map((value) => (value === null ? 'n/a' : `${value.toFixed(2)} ms`)).join(' and ');
  return (
    `${r.name}: ${Math.round(r.rate)} req/s together, ${r.ratioToOne.toFixed(2)}x one instance's b; ` +
    `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (the slower instance's); server CPU per code request ${cpu}`
  );
}

function printLogs(servers: readonly ServerChild[]): void {
  for (const server of servers) {
    const logged = summarizeLog(server.output());
    if (logged.length > 0)
      console.error(`server ${server.pid} log (last lines, repeats counted):\n${logged.join('\n')}`);
  }
}

/** The child's pino lines, one per distinct message with its count, so one repeated failure is one line. */
function summarizeLog(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    let text = line;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string } };
      text = `level ${entry.level}: ${entry.msg ?? ''}${entry.err ? ` (${entry.err.type}: ${entry.err.message})` : ''}`;
    } catch {
      // Not JSON (a crash before the logger existed): shown as it is.
    }
    counts.set(text.slice(0, 300), (counts.get(text.slice(0, 300)) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => `  ${count > 1 ? `${count}x ` : ''}${text}`);
}

/** The idle server's own statements and commands per second, which every run's figures include. */
function idleLine(rates: Readonly<Record<string, number>>): string {
  const shown = ['commits', 'returned', 'redis commands'].filter((key) => rates[key] !== undefined);
  return `${shown.map((key) => `${rates[key]!.toFixed(2)} ${key}/s`).join(', ')} (the sweeps; taken off the goals below)`;
}
