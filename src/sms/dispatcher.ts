import { maskPhone } from '../phone/parse.ts';
import { providerCodeFields } from './provider-codes.ts';
import type { CircuitBreaker } from './breaker.ts';
import { classify } from './classify.ts';
import { SmsError, type SmsMessage, type SmsProvider, type SmsReceipt } from './provider.ts';
import { retryAfterMs, type Pacer } from './pacer.ts';

/** One provider a message may go through, with the breaker that decides whether it is tried. */
export interface SmsRoute {
  readonly provider: SmsProvider;
  readonly breaker: CircuitBreaker;
  /** Set on the queue's routes: each call waits for its turn (pacer.ts). */
  readonly pacer?: Pacer | undefined;
  /**
   * Set on the codes' routes: the queue's pacer for the same provider. A code never waits for it, but takes
   * a turn from it, and a 429 to a code pauses it, so that the queue leaves the provider's rate to codes.
   */
  readonly yieldsTo?: Pacer | undefined;
}

/**
 * What the SMS path reports as it goes (metrics). The names are the metrics module's, so its object fits as
 * is. Optional wherever it is taken: delivery works the same without anyone listening.
 */
export interface SmsEvents {
  /** One provider call took `seconds`; `outcome` is `ok` or the failure's class (see `outcomeOf`). */
  smsProviderLatency(labels: { provider: string; outcome: string }, seconds: number): void;
  /** A send moved on from provider `from` to provider `to`. */
  smsFailover(from: string, to: string): void;
  /** `lane` is `codes` or `queue`: each has its own breakers (see lanes.ts). */
  smsBreakerOpened(provider: string, lane: string): void;
  /** A message reached its final status for now (`sent` or `failed`). */
  smsMessage(labels: { provider: string; template: string; status: string }): void;
}

export interface Dispatched {
  /** The provider that carried the message. */
  readonly provider: string;
  readonly receipt: SmsReceipt;
  /** Provider calls made, this one included; providers skipped by their breaker do not count. */
  readonly attempts: number;
}

/** No provider carried the message. `last` is the failure that ended the attempt. */
export class DispatchFailure extends Error {
  override name = 'DispatchFailure';

  constructor(
    readonly attempts: number,
    readonly last: SmsError,
    /**
     * Some call may have sent the message after all (a timeout, a 5xx, a lost connection: see
     * `SmsError.mayHaveSent`), so the recipient may hold it even though this failed. Any such call on the
     * way counts, not only the last failure, because a later provider's definite refusal says nothing
     * about what the earlier one did.
     */
    readonly mayHaveArrived: boolean,
  ) {
    super(last.message);
  }
}

/** The slice of a pino logger this needs. */
export interface DispatchLog {
  warn(obj: object, msg: string): void;
}

/**
 * A call given less than this is not made: it could only time out, and it would count against the
 * provider's breaker for the deadline's sake. The same floor as SMS_TIMEOUT_MS's minimum.
 */
const MIN_CALL_MS = 100;

/** Who the message is for and who asked, and what a send may cost, for one `dispatch`. */
export interface DispatchOptions {
  /** Settles within this, whatever the providers do. */
  readonly deadlineMs: number;
  /** The client that asked (its address), so that one client cannot take every half-open trial. */
  readonly client?: string | undefined;
  /**
   * Asked before the next provider is tried after a call that may have sent the message: that try may
   * put a second copy on the phone, so it must fit the caller's limits. False stops the send there.
   * Without it, the next provider is tried.
   */
  readonly mayTryAgain?: (() => Promise<boolean>) | undefined;
  /**
   * Tried before the lane's own routes, for this message only: a code the caller asked to go by Telegram
   * goes to the bot first, and then on through the SMS providers as any code would.
   */
  readonly first?: SmsRoute | undefined;
}

/**
 * Sends one message through the ordered providers: a provider that cannot carry it (one that sends codes
 * only, for any other message) or whose breaker is open is skipped; a failure
 * of the provider or its account, or one it does not explain, moves on to the next; a refusal of this
 * message (the recipient or the text) stops, because the next provider would refuse the same number or text
 * and the user should hear so now (classify.ts). Only the provider's own faults count against its breaker.
 */
