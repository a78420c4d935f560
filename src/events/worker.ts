import type { EventDeliveryOutcome } from '../metrics/metrics.ts';
import { backoffDelayMs, type Backoff } from '../sms/queue/backoff.ts';
import { createLeaseLoop, type LoopLog } from '../sms/queue/lease-loop.ts';
import { LEASE_MARGIN_MS } from '../sms/queue/worker.ts';
import type { ClaimedEvent, EventRepository } from './repository.ts';
import type { PostOutcome } from './webhook.ts';

/** 10 s, 20 s, 40 s, ... at most an hour between tries, before jitter. */
export const EVENTS_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 3600_000 };
/** An event still not delivered this long after it happened is given up, whatever its tries. */
export const EVENT_MAX_AGE_MS = 3 * 24 * 3600_000;

export interface EventWorkerOptions {
  readonly events: EventRepository;
  readonly post: (event: ClaimedEvent) => Promise<PostOutcome>;
  /** EVENTS_TIMEOUT_MS: one try; the lease is this plus a margin for writing the outcome. */
  readonly timeoutMs: number;
  /** EVENTS_MAX_ATTEMPTS: tries before an event is `failed`. */
  readonly maxAttempts: number;
  /** Events in flight at once on this instance. @default 8 */
  readonly concurrency?: number;
  /** @default 1000 */
  readonly pollIntervalMs?: number;
  /** @default EVENTS_BACKOFF */
  readonly backoff?: Backoff;
  /** @default EVENT_MAX_AGE_MS */
  readonly maxAgeMs?: number;
  readonly log: LoopLog & { info(obj: object, msg: string): void };
  readonly metrics?: { eventDelivery(labels: { type: string; outcome: EventDeliveryOutcome }, seconds: number): void };
  readonly now: () => number;
}

/**
 * Delivers events at least once, with the SMS queue's loop and lease (sms/queue/lease-loop.ts): claims due
 * events, POSTs each, and writes the outcome fenced on its lease. A 2xx ends it as `delivered`; anything
 * else is tried again after a backoff with full jitter (or the receiver's Retry-After, if longer), until
 * `maxAttempts` tries or `maxAgeMs` after the event, then it is `failed`. A worker that dies mid-try leaves
 * its lease to lapse; another instance then takes the event, under the same `webhook-id`.
 */
export function createEventWorker(options: EventWorkerOptions) {
  const { events, post, maxAttempts, log, metrics, now } = options;
  const backoff = options.backoff ?? EVENTS_BACKOFF;
  const maxAgeMs = options.maxAgeMs ?? EVENT_MAX_AGE_MS;
  const leaseMs = options.timeoutMs + LEASE_MARGIN_MS;

  async function deliver(event: ClaimedEvent): Promise<void> {
    if (event.attempts > maxAttempts) {
      // Its last try was cut short (the worker died), so no answer ended it.
      await events.markFailed(event, 'MAX_ATTEMPTS');
      return;
    }
    const started = performance.now();
    const outcome = await post(event);
    const seconds = (performance.now() - started) / 1000;
    const counted = (result: EventDeliveryOutcome) =>
      metrics?.eventDelivery({ type: event.type, outcome: result }, seconds);
    const fields = { eventId: event.id, type: event.type, attempts: event.attempts };
    if (outcome.delivered) {
      if (await events.markDelivered(event)) counted('delivered');
      else log.warn(fields, 'event delivered after its lease lapsed; it may be delivered again');
      return;
    }
    const { error } = outcome;
    if (event.attempts >= maxAttempts || now() - event.createdAt >= maxAgeMs) {
      if (await events.markFailed(event, error)) counted('failed');
      log.warn({ ...fields, error }, 'event not delivered; given up');
      return;
    }
    const wait = Math.min(backoff.maxMs, Math.max(backoffDelayMs(event.attempts, backoff), outcome.retryAfterMs ?? 0));
    if (await events.retryLater(event, error, wait)) counted('retried');
    log.info({ ...fields, error, retryInMs: wait }, 'event not delivered; will try again');
  }

  return createLeaseLoop<ClaimedEvent>({
    claim: (room) => events.claim(room, leaseMs),
    releaseLapsed: () => events.releaseLapsed(),
    deliver,
    concurrency: options.concurrency ?? 8,
    pollIntervalMs: options.pollIntervalMs,
    name: 'events',
    describe: (event) => ({ eventId: event.id }),
    log,
  });
}

export type EventWorker = ReturnType<typeof createEventWorker>;
