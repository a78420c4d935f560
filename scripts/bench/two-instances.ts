import autocannon from 'autocannon';
import { codeRequestPlan, inFlight, perOperation, Tally, type StoreCounters, type StoreFigures } from './scenarios.ts';
import type { ServerChild } from './server.ts';

export interface TwoInstancesResult {
  readonly name: string;
  /** Successful code requests per second, both instances together. */
  readonly rate: number;
  /** Against one instance's code requests in the same store run. */
  readonly ratioToOne: number;
  /** The worse of the two runs' p50 and p99. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU per code request, each instance charged with the requests it answered. */
  readonly cpuMsPerOp: readonly (number | null)[];
  readonly store?: StoreFigures;
  readonly failures: number;
  readonly firstFailure: string | null;
}

export interface TwoInstancesSettings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Split evenly: each instance is driven by half of them. */
  readonly connections: number;
  readonly counters?: StoreCounters | undefined;
  /** One idle instance's sweeps per second; two add about twice as much, so the figures keep a little of it. */
  readonly background?: Readonly<Record<string, number>> | undefined;
}

/**
 * Code requests at two instances at once (one autocannon per instance, half of the connections each), both
 * on the same database and Redis, as two instances behind a load balancer would be. Whether a second
 * instance adds throughput, or both wait on the shared store, shows in the combined rate against one.
 */
export async function twoInstances(
  servers: readonly [ServerChild, ServerChild],
  settings: TwoInstancesSettings,
  fresh: () => string,
  oneInstanceRate: number,
): Promise<TwoInstancesResult> {
  const half = Math.max(1, Math.floor(settings.connections / 2));
  const runOn = async (server: ServerChild, duration: number) => {
    const tally = new Tally();
    const { path, ...options } = codeRequestPlan(fresh)(tally);
    const cpuBefore = server.cpuSeconds();
    const result = await autocannon({ ...options, url: `${server.baseUrl}${path}`, duration, connections: half });
    const cpuAfter = server.cpuSeconds();
    const cpuMsPerOp =
      cpuBefore === null || cpuAfter === null || result['2xx'] === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / result['2xx'];
    return { result, tally, cpuMsPerOp };
  };
  const both = (duration: number) => Promise.all(servers.map((server) => runOn(server, duration)));

  const warm = await both(settings.warmupSeconds);
  const before = await settings.counters?.read();
  const runs = await both(settings.seconds);
  const after = await settings.counters?.read();
  const successes = runs.reduce((sum, run) => sum + run.result['2xx'], 0);
  const rate = runs.reduce((sum, run) => sum + run.result['2xx'] / run.result.duration, 0);
  const failed = [...warm, ...runs];
  return {
    name: `e. code requests at two instances at once (${half} connections each)`,
    rate,
    ratioToOne: rate / oneInstanceRate,
    p50Ms: Math.max(...runs.map((run) => run.result.latency.p50)),
    p99Ms: Math.max(...runs.map((run) => run.result.latency.p99)),
    cpuMsPerOp: runs.map((run) => run.cpuMsPerOp),
    ...(before &&
      after && {
        store: perOperation(
          before,
          after,
          successes + runs.reduce((sum, run) => sum + inFlight(run.result), 0),
          settings.background,
        ),
      }),
    failures: failed.reduce((sum, run) => sum + run.result.non2xx + run.result.errors, 0),
    firstFailure: failed.find((run) => run.tally.firstFailure !== null)?.tally.firstFailure ?? null,
  };
}
