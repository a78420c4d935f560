/**
 * How fast the queue calls one provider. A provider that answers 429 is telling every queued message the
 * same thing, so the whole queue slows down for that provider instead of each message backing off alone:
 * calls are spaced `1 / rate` apart (no bursts: a provider that allows 20 a second may count them in any
 * one-second window). A 429 stops every call for its `Retry-After` (or one second) and cuts the rate to nine
 * tenths of what the provider took in the second before it, or to half, whichever is more (with codes
 * taking their share, what it took is what is left for the queue); then the rate grows by about one call a
 * second for each second of successes, up to SMS_QUEUE_RATE_PER_SECOND.
 * Additive increase and multiplicative decrease, as TCP does, so that the rate settles just under what the
 * provider allows and meets a 429 again only every few seconds.
 *
 * Per instance, in memory: with several instances running workers each has its own ceiling, and each
 * learns from the 429s it gets (see the README on the queue).
 */
export interface Pacer {
  /** How long until the next call could start, in whole milliseconds; 0 when one may start now. */
  waitMs(): number;
  /**
   * Takes the next free slot if it comes within `maxWaitMs`, and resolves true when it has come (the caller
   * then makes its call at once); resolves false without waiting when the next slot is further away. A 429
   * while it waits sends it to the back of the new schedule.
   */
  take(maxWaitMs: number): Promise<boolean>;
  /**
   * A call made without waiting for a turn (a code message) took one: the queue's next call moves back by
   * one interval, so that codes use the provider's rate first and the queue what is left.
   */
  charge(): void;
  /** The provider answered 429, with its `Retry-After` if it sent one. */
  limited(retryAfter?: string): void;
  /** A call went through: the rate creeps back up. */
  succeeded(): void;
  /** Calls per second now (for health). */
  ratePerSecond(): number;
}

/** The longest pause a `Retry-After` can impose; a provider asking for more is asked again then. */
const MAX_PAUSE_MS = 10 * 60_000;
/** The pause after a 429 that says nothing about when to come back. */
const DEFAULT_PAUSE_MS = 1000;
/** Halving never goes below this, so a provider that was rate limiting once is still tried now and then. */
const MIN_RATE_PER_SECOND = 0.2;

export function createPacer(ceilingPerSecond: number): Pacer {
  // performance.now, not the app's clock: the waits are real time, and tests move the app's clock.
  const now = () => performance.now();
  let rate = ceilingPerSecond;
  let nextAt = 0;
  let pausedUntil = 0;
  /** Moves on every 429, so that a caller waiting for a slot of the old schedule takes one of the new. */
  let schedule = 0;
  /** When the calls of the last second went through, oldest first. */
  const recent: number[] = [];

  const firstSlot = () => Math.max(now(), nextAt, pausedUntil);

  return {
    // Whole milliseconds: it becomes a time in the database.
    waitMs: () => Math.max(0, Math.ceil(firstSlot() - now())),

    async take(maxWaitMs) {
      const deadline = now() + maxWaitMs;
      for (;;) {
        const at = now();
        const slot = Math.max(at, nextAt, pausedUntil);
        if (slot > at && slot > deadline) return false;
        nextAt = slot + 1000 / rate;
        const mine = schedule;
        const wait = slot - at;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (mine === schedule) return true;
      }
    },

    charge() {
      nextAt = Math.max(now(), nextAt) + 1000 / rate;
    },

    limited(retryAfter) {
      const at = now();
      // Calls that were already on their way answer 429 together: one cut per pause, not one per call.
      if (at >= pausedUntil) {
        while (recent.length > 0 && at - recent[0]! >= 1000) recent.shift();
        const took = 0.9 * recent.length;
        rate = Math.max(MIN_RATE_PER_SECOND, Math.min(rate, Math.max(rate / 2, took)));
      }
      const pauseMs = Math.min(MAX_PAUSE_MS, retryAfterMs(retryAfter, Date.now()) ?? DEFAULT_PAUSE_MS);
      pausedUntil = Math.max(pausedUntil, at + pauseMs);
      nextAt = pausedUntil;
      schedule += 1;
    },

    succeeded() {
      const at = now();
      recent.push(at);
      while (at - recent[0]! >= 1000) recent.shift();
      // 1/rate per call is one call a second more each second; at a very low rate, a tenth of the ceiling.
      rate = Math.min(ceilingPerSecond, rate + Math.min(1 / rate, ceilingPerSecond / 10));
    },

    ratePerSecond: () => rate,
  };
}

/**
 * `Retry-After` in milliseconds from `nowMs`: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined
 * when absent or unreadable, and never negative.
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
