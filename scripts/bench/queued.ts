import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { BenchSettings } from './scenarios.ts';
import type { SmsSink } from './sink.ts';

/** How long the worker may take after the last accepted message before the run counts as failed. */
const DRAIN_TIMEOUT_MS = 120_000;
/** The sink has every message once nothing more arrives for this long after the last counted one. */
const QUIET_MS = 500;

export interface QueuedResult {
  readonly name: string;
  /** 202s per second of the load run. */
  readonly acceptedPerSecond: number;
  /** Messages the sink received per second, from the start of the load run to the last delivery. */
  readonly deliveredPerSecond: number;
  readonly accepted: number;
  readonly delivered: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Messages the sink received a second time (the same reference): each one is a failure. */
  readonly repeated: number;
  /** Non-202 answers, connection errors, messages that never reached the sink, or reached it twice. */
  readonly failures: number;
  readonly firstFailure: string | null;
}

/**
 * Creates an admin key with `sms:send` on the server's database through the real CLI, as an operator
 * would. The database is the one `server.ts` gives the child: `sqlite:<dataDir>/bench.db`.
 */
export function createSendKey(root: string, dataDir: string): string {
  const result = spawnSync(
    process.execPath,
    [`${root}/bin/otpgate.js`, 'keys', 'create', '--name', 'bench', '--scopes', 'sms:send'],
    {
      cwd: dataDir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        TSX_TSCONFIG_PATH: `${root}/tsconfig.json`,
        DATABASE_URL: `sqlite:${dataDir}/bench.db`,
        DATA_DIR: dataDir,
      },
    },
  );
  if (result.status !== 0) throw new Error(`otpgate keys create failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').at(-1)!;
}

/**
 * Queued sends through `POST /api/v1/admin/sms/send` (free text, a fresh number each), with the server's
 * own worker delivering them to the sink meanwhile. Accepted/s is what the route takes; delivered/s is what
 * the worker gets out, measured until the sink has every accepted message.
 */
export async function queuedSends(
  settings: BenchSettings,
  fresh: () => string,
  sink: SmsSink,
  apiKey: string,
): Promise<QueuedResult> {
  let firstFailure: string | null = null;
  const before = sink.distinct();
  const repeatedBefore = sink.repeated();
  const started = performance.now();
  const result = await autocannon({
    url: `${settings.baseUrl}/api/v1/admin/sms/send`,
    duration: settings.seconds,
    connections: settings.connections,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ to: fresh(), text: 'Back in stock' }) }),
        onResponse: (status, body) => {
          if (status !== 202 && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const accepted = result['2xx'];
  // autocannon stops counting at the end of the run, but requests it had in flight are still accepted by the
  // server; so the drain waits for every counted message and then for the sink to go quiet.
  const drainBy = performance.now() + DRAIN_TIMEOUT_MS;
  let seen = sink.distinct();
  let lastArrival = performance.now();
  while (performance.now() < drainBy) {
    const now = performance.now();
    if (sink.distinct() !== seen) {
      seen = sink.distinct();
      lastArrival = now;
    } else if (seen - before >= accepted && now - lastArrival > QUIET_MS) {
      break;
    }
    await sleep(10);
  }
  const delivered = seen - before;
  const repeated = sink.repeated() - repeatedBefore;
  const elapsedSeconds = (lastArrival - started) / 1000;
  return {
    name: 'd. queued sends (admin API, worker in the same process)',
    acceptedPerSecond: accepted / result.duration,
    deliveredPerSecond: delivered / elapsedSeconds,
    accepted,
    delivered,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    repeated,
    failures: result.non2xx + result.errors + Math.max(0, accepted - delivered) + repeated,
    firstFailure,
  };
}

export function queuedLine(r: QueuedResult): string {
  return (
    `${r.name}: ${Math.round(r.acceptedPerSecond)} accepted/s (p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms), ` +
    `${Math.round(r.deliveredPerSecond)} delivered/s (${r.delivered} distinct messages delivered for ` +
    `${r.accepted} counted as accepted, ${r.repeated} sent twice)`
  );
}
