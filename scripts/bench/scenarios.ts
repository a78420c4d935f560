import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { SmsSink } from './sink.ts';

export interface BenchSettings {
  readonly baseUrl: string;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** The server's CPU seconds so far, to charge each measured run its share; null when unknown. */
  readonly serverCpuSeconds: () => number | null;
  /** The store's own counters (PostgreSQL, Redis), read after the warm-up and after the measured run. */
  readonly counters?: StoreCounters | undefined;
  /** What the idle server adds to those counters per second (its sweeps), from `idleRates`. */
  readonly background?: Readonly<Record<string, number>> | undefined;
}

/** One reading of a store's counters. */
export interface CounterReading {
  /** Running totals (commits, rows inserted, commands): a run is charged the difference. */
  readonly totals: Readonly<Record<string, number>>;
  /** Levels at the time of reading (connections open), reported as they are. */
  readonly gauges: Readonly<Record<string, number>>;
  /** What taking this reading adds to the totals (the bench's own INFO), taken off the next difference. */
  readonly ownCommands?: Readonly<Record<string, number>>;
  /** When the totals were read (ms, performance.now()). */
  readonly at: number;
}

export interface StoreCounters {
  read(): Promise<CounterReading>;
  /** Brings the store's statistics up to date (PostgreSQL's ANALYZE), after a warm-up and before a reading. */
  analyze?(): Promise<void>;
}

/** A store's counters over one measured run, per operation (successes and those still in flight at its end). */
export interface StoreFigures {
  readonly perOp: Readonly<Record<string, number>>;
  /** The share of `perOp` that the idle server's sweeps would have added over the same time anyway. */
  readonly backgroundPerOp: Readonly<Record<string, number>>;
  readonly gauges: Readonly<Record<string, number>>;
}

/** The difference of two readings per operation; a counter that only the later reading has started at 0. */
export function perOperation(
  before: CounterReading,
  after: CounterReading,
  operations: number,
  background: Readonly<Record<string, number>> = {},
): StoreFigures {
  const perOp: Record<string, number> = {};
  const backgroundPerOp: Record<string, number> = {};
  const seconds = (after.at - before.at) / 1000;
  for (const [key, total] of Object.entries(after.totals)) {
    const spent = total - (before.totals[key] ?? 0) - (before.ownCommands?.[key] ?? 0);
    perOp[key] = operations > 0 ? spent / operations : NaN;
    backgroundPerOp[key] = operations > 0 ? ((background[key] ?? 0) * seconds) / operations : NaN;
  }
  return { perOp, backgroundPerOp, gauges: after.gauges };
}

/**
 * What the server adds to its store's counters per second while nobody calls it: the queue worker's and
 * the maintenance sweeps' statements. Two readings with nothing run between them (each takes ten seconds).
 */
export async function idleRates(counters: StoreCounters): Promise<Record<string, number>> {
  const first = await counters.read();
  const second = await counters.read();
  const seconds = (second.at - first.at) / 1000;
  const rates: Record<string, number> = {};
  for (const [key, total] of Object.entries(second.totals)) {
    const spent = total - (first.totals[key] ?? 0) - (first.ownCommands?.[key] ?? 0);
    rates[key] = seconds > 0 ? Math.max(0, spent) / seconds : 0;
  }
  return rates;
}

export interface Measurement {
  readonly name: string;
  readonly unit: 'req/s' | 'sign-ins/s' | 'page loads/s' | 'round trips/s';
  /** Successful operations per second of the measured run (warm-up excluded). */
  readonly rate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  /** Failures of any kind during the warm-up, which the run must not have either. */
  readonly warmupFailures: number;
  /** Status and body of the first failed response, to say what went wrong. */
  readonly firstFailure: string | null;
  readonly cpuMsPerOp: number | null;
  /** The store's counters per operation; absent on SQLite. */
  readonly store?: StoreFigures;
  readonly note?: string;
}

/** What one operation of a run of several requests each is, for the note under its latency. */
const OPERATION: Record<Measurement['unit'], string> = {
  'req/s': 'request',
  'sign-ins/s': 'sign-in (request + verify)',
  'page loads/s': 'page load (the page and each of its assets)',
  'round trips/s': 'round trip (every request of it)',
};

const LOGIN = '/api/v1/otp/phone/login';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Fresh Iranian mobile numbers, +98912 and a 7-digit counter, shared by every scenario of one run. */
export function numberSource(): () => string {
  let next = 0;
  return () => `+98912${String(next++).padStart(7, '0')}`;
}

/** Counts what one autocannon run saw beyond its own figures. */
export class Tally {
  successes = 0;
  latenciesMs: number[] = [];
  firstFailure: string | null = null;
  failed = (status: number, body: string) => {
    if (status >= 300 && this.firstFailure === null) this.firstFailure = `${status} ${body.slice(0, 300)}`;
  };
}

