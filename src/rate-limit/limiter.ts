/** A limit: at most `points` per `durationSeconds` window for one key. */
export interface RateRule {
  /** Part of the storage key, so two rules never share a counter. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/** Points an allowed `consume` took, and when the window they were taken from ends. */
export interface Taken {
  readonly rule: RateRule;
  readonly key: string;
  readonly cost: number;
  readonly windowEndsAt: number;
}

export type Decision =
  { readonly allowed: true; readonly taken: Taken } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** One point from `rule` for `key`. */
export type Charge = readonly [rule: RateRule, key: string];

export type AllDecision =
  | { readonly allowed: true; readonly taken: readonly Taken[] }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly rule: RateRule };

/**
 * Counters shared by every instance that uses the same store.
 *
 * Concurrency contract: `consume` is one atomic step in the store (an upsert, a Redis script), so of N
 * parallel calls for one key exactly `rule.points` are allowed per window, on one instance or many. A
 * rejected call leaves the counter as it found it, so `refund` after a failed action always restores the
 * room that action took.
 */
export interface RateLimiter {
  /** Where counts go at this moment: Redis, or the database (configured so, or while Redis is away). */
  readonly store: 'database' | 'redis';
  /** Redis is configured but counts go to the database (an instance cannot reach Redis, or starting). */
  readonly degraded: boolean;
  consume(rule: RateRule, key: string, cost?: number): Promise<Decision>;
  /**
   * One point from each charge, or none: when one limit says no, every counter is left as it was, so a
   * refused request never uses up another limit's room. Each counter is still counted atomically, so the
   * per-key guarantee of `consume` holds for every charge. The charges' keys must differ.
   */
  consumeAll(charges: readonly Charge[]): Promise<AllDecision>;
  /**
   * Gives back points taken by an action that did not happen (a send that failed). A no-op once the
   * window they were taken from has ended: giving them back to the next window would open it with room
   * to spare.
   */
  refund(taken: Taken): Promise<void>;
  /** Forgets a key's count (a successful sign-in clears its failures). */
  reset(rule: RateRule, key: string): Promise<void>;
  close(): Promise<void>;
}
