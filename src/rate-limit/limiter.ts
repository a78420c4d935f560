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

/** A counter as the database store's statement reads it back: its key, count and window, and whether the
 * charges of the statement were refused (and so undone). */
export interface CountRow {
  readonly key: string;
  readonly points: number;
  readonly expire: number;
  readonly refused: boolean;
}

/**
 * A piece of SQL for another statement: its text, with its parameters numbered from `first` ($first,
 * $first+1, ...), and their values. The text is the same for every call, so the statement it goes in can be
 * prepared once.
 */
export interface SqlPart {
  text(first: number): string;
  readonly values: readonly unknown[];
}

/**
 * The counting of a request's charges as part of the caller's own PostgreSQL statement: `counts` is a query
 * for its WITH list that yields `CountRow`s, the statement writes nothing when any of them is `refused`, and
 * it hands back the rows.
 */
export interface CountsPart {
  readonly counts: SqlPart;
}

/** Points given back as part of the caller's own PostgreSQL statement: `refund` is an UPDATE for its WITH list. */
export interface RefundPart {
  readonly refund: SqlPart;
}

/** What a write given to `consumeAllWith` hands back: its own result, and the counts when it was given a part. */
export interface WrittenWith<T> {
  readonly value: T;
  readonly counts?: readonly CountRow[] | undefined;
}

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
  /** `refund` for several at once, in one round trip to the store where it can. */
  refundAll(taken: readonly Taken[]): Promise<void>;
  /**
   * `consumeAll`, then `write` if it allowed the charges, in as few round trips as the store allows. While
   * the counts are in PostgreSQL, `write` gets a part to count them inside its own statement: counting and
   * writing are one statement and one transaction, and `value` is undefined when the charges were refused.
   * Elsewhere the charges are taken first and `write` gets no part.
   */
  consumeAllWith<T>(
    charges: readonly Charge[],
    write: (part: CountsPart | undefined) => Promise<WrittenWith<T>>,
  ): Promise<{ decision: AllDecision; value?: T | undefined }>;
  /**
   * `write`, and `refundAll(taken)` after it or, while the points are in PostgreSQL, inside its statement
   * (the part). Either way nothing is given back before the write is done.
   */
  refundAllWith<T>(taken: readonly Taken[], write: (part: RefundPart | undefined) => Promise<T>): Promise<T>;
  /** Forgets a key's count (a successful sign-in clears its failures). */
  reset(rule: RateRule, key: string): Promise<void>;
  close(): Promise<void>;
}
