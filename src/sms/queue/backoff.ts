/** How long a failed try waits before the next, before jitter: doubling from `baseMs`, at most `maxMs`. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** 10 s, 20 s, 40 s, ... capped at 10 minutes: with 8 tries a message keeps trying for about 20 minutes at most. */
export const QUEUE_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 10 * 60_000 };

/**
 * The wait after failed try number `tries` (1 for the first), with full jitter: uniformly random between 0
 * and the exponential ceiling. Spreading retries over the whole interval keeps a batch that failed together
 * (a provider outage) from coming back together and failing together again.
 */
export function backoffDelayMs(tries: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, tries - 1));
  return Math.floor(random() * ceiling);
}