export function createDispatcher(deps: {
  routes: readonly SmsRoute[];
  /** SMS_TIMEOUT_MS: what each provider was built with. */
  timeoutMs: number;
  /** How long a call may wait for its pacer's turn before the provider is skipped. @default 0 */
  paceWaitMs?: number;
  log: DispatchLog;
  events?: Pick<SmsEvents, 'smsProviderLatency' | 'smsFailover'> | undefined;
}) {
  const { routes, timeoutMs, log, events } = deps;
  const paceWaitMs = deps.paceWaitMs ?? 0;

  return {
    routes,

    /**
     * Resolves with the provider that carried the message, or rejects with a DispatchFailure (anything
     * else is a bug in a provider). Settles within `deadlineMs` of real time, whatever the providers do:
     * each call gets SMS_TIMEOUT_MS or what is left of the deadline, whichever is less.
     */
    async dispatch(message: SmsMessage, options: DispatchOptions): Promise<Dispatched> {
      const { deadlineMs, client, mayTryAgain } = options;
      const ordered = options.first ? [options.first, ...routes] : routes;
      const started = performance.now();
      let attempts = 0;
      let last: SmsError | null = null;
      let mayHaveArrived = false;
      let failedBefore: string | null = null;
      let pacedOut: string | null = null;
      let askedAgain = false;
      let carriers = 0;

      for (let index = 0; index < ordered.length; index += 1) {
        const { provider, breaker, pacer, yieldsTo } = ordered[index]!;
        // Passed by before its breaker is asked: a message it cannot carry says nothing about its health.
        if (!carries(provider, message)) continue;
        carriers += 1;
        const remaining = deadlineMs - (performance.now() - started);
        if (remaining < MIN_CALL_MS) break;
        const permit = breaker.allow(client);
        if (!permit) continue;
        if (mayHaveArrived && mayTryAgain && !(await mayTryAgain())) {
          permit.released();
          break;
        }
        if (pacer && !(await pacer.take(Math.min(paceWaitMs, remaining - MIN_CALL_MS)))) {
          permit.released();
          pacedOut ??= provider.name;
          continue;
        }
        if (failedBefore && failedBefore !== provider.name) {
          events?.smsFailover(failedBefore, provider.name);
          log.warn({ to: maskPhone(message.to), from: failedBefore, provider: provider.name }, 'SMS failover');
        }
        attempts += 1;
        yieldsTo?.charge();
        const callStarted = performance.now();
        const observe = (outcome: string) =>
          events?.smsProviderLatency({ provider: provider.name, outcome }, (performance.now() - callStarted) / 1000);
        try {
          const receipt = await callWithin(
            provider,
            forProvider(message, provider.name),
            Math.min(timeoutMs, deadlineMs - (callStarted - started)),
            timeoutMs,
          );
          permit.succeeded();
          pacer?.succeeded();
          observe('ok');
          return { provider: provider.name, receipt, attempts };
        } catch (error) {
          if (!(error instanceof SmsError)) {
            permit.failed();
            throw error;
          }
          observe(outcomeOf(error));
          last = error;
          if (error.mayHaveSent) mayHaveArrived = true;
          log.warn(
            {
              to: maskPhone(message.to),
              provider: provider.name,
              kind: error.kind,
              reason: error.reason,
              ...providerCodeFields(error),
            },
            'SMS provider failed',
          );
          const { providerFault, failover } = classify(error);
          // A 429 says the provider is busy, not broken, and the queue's calls may be what made it busy: no
          // breaker counts it, or a campaign could open the circuit codes use.
          const busy = error.kind === 'rejected' && error.reason === 'rate_limited';
          if (busy) (pacer ?? yieldsTo)?.limited(error.retryAfter);
          if (providerFault && !busy) permit.failed();
          else permit.released();
          if (!failover) break;
          // Without a way to ask whether a second copy is allowed (the queue has none), a message a provider
          // took is not offered to the next one: the recipient would get it twice.
          if (error.accepted && !mayTryAgain) break;
          failedBefore = provider.name;
          // A code that met a 429 asks the same provider once more, after the wait it asked for if that fits
          // the deadline: the queue has just been paused for it, so the provider now has room.
          const waitMs = busy && yieldsTo && !askedAgain ? askAgainAfterMs(error) : Infinity;
          if (waitMs <= deadlineMs - (performance.now() - started) - MIN_CALL_MS) {
            askedAgain = true;
            await new Promise((resolve) => setTimeout(resolve, waitMs));
            index -= 1;
          }
        }
      }
      const none =
        carriers === 0 ? noCarrier(routes) : pacedOut === null ? everyCircuitOpen(routes) : pacedOutError(pacedOut);
      throw new DispatchFailure(attempts, last ?? none, mayHaveArrived);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * The message as `provider` gets it: with its own approved template, if it has one, and otherwise none, so
 * that it sends the text. A provider never sees another's template id.
 */
function forProvider(message: SmsMessage, provider: string): SmsMessage {
  if (!message.approvedBy) return message;
  const { approvedBy, ...rest } = message;
  return { ...rest, approved: approvedBy[provider] };
}

/** Whether `provider` can take `message`: a codes-only provider takes nothing but code messages. */
const carries = (provider: SmsProvider, message: SmsMessage): boolean => !provider.codesOnly || !!message.code;

/**
 * Every provider listed carries codes only, and this message is not one. A refusal of this message, so that
 * the queue fails it at once: trying again cannot help until another provider is listed.
 */
function noCarrier(routes: readonly SmsRoute[]): SmsError {
  const first = routes[0]?.provider.name ?? 'none';
  const message = 'no provider listed carries this message: they send one-time codes only';
  return new SmsError(first, 'rejected', message, 'CODES_ONLY', 'content');
}

/** `transport`, `timeout`, or the rejection's reason (`recipient`, `content`, `message`, `unreachable`, `account`, `rate_limited`, `unknown`). */
export function outcomeOf(error: SmsError): string {
  return error.kind === 'rejected' ? (error.reason ?? 'unknown') : error.kind;
}

function everyCircuitOpen(routes: readonly SmsRoute[]): SmsError {
  const first = routes[0]?.provider.name ?? 'none';
  return new SmsError(first, 'transport', 'every provider is skipped while its circuit is open', 'CIRCUIT_OPEN');
}

/** How long a code waits before it asks a provider that answered 429 again: its `Retry-After`, or a second. */
function askAgainAfterMs(error: SmsError): number {
  return retryAfterMs(error.retryAfter, Date.now()) ?? 1000;
}

/** No call was made because the queue is holding back for a provider that asked it to slow down. */
function pacedOutError(provider: string): SmsError {
  return new SmsError(
    provider,
    'rejected',
    'held back: the provider asked the queue to slow down',
    'PACED',
    'rate_limited',
  );
}

/**
 * The provider's call, given `budgetMs`. When that is less than the provider's own timeout (the deadline is
 * near), the wait is cut short here and the request is left to end on its own within SMS_TIMEOUT_MS; what it
 * ends with no longer matters, since a late success is a message that went out, which a timeout already
 * allows for (`mayHaveArrived`). Aborting it instead would not change that, and would mean a per-call
 * signal on every provider.
 */
function callWithin(
  provider: SmsProvider,
  message: SmsMessage,
  budgetMs: number,
  providerTimeoutMs: number,
): Promise<SmsReceipt> {
  const call = provider.send(message);
  if (budgetMs >= providerTimeoutMs) return call;
  call.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const ms = Math.round(budgetMs);
      reject(new SmsError(provider.name, 'timeout', `no answer within ${ms} ms (what was left of the deadline)`));
    }, budgetMs);
  });
  return Promise.race([call, cut]).finally(() => clearTimeout(timer));
}
