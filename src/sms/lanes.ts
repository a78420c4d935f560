import { createHttpPool, type HttpPool } from './http.ts';
import type { CircuitBreaker } from './breaker.ts';
import type { Dispatcher, SmsRoute } from './dispatcher.ts';
import type { SmsProvider } from './provider.ts';
import { createPacer } from './pacer.ts';
import { CALLS_AT_ONCE } from './queue/poller.ts';

/**
 * Code messages and queued messages go out on separate lanes: each lane has its own connections to every
 * provider and its own breaker per provider. A sign-in code must never wait for a campaign, so nothing the
 * queue does (a provider answering its calls with 429, calls that hang, more messages in flight than a
 * provider can take) can open a circuit codes use or hold a connection codes need. A provider that is
 * really down opens both circuits, each after its own failures.
 */
export type LaneName = 'codes' | 'queue';

export interface SmsLane {
  readonly name: LaneName;
  /** Every provider, in the order messages are tried, each with this lane's breaker (and pacer, on the queue). */
  readonly routes: readonly SmsRoute[];
  readonly dispatcher: Dispatcher;
}

/**
 * Connections to each provider for code messages. Code requests are bounded by the rate limits in front of
 * them, and each takes one connection for one call; 64 is what the single pool had before the lanes.
 */
export const CODES_CONNECTIONS = 64;

/**
 * The queue's connections to each provider: one per message in flight (SMS_QUEUE_CONCURRENCY), and one for
 * each status call the delivery poller makes at once, which shares the pool, so that neither waits for the
 * other. A message waiting for a connection would spend its SMS_TIMEOUT_MS there.
 */
export const queueConnections = (concurrency: number) => concurrency + CALLS_AT_ONCE;

/**
 * How long a queued call may wait for its provider's pacer before the provider is skipped for this try. The
 * worker gives each try this much more time per provider, and claims nothing while every provider is
 * further off than this (queue/worker.ts).
 */
export const PACE_WAIT_MS = 2000;

/** The pools of both lanes, closed together when the app closes. */
export function createLanePools(queueConcurrency: number): {
  codes: HttpPool;
  queue: HttpPool;
  close(): Promise<void>;
} {
  const codes = createHttpPool(CODES_CONNECTIONS);
  const queue = createHttpPool(queueConnections(queueConcurrency));
  return {
    codes,
    queue,
    // By then the HTTP server has answered its requests and the queue has had its grace (server.ts): a call
    // still open is a queued send left to its lease, and must not hold the shutdown up.
    close: async () => void (await Promise.all([codes.destroy(), queue.destroy()])),
  };
}

/** The routes of one lane: the providers built on its pool, each with a breaker of its own (and a pacer). */
export function queueRoutes(
  providers: readonly SmsProvider[],
  breakerFor: (provider: string) => CircuitBreaker,
  ratePerSecond: (provider: string) => number,
): SmsRoute[] {
  return providers.map((provider) => ({
    provider,
    breaker: breakerFor(provider.name),
    pacer: createPacer(ratePerSecond(provider.name)),
  }));
}

/** The codes' routes: their own providers and breakers, each yielding to nothing but taking the queue's turns. */
export function codeRoutes(
  providers: readonly SmsProvider[],
  breakerFor: (provider: string) => CircuitBreaker,
  queue: readonly SmsRoute[],
): SmsRoute[] {
  return providers.map((provider, i) => ({ provider, breaker: breakerFor(provider.name), yieldsTo: queue[i]!.pacer }));
}

/**
 * How long until the queue could call any provider whose circuit is not open: 0 when one is free now. The
 * worker waits this out instead of claiming messages only to put them back.
 */
export function queuePausedForMs(lane: SmsLane): number {
  // A provider that carries codes only is never called by the queue, so its pacer, never used, is no way out.
  const waits = lane.routes
    .filter(({ provider, breaker }) => !provider.codesOnly && breaker.state() !== 'open')
    .map(({ pacer }) => pacer?.waitMs() ?? 0);
  return waits.length === 0 ? 0 : Math.min(...waits);
}
