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
 * Only the provider's own faults are failures (see classify.ts); an answer about one message (a refused
 * number) is `released`, which changes nothing, so no caller can open the circuit by asking for codes to
 * numbers that do not exist, nor keep it open by spending the trial on one: a released trial frees the
 * slot for the next caller. And a client that had a trial gets no other within two cooldowns of it: after
 * its trial failed, the next one goes to someone else's message. Without anyone else, the same client gets
 * it then, so a service with a single client (everything behind one proxy address) still recovers, one
 * cooldown later than otherwise.
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
   * gets one (the trial) until it reports, and not `client` if it had the last trial less than two
   * cooldowns ago. Every permit must be settled with `succeeded`, `failed` or `released`.
   */
  allow(client?: string): BreakerPermit | null;
}

export interface BreakerPermit {
  succeeded(): void;
  /** The provider or its account failed (see classify.ts). */
  failed(): void;
  /** The call says nothing about the provider's health (it refused this one message): nothing changes. */
  released(): void;
}

export function createBreaker({ failures, cooldownMs, now, onOpen }: BreakerOptions): CircuitBreaker {
  let failuresInARow = 0;
  let openedAt: number | null = null;
  let trialRunning = false;
  let lastTrial: { client: string; at: number } | null = null;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  };
  const open = () => {
    openedAt = now();
    onOpen?.();
  };
  const hadLastTrial = (client: string | undefined) =>
    client !== undefined && lastTrial?.client === client && now() - lastTrial.at < 2 * cooldownMs;

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
    released() {},
  };
  const trial: BreakerPermit = {
    succeeded() {
      trialRunning = false;
      failuresInARow = 0;
      openedAt = null;
      lastTrial = null;
    },
    failed() {
      trialRunning = false;
      open();
    },
    released() {
      trialRunning = false;
    },
  };

  return {
    state,
    allow(client) {
      const current = state();
      if (current === 'closed') return ordinary;
      if (current === 'open' || trialRunning || hadLastTrial(client)) return null;
      trialRunning = true;
      lastTrial = client === undefined ? null : { client, at: now() };
      return trial;
    },
  };
}
