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
 * slot for the next caller. And a client whose trial failed gets no other trial within two cooldowns of
 * that: the next one goes to someone else's message, so a client that can make the provider fail for its
 * own numbers cannot spend every trial. Without anyone else, the same client gets one then, so a service
 * with a single client (everything behind one proxy address) still recovers, one cooldown later.
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
   * gets one (the trial) until it reports, and not `client` if a trial it had failed less than two
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

/** One failed trial per cooldown at most, so this many covers a long outage without growing unbounded. */
const MAX_REMEMBERED_CLIENTS = 1000;

export function createBreaker({ failures, cooldownMs, now, onOpen }: BreakerOptions): CircuitBreaker {
  let failuresInARow = 0;
  let openedAt: number | null = null;
  let trialRunning = false;
  let trialClient: string | undefined;
  /** Clients whose trial failed, and when; bounded, the oldest forgotten first. */
  const failedTrials = new Map<string, number>();

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  };
  const open = () => {
    openedAt = now();
    onOpen?.();
  };
  const failedATrial = (client: string | undefined) => {
    const at = client === undefined ? undefined : failedTrials.get(client);
    return at !== undefined && now() - at < 2 * cooldownMs;
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
    released() {},
  };
  const trial: BreakerPermit = {
    succeeded() {
      trialRunning = false;
      failuresInARow = 0;
      openedAt = null;
      failedTrials.clear();
    },
    failed() {
      trialRunning = false;
      if (trialClient !== undefined) {
        failedTrials.delete(trialClient);
        failedTrials.set(trialClient, now());
        if (failedTrials.size > MAX_REMEMBERED_CLIENTS) failedTrials.delete(failedTrials.keys().next().value!);
      }
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
      if (current === 'open' || trialRunning || failedATrial(client)) return null;
      trialRunning = true;
      trialClient = client;
      return trial;
    },
  };
}
