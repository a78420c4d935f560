import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { BenchSettings } from './scenarios.ts';
import { runCli } from './server.ts';
import type { SmsSink } from './sink.ts';

/** How long the worker may take after the last accepted message before the run counts as failed. */
const DRAIN_TIMEOUT_MS = 120_000;
/** How long a code request may take before it counts as failed: SMS_OTP_DEADLINE_MS and some. */
const CODE_TIMEOUT_MS = 10_000;
/** The sink has every message once nothing more arrives for this long after the last counted one. */
const QUIET_MS = 500;

/** The campaign: how many messages, and what the sink (the provider) takes in a second. */
export interface CampaignSettings {
  /** Messages sent through the admin API (BENCH_CAMPAIGN). */
  readonly size: number;
  /** The sink's rate limit: beyond it, 429 with Retry-After (BENCH_SINK_RATE). */
  readonly sinkPerSecond: number;
  /** Code requests per second made while the campaign runs (BENCH_CODE_RATE). */
  readonly codesPerSecond: number;
}

/** Code requests made while the campaign ran: they must all succeed, whatever the queue meets. */
export interface CodesDuringCampaign {
  readonly requested: number;
  readonly succeeded: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly firstFailure: string | null;
}

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
  /** Calls the sink answered 429 during the campaign, codes' and queue's. */
  readonly limited: number;
  readonly codes: CodesDuringCampaign;
  /**
   * Non-202 answers, connection errors, messages that never reached the sink, or reached it twice, and code
   * requests that failed.
   */
  readonly failures: number;
  readonly firstFailure: string | null;
}

/**
 * Creates an admin key with `sms:send` on the server's database (`databaseUrl`) through the real CLI, as an
 * operator would.
 */
export function createSendKey(root: string, dataDir: string, databaseUrl: string): string {
  const output = runCli(root, dataDir, { DATABASE_URL: databaseUrl }, [
    'keys',
    'create',
    '--name',
    'bench',
    '--scopes',
    'sms:send',
  ]);
  return output.trim().split('\n').at(-1)!;
}

/**
 * A campaign: `campaign.size` queued sends through `POST /api/v1/admin/sms/send` (free text, a fresh number
 * each), with the server's own worker delivering them to a sink that takes only `campaign.sinkPerSecond`
 * and answers the rest 429, while sign-in code requests go on at `campaign.codesPerSecond`. Accepted/s is
 * what the route takes; delivered/s is what the worker gets out, measured until the sink has every accepted
 * message; the code requests show whether codes were affected (every one must succeed).
 */
export async function queuedSends(
  settings: BenchSettings,
  fresh: () => string,
  sink: SmsSink,
  apiKey: string,
  campaign: CampaignSettings,
): Promise<QueuedResult> {
  let firstFailure: string | null = null;
  const before = sink.distinct();
  const repeatedBefore = sink.repeated();
  const limitedBefore = sink.limited();
  sink.limitRate(campaign.sinkPerSecond);
  const codes = startCodeRequests(settings.baseUrl, fresh, campaign.codesPerSecond);
  const started = performance.now();
  const result = await autocannon({
    url: `${settings.baseUrl}/api/v1/admin/sms/send`,
    amount: campaign.size,
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
  const codesSeen = await codes.stop();
  sink.limitRate(null);
  const delivered = seen - before;
  const repeated = sink.repeated() - repeatedBefore;
  const elapsedSeconds = (lastArrival - started) / 1000;
  const codeFailures = codesSeen.requested - codesSeen.succeeded;
  return {
    name: `d. a campaign of ${campaign.size} queued sends to a sink that takes ${campaign.sinkPerSecond}/s, with code requests`,
    acceptedPerSecond: accepted / result.duration,
    deliveredPerSecond: delivered / elapsedSeconds,
    accepted,
    delivered,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    repeated,
    limited: sink.limited() - limitedBefore,
    codes: codesSeen,
    failures: result.non2xx + result.errors + Math.max(0, accepted - delivered) + repeated + codeFailures,
    firstFailure: firstFailure ?? codesSeen.firstFailure,
  };
}

/**
 * Code requests for fresh numbers at a steady `perSecond`, each started on schedule whether or not the last
 * has answered (a slow answer must not slow the probe down and hide itself), until `stop`.
 */
function startCodeRequests(baseUrl: string, fresh: () => string, perSecond: number) {
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let requested = 0;
  let firstFailure: string | null = null;
  const one = async () => {
    requested += 1;
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/otp/phone/login/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone_number: fresh() }),
        signal: AbortSignal.timeout(CODE_TIMEOUT_MS),
      });
      const body = await response.text();
      if (response.status === 200) latencies.push(performance.now() - started);
      else firstFailure ??= `code request: ${response.status} ${body.slice(0, 300)}`;
    } catch (error) {
      firstFailure ??= `code request: ${(error as Error).message}`;
    }
  };
  const timer = setInterval(() => {
    const request = one().finally(() => pending.delete(request));
    pending.add(request);
  }, 1000 / perSecond);
  return {
    async stop(): Promise<CodesDuringCampaign> {
      clearInterval(timer);
      await Promise.all(pending);
      const sorted = latencies.sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
      return { requested, succeeded: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), firstFailure };
    },
  };
}

export function queuedLine(r: QueuedResult): string {
  return (
    `${r.name}: ${Math.round(r.acceptedPerSecond)} accepted/s (p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms), ` +
    `${Math.round(r.deliveredPerSecond)} delivered/s (${r.delivered} distinct messages delivered for ` +
    `${r.accepted} counted as accepted, ${r.repeated} sent twice; the sink answered ${r.limited} calls 429)\n` +
    `  codes during the campaign: ${r.codes.succeeded} of ${r.codes.requested} succeeded ` +
    `(${r.codes.requested === 0 ? 'n/a' : ((100 * r.codes.succeeded) / r.codes.requested).toFixed(1)}%), ` +
    `p50 ${Math.round(r.codes.p50Ms)} ms, p99 ${Math.round(r.codes.p99Ms)} ms`
  );
}
