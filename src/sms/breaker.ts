export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Failures in a row that open the circuit (SMS_BREAKER_FAILURES). */
  readonly failures: number;
  /** How long an open circuit skips its provider before one trial call (SMS_BREAKER_COOLDOWN_SECONDS). */
  readonly cooldownMs: number;
  /** The app's clock, so tests can move past the cooldown. */
  readonly now: () => number;
  /** Called each time the circuit opens (metrics). */
  readonly onOpen?: () => void;
}

/**
 * A circuit breaker for one provider: closed, it lets every call through and counts failures in a row;
 * after `failures` of them it opens and lets nothing through for `cooldownMs`; then it is half-open and
 * lets exactly one trial call through. The trial's success closes it, its failure opens it again.
 *
 * State is per instance, in memory. That is acceptable because each instance learns on its own within
 * `failures` failed calls, each bounded by SMS_TIMEOUT_MS and the code deadline, and then skips the provider
 * as a shared breaker would; sharing the state (in Redis or the database) would put a round trip and
 * another dependency in front of every send, to save each instance those few calls.
 *
 * Not opossum: it wraps the call itself, with its own timeout and its own timers on the real clock, where
 * here the dispatcher owns the call and its deadline and tests must move the clock. The state machine
 * that is left is this file.
 */
export interface CircuitBreaker {
  /** What health reports. `half_open` once the cooldown has passed, whether or not the trial has started. */
  state(): BreakerState;
  /**
   * A permit for one call, or null when the provider is to be skipped. Half-open, only the first caller
   * gets one (the trial) until it reports. Every permit must be settled with `succeeded` or `failed`.
   */
  allow(): BreakerPermit | null;
}

export interface BreakerPermit {
  succeeded(): void;
  failed(): void;
}

export function createBreaker({ failures, cooldownMs, now, onOpen }: BreakerOptions): CircuitBreaker {
  let failuresInARow = 0;
  let openedAt: number | null = null;
  let trialRunning = false;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  };
  const open = () => {
    openedAt = now();
    onOpen?.();
  };

  // Calls let through while closed may settle after the circuit opened (they run concurrently, and a cooldown
  // can be shorter than SMS_TIMEOUT_MS): once it is open, only the trial's outcome moves it.
  const ordinary: BreakerPermit = {
    succeeded() {
      if (openedAt === null) failuresInARow = 0;
    },
    failed() {
      if (openedAt !== null) return;
      failuresInARow += 1;
      if (failuresInARow >= failures) open();
    },
  };
  const trial: BreakerPermit = {
    succeeded() {
      trialRunning = false;
      failuresInARow = 0;
      openedAt = null;
    },
    failed() {
      trialRunning = false;
      open();
    },
  };

  return {
    state,
    allow() {
      const current = state();
      if (current === 'closed') return ordinary;
      if (current === 'open' || trialRunning) return null;
      trialRunning = true;
      return trial;
    },
  };
}