export type Plan = (tally: Tally) => Omit<autocannon.Options, 'url' | 'duration' | 'connections'> & { path: string };

/**
 * BENCH_RATE: requests a second offered in every run instead of as many as the server answers. At the same
 * offered rate the stores' CPU per request compares work with work: at saturation a slower store also
 * spreads each wake-up of the server over fewer requests.
 */
const OFFERED_RATE = Number(process.env.BENCH_RATE) > 0 ? Number(process.env.BENCH_RATE) : undefined;

/** A warm-up run, then the measured run; the rate counts successes per second of the measured one. */
export async function measure(
  settings: BenchSettings,
  name: string,
  plan: Plan,
  pairs = false,
  unit: Measurement['unit'] = pairs ? 'sign-ins/s' : 'req/s',
): Promise<Measurement> {
  const run = async (duration: number) => {
    const tally = new Tally();
    const { path, ...options } = plan(tally);
    const cpuBefore = settings.serverCpuSeconds();
    const result = await autocannon({
      ...options,
      ...(OFFERED_RATE && { overallRate: OFFERED_RATE }),
      url: `${settings.baseUrl}${path}`,
      duration,
      connections: settings.connections,
    });
    const cpuAfter = settings.serverCpuSeconds();
    const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    return { result, tally, cpuSeconds };
  };

  const warm = await run(settings.warmupSeconds);
  await settings.counters?.analyze?.();
  const before = await settings.counters?.read();
  const { result, tally, cpuSeconds } = await run(settings.seconds);
  const after = await settings.counters?.read();
  const successes = pairs ? tally.successes : result['2xx'];
  const sorted = tally.latenciesMs.sort((a, b) => a - b);
  return {
    name,
    unit,
    rate: successes / result.duration,
    p50Ms: pairs ? quantile(sorted, 0.5) : result.latency.p50,
    p99Ms: pairs ? quantile(sorted, 0.99) : result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    warmupFailures: warm.result.non2xx + warm.result.errors,
    firstFailure: warm.tally.firstFailure ?? tally.firstFailure,
    cpuMsPerOp: cpuSeconds === null || successes === 0 ? null : (cpuSeconds * 1000) / successes,
    ...(before &&
      after && { store: perOperation(before, after, successes + inFlight(result, pairs), settings.background) }),
    ...(pairs && {
      note: `latency is per ${OPERATION[unit]}; per HTTP request p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    }),
  };
}

/**
 * Requests still in flight when a run ends: the server finishes them after it, so the store's counters hold
 * their work too, and they count as operations there (an unfinished half of a sign-in as half of one).
 */
export function inFlight(result: autocannon.Result, pairs = false): number {
  const unfinished = Math.max(0, result.requests.sent - result.requests.total);
  return pairs ? unfinished / 2 : unfinished;
}

export function trivialRoute(settings: BenchSettings): Promise<Measurement> {
  return measure(settings, 'a. trivial: GET /livez', () => ({ path: '/livez' }));
}

export function codeRequests(settings: BenchSettings, fresh: () => string): Promise<Measurement> {
  return measure(settings, 'b. code requests, distinct numbers', codeRequestPlan(fresh));
}

/** A code request for a fresh number on every request. */
export function codeRequestPlan(fresh: () => string): Plan {
  return (tally) => ({
    path: `${LOGIN}/request`,
    requests: [
      {
        method: 'POST',
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ phone_number: fresh() }) }),
        onResponse: tally.failed,
      },
    ],
  });
}

interface PairContext {
  phone?: string;
  startedAt?: number;
}

/**
 * Request then verify, a fresh number per pair. Each connection carries its pair in its autocannon context;
 * a verify that finds no code still goes out (and fails), so that a lost code shows as an error.
 */
export function signIns(settings: BenchSettings, fresh: () => string, sink: SmsSink): Promise<Measurement> {
  const plan: Plan = (tally) => ({
    path: `${LOGIN}/request`,
    requests: [
      {
        method: 'POST',
        path: `${LOGIN}/request`,
        headers: JSON_HEADERS,
        setupRequest: (request, context) => {
          const pair = context as PairContext;
          pair.phone = fresh();
          pair.startedAt = performance.now();
          return { ...request, body: JSON.stringify({ phone_number: pair.phone }) };
        },
        onResponse: tally.failed,
      },
      {
        method: 'POST',
        path: `${LOGIN}/verify`,
        headers: JSON_HEADERS,
        setupRequest: (request, context) => {
          const { phone } = context as PairContext;
          const code = (phone === undefined ? undefined : sink.takeCode(phone)) ?? 'no-code-received';
          return { ...request, body: JSON.stringify({ phone_number: phone, code }) };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return tally.failed(status, body);
          tally.successes += 1;
          const { startedAt } = context as PairContext;
          if (startedAt !== undefined) tally.latenciesMs.push(performance.now() - startedAt);
        },
      },
    ],
  });
  return measure(settings, 'c. full sign-ins (request + verify)', plan, true);
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
