/**
 * `npm run bench`: the speed goals (docs/performance.md). For each store (BENCH_STORES: SQLite, PostgreSQL,
 * PostgreSQL with Redis) it starts the real server (what `npm start` runs, production mode, the webhook SMS
 * provider posting to a sink in this process) on a fresh database and drives it over loopback with
 * autocannon: a trivial route for scale, code requests for distinct numbers, full sign-ins, on the first
 * store a campaign of queued sends to a sink with a rate limit while code requests go on (the codes must all
 * succeed), sign-ins with the Telegram login widget and Mini Apps, and on PostgreSQL with Redis code requests
 * at two instances at once. Prints rates, latencies,
 * ratios to the trivial route, the server's CPU per operation and peak memory, PostgreSQL's commits and rows
 * and Redis's commands per operation, a summary across stores and the goals. First, in this process, what one
 * access token's signature costs (ES256, EdDSA, HS256).
 *
 * Exits 0 when every scenario ran without errors, whether or not the goals pass (it is a report); exits 1
 * when the server does not start or any request failed, because a rate of errors measures nothing.
 *
 * Environment: BENCH_SECONDS (10) per scenario, BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2),
 * BENCH_CPU_PROF=<dir> runs the server with `--cpu-prof` and leaves its profile there. The campaign:
 * BENCH_CAMPAIGN (2000) messages, BENCH_SINK_RATE (200) messages a second the sink takes before it answers
 * 429, BENCH_CODE_RATE (10) code requests a second meanwhile, BENCH_CAMPAIGN_ALL=1 on every store. The
 * stores: BENCH_STORES (sqlite,postgres,postgres+redis; SQLite alone when PostgreSQL does not answer),
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres, where the bench creates and drops its
 * databases), BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_TWO_INSTANCES=0 leaves the two instances out.
 * The users import: BENCH_IMPORT_ROWS (100000) customers imported by `otpgate users import` on each store,
 * then the same file again; 0 leaves it out.
 * Events: BENCH_EVENTS (5000) events written to the outbox and delivered to a local receiver by a server with
 * EVENTS_WEBHOOK_URL set (0 leaves it out); BENCH_ONLY=events runs that scenario alone on each store.
 * Telegram: sign-ins with the login widget and from a Mini App, each a new person with a login signed just
 * before it is sent (a login works once) under a bot token of the run's own; BENCH_ONLY=telegram runs the
 * trivial route, the phone sign-ins and the Telegram sign-ins alone on each store.
 * Telegram bot: updates POSTed to the webhook (scenario h), each a /help whose reply goes to a local Bot API
 * in this process; BENCH_ONLY=telegram runs it too.
 * Restock fan-out (scenario i, last on each store, on a server of its own): BENCH_ALERTS (100000)
 * subscribers to one product written straight into the store, BENCH_ALERTS_TELEGRAM (300) of them by Telegram
 * (linked chats, each its own), the rest by SMS; one stock report through the admin API, then the time until
 * every subscription is queued, SMS/s at the sink and Telegram messages/s at a local Bot API until the last,
 * the server's peak memory, and every subscriber getting exactly one message. BENCH_ALERTS=0 leaves it out;
 * BENCH_ONLY=alerts runs it alone on each store; BENCH_ALERTS_SMS_CONCURRENCY (8) is the alert server's
 * SMS_QUEUE_CONCURRENCY, which bounds its SMS rate.
 * Hosted pages (on the first store only): scenario j, the sign-in page and each of its assets loaded in turn
 * as a first visit does; scenario k, OpenID Connect authorization-code round trips without a browser for a
 * first-party client registered by the CLI, each of BENCH_CONNECTIONS customers signed in to the pages once; then the page in Chromium under the DevTools "Slow 3G" and "Fast 3G" emulations,
 * nothing cached, five loads each (left out when /usr/bin/chromium is missing). BENCH_ONLY=pages runs them
 * alone, on the first store.
 * BENCH_ONLY=otp runs only the phone sign-in's scenarios on each store: the trivial route, code requests,
 * full sign-ins, and two instances on PostgreSQL with Redis, with the goals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { alertsGoalsFailed, alertsReport, type AlertsSettings } from './bench/alerts.ts';
import { startBenchBotApi } from './bench/bot-updates.ts';
import { importLine } from './bench/import.ts';
import { goals, machineFacts, summary, type StoreRun } from './bench/report.ts';
import { numberSource } from './bench/scenarios.ts';
import { signatureCosts } from './bench/signatures.ts';
import type { ServerChild } from './bench/server.ts';
import { startSmsSink } from './bench/sink.ts';
import { telegramIdSource } from './bench/telegram.ts';
import {
  eventsLine,
  NotStarted,
  runAlertsOnly,
  runEventsOnly,
  runPagesOnly,
  runStore,
  runTelegramOnly,
  type TelegramOutcome,
  twoInstancesLine,
  type StoreOutcome,
} from './bench/store-run.ts';
import { chooseStores, type Backends } from './bench/stores.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** How long Ctrl-C waits for the databases to be dropped and the keys deleted before it gives up. */
const UNDO_TIMEOUT_MS = 15_000;

/** A whole number of at least 0 (0 leaves a scenario out), or the fallback when unset. */
function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more (got ${raw})`);
  return value;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
}

async function main(): Promise<number> {
  const seconds = positiveNumber('BENCH_SECONDS', 10);
  const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 50));
  const warmupSeconds = positiveNumber('BENCH_WARMUP_SECONDS', 2);
  const cpuProfileDir = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
  const campaign = {
    size: Math.round(positiveNumber('BENCH_CAMPAIGN', 2000)),
    sinkPerSecond: positiveNumber('BENCH_SINK_RATE', 200),
    codesPerSecond: positiveNumber('BENCH_CODE_RATE', 10),
  };
  const campaignOnAll = process.env.BENCH_CAMPAIGN_ALL === '1';
  const importRows =
    process.env.BENCH_IMPORT_ROWS === '0' ? 0 : Math.round(positiveNumber('BENCH_IMPORT_ROWS', 100_000));
  const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
  const subscribers = count('BENCH_ALERTS', 100_000);
  const alerts: AlertsSettings | null =
    subscribers === 0
      ? null
      : {
          subscribers,
          telegram: count('BENCH_ALERTS_TELEGRAM', 300),
          smsConcurrency: Math.round(positiveNumber('BENCH_ALERTS_SMS_CONCURRENCY', 8)),
        };

  const dataDir = mkdtempSync(join(tmpdir(), 'otpgate-bench-'));
  const sink = await startSmsSink();
  const botApi = await startBenchBotApi();
  const servers = new Set<ServerChild>();
  const undo = new Set<() => Promise<unknown>>();
  let backends: Backends | undefined;
  const closeBackends = async () => {
    await Promise.allSettled([backends?.postgres?.close(), backends?.redis?.close()]);
  };
  // Ctrl-C, or a crash that skips `finally`: the children and the temp dir must not outlive the bench.
  const cleanUpNow = () => {
    for (const server of servers) server.killNow();
    rmSync(dataDir, { recursive: true, force: true });
  };
  // On Ctrl-C the databases and Redis keys go too, which takes a moment; a second Ctrl-C ends it at once.
  const interrupted = () => {
    cleanUpNow();
    console.error(`\nbench: interrupted${undo.size > 0 ? '; dropping its databases and Redis keys' : ''}`);
    const undone = Promise.allSettled([...undo].map((step) => step()));
    void Promise.race([undone, sleep(UNDO_TIMEOUT_MS)])
      .then(closeBackends)
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted).once('exit', cleanUpNow);

  try {
    console.log(machineFacts({ seconds, warmupSeconds, connections }));
    console.log(`\n${await signatureCosts()}`);
    try {
      backends = await chooseStores(databaseUrl, redisUrl, process.env.BENCH_STORES);
    } catch (error) {
      console.error(`\nbench: ${(error as Error).message}`);
      return 1;
    }
    if (backends.note) console.log(`note: ${backends.note} (BENCH_STORES chooses the stores)`);
    console.log(`stores: ${backends.stores.join(', ')}`);

    const fresh = numberSource();
    const events = Math.round(Number(process.env.BENCH_EVENTS ?? 5000));
    const storeContext = {
      root: ROOT,
      dataDir,
      sink,
      botApiRoot: botApi.apiRoot,
      fresh,
      freshTelegramId: telegramIdSource(),
      backends,
      undo,
      servers,
      seconds,
      warmupSeconds,
      connections,
      cpuProfileDir,
      campaign: null,
      twoInstances: false,
      events,
      importRows: 0,
      alerts: null,
      pages: false,
    };
    if (process.env.BENCH_ONLY === 'alerts') {
      if (!alerts) {
        console.error('bench: BENCH_ONLY=alerts with BENCH_ALERTS=0 runs nothing');
        return 1;
      }
      const failures: string[] = [];
      let failedGoals = 0;
      for (const name of backends.stores) {
        const only = await runAlertsOnly(name, { ...storeContext, alerts });
        failures.push(...only.failures);
        failedGoals += alertsGoalsFailed(only.alerts);
      }
      for (const line of failures) console.error(`bench: ${line}`);
      if (failures.length > 0) return 1;
      console.log(failedGoals === 0 ? 'all goals pass' : `${failedGoals} goal(s) not met`);
      return 0;
    }
    if (process.env.BENCH_ONLY === 'events') {
      const failures: string[] = [];
      for (const name of backends.stores) failures.push(...(await runEventsOnly(name, storeContext)));
      for (const line of failures) console.error(`bench: ${line}`);
      return failures.length > 0 ? 1 : 0;
    }
    if (process.env.BENCH_ONLY === 'pages') {
      const failures = await runPagesOnly(backends.stores[0]!, { ...storeContext, pages: true });
      for (const line of failures) console.error(`bench: ${line}`);
      return failures.length > 0 ? 1 : 0;
    }
    if (process.env.BENCH_ONLY === 'telegram') {
      const only: TelegramOutcome[] = [];
      for (const name of backends.stores) only.push(await runTelegramOnly(name, storeContext));
      printSignIns(only.map((outcome) => outcome.run));
      const failures = only.flatMap((outcome) => outcome.failures);
      for (const line of failures) console.error(`bench: ${line}`);
      return failures.length > 0 ? 1 : 0;
    }
    // The phone sign-in's own scenarios (the PostgreSQL and Redis goals): trivial route, a, b and e.
    const otpOnly = process.env.BENCH_ONLY === 'otp';
    const outcomes: StoreOutcome[] = [];
    for (const [index, name] of backends.stores.entries()) {
      try {
        outcomes.push(
          await runStore(name, {
            ...storeContext,
            campaign: !otpOnly && (index === 0 || campaignOnAll) ? campaign : null,
            twoInstances: process.env.BENCH_TWO_INSTANCES !== '0',
            importRows: otpOnly ? 0 : importRows,
            events: otpOnly ? 0 : events,
            alerts: otpOnly ? null : alerts,
            pages: !otpOnly && index === 0,
            otpOnly,
          }),
        );
      } catch (error) {
        if (!(error instanceof NotStarted)) throw error;
        console.error(`\nbench: ${error.message}`);
        return 1;
      }
    }

    const runs: StoreRun[] = outcomes.map((outcome) => outcome.run);
    console.log(`\n== all stores ==\n\n${summary(runs, 'code requests', (run) => run.codes)}`);
    for (const { two, run } of outcomes) if (two) console.log(`  ${run.store}: ${twoInstancesLine(two)}`);
    for (const { events: delivered, run } of outcomes) {
      if (delivered) console.log(`  ${run.store}: ${eventsLine(delivered)}`);
    }
    printSignIns(runs);
    for (const { imported, run } of outcomes) if (imported) console.log(`${run.store}: ${importLine(imported)}`);
    if (outcomes.some((outcome) => outcome.imported)) console.log('');
    for (const { alerts: fanned, run } of outcomes) {
      if (fanned) console.log(`${run.store}: ${alertsReport(fanned)}\n`);
    }
    const sqliteCodeCpu = runs.find((run) => run.store === 'sqlite')?.codes.cpuMsPerOp ?? null;
    let failedGoals = 0;
    for (const run of runs) {
      const verdict = goals(run, sqliteCodeCpu);
      console.log(`${verdict.text}\n`);
      failedGoals += verdict.failed;
    }
    for (const { alerts: fanned } of outcomes) if (fanned) failedGoals += alertsGoalsFailed(fanned);
    console.log(`SMS sink received ${sink.received()} messages`);

    const failures = outcomes.flatMap((outcome) => outcome.failures);
    for (const line of failures) console.error(`bench: ${line}`);
    if (failures.length > 0) return 1;
    console.log(failedGoals === 0 ? 'all goals pass' : `${failedGoals} goal(s) not met`);
    return 0;
  } finally {
    for (const server of servers) await server.stop();
    await Promise.allSettled([...undo].map((step) => step()));
    await closeBackends();
    await sink.close();
    await botApi.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (cpuProfileDir) console.log(`server CPU profile written to ${cpuProfileDir}`);
  }
}

/** The three ways to sign in, each side by side across the stores. */
function printSignIns(runs: readonly TelegramOutcome['run'][]): void {
  const tables = [
    summary(runs, 'full sign-ins', (run) => run.signIns),
    summary(runs, 'telegram widget sign-ins', (run) => run.telegramWidget),
    summary(runs, 'telegram Mini App sign-ins', (run) => run.telegramWebApp),
    summary(runs, 'telegram bot updates by webhook', (run) => run.botUpdates),
  ];
  console.log(`\n${tables.filter(Boolean).join('\n\n')}\n`);
}

process.exitCode = await main().catch((error: unknown) => {
  console.error('bench failed:', error);
  return 1;
});
