import { maskPhone } from '../../phone/parse.ts';
import { DispatchFailure, type Dispatcher, type SmsEvents } from '../dispatcher.ts';
import { aboutThisMessage } from '../classify.ts';
import { providerCodeFields } from '../provider-codes.ts';
import type { SmsError, SmsMessage } from '../provider.ts';
import { backoffDelayMs, QUEUE_BACKOFF, type Backoff } from './backoff.ts';
import type { ClaimedMessage, QueueRepository } from './repository.ts';
import { createLeaseLoop } from './lease-loop.ts';

/** The slice of a pino logger this needs. */
export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface QueueWorkerOptions {
  readonly queue: QueueRepository;
  readonly dispatcher: Pick<Dispatcher, 'dispatch'>;
  /** How long one try may take across every provider (SMS_TIMEOUT_MS for each of them). */
  readonly deadlineMs: number;
  /** SMS_QUEUE_MAX_ATTEMPTS: tries before a message is `failed`. */
  readonly maxAttempts: number;
  /** SMS_QUEUE_CONCURRENCY: messages in flight at once. */
  readonly concurrency: number;
  /**
   * How often an idle worker looks for due rows: retries whose wait is over, messages queued by other
   * instances, lapsed leases. A message queued on this instance wakes it at once.
   * @default 1000
   */
  readonly pollIntervalMs?: number;
  /** @default QUEUE_BACKOFF */
  readonly backoff?: Backoff;
  /**
   * How long until the dispatcher could call a provider, its pacer allowing (lanes.ts `queuePausedForMs`).
   * A message held back because providers asked to slow down goes back to the queue for that long.
   * @default () => 0
   */
  readonly pausedForMs?: () => number;
  /**
   * The longest a try waits for a pacer (lanes.ts `PACE_WAIT_MS`): while every provider is further off than
   * that, the worker claims nothing, rather than claim messages only to put them back.
   * @default Infinity
   */
  readonly paceWaitMs?: number;
  readonly log: WorkerLog;
  readonly events?: Pick<SmsEvents, 'smsMessage'> | undefined;
}

/**
 * Beyond the try's own deadline, what a lease allows for writing the outcome. A worker that is slower than
 * that loses the row (its writes are fenced off) and the row is sent again, under the same reference.
 */
export const LEASE_MARGIN_MS = 5_000;

/**
 * Delivers queued messages: claims due rows (at most `concurrency` in flight), sends each through the
 * dispatcher with its row id as `reference`, and writes the outcome. A refusal of the recipient or of the
 * text ends the message at once as `failed`; any other failure is tried again after a backoff with full
 * jitter, until `maxAttempts` tries have been made.
 */
export function createQueueWorker(options: QueueWorkerOptions) {
  const { queue, dispatcher, deadlineMs, maxAttempts, concurrency, log, events } = options;
  const backoff = options.backoff ?? QUEUE_BACKOFF;
  const pausedForMs = options.pausedForMs ?? (() => 0);
  const paceWaitMs = options.paceWaitMs ?? Infinity;
  const leaseMs = deadlineMs + LEASE_MARGIN_MS;

  const counted = (row: ClaimedMessage, provider: string, status: string) =>
    events?.smsMessage({ provider, template: row.template ?? 'text', status });

  async function fail(
    row: ClaimedMessage,
    provider: string | null,
    attempts: number,
    code: string,
    message: string,
    last?: SmsError,
  ) {
    if (await queue.markFailed(row, { provider, attempts, errorCode: code, errorMessage: message })) {
      counted(row, provider ?? 'none', 'failed');
      const meaning = last ? providerCodeFields(last) : {};
      log.warn(
        { smsLogId: row.id, to: maskPhone(row.phoneNumber), code, ...meaning, tries: row.tries },
        'queued SMS failed',
      );
    }
  }

  async function deliver(row: ClaimedMessage): Promise<void> {
    if (row.payload === null) return fail(row, null, 0, 'NO_PAYLOAD', 'the message has nothing left to send');
    if (row.tries > maxAttempts) {
      // Its last try was cut short (the worker died), so no provider answer ended it.
      return fail(row, null, 0, 'MAX_ATTEMPTS', `no try of ${maxAttempts} finished`);
    }
    const { text, params, approvedBy } = row.payload;
    const message: SmsMessage = {
      to: row.phoneNumber,
      text,
      template: row.template ?? 'text',
      params,
      approvedBy,
      reference: row.id,
    };
    try {
      const sent = await dispatcher.dispatch(message, { deadlineMs });
      const outcome = { provider: sent.provider, attempts: sent.attempts, messageId: sent.receipt.messageId };
      if (await queue.markSent(row, { ...outcome, cost: sent.receipt.cost })) {
        counted(row, sent.provider, 'sent');
      } else {
        log.warn({ smsLogId: row.id }, 'queued SMS sent after its lease lapsed; another try may send it again');
      }
    } catch (error) {
      if (!(error instanceof DispatchFailure)) throw error;
      const { last, attempts } = error;
      const code = last.providerCode ?? last.kind;
      if (last.accepted) return sentUnread(row, last, attempts, code);
      if (last.reason === 'rate_limited') return holdBack(row, last, attempts, code);
      if (aboutThisMessage(last) || row.tries >= maxAttempts) {
        return fail(row, last.provider, attempts, code, last.message, last);
      }
      const wait = backoffDelayMs(row.tries, backoff);
      await queue.retryLater(row, {
        provider: last.provider,
        attempts,
        errorCode: code,
        errorMessage: last.message,
        retryInMs: wait,
        countTry: attempts > 0,
      });
      log.info(
        { smsLogId: row.id, code, ...providerCodeFields(last), tries: row.tries, retryInMs: wait },
        'queued SMS will be tried again',
      );
    }
  }

  /**
   * The provider took the message (a 2xx) but its answer could not be read: the message is sent, without a
   * message id to poll, and the log keeps why. Trying it again would send it again.
   */
  async function sentUnread(row: ClaimedMessage, last: SmsError, attempts: number, code: string): Promise<void> {
    const outcome = { provider: last.provider, attempts, messageId: null, errorCode: code, errorMessage: last.message };
    if (await queue.markSent(row, outcome)) counted(row, last.provider, 'sent');
    log.warn(
      { smsLogId: row.id, code, ...providerCodeFields(last) },
      'queued SMS taken by the provider with an answer that could not be read; counted as sent',
    );
  }

  /**
   * The provider answered 429, or the pacer held the call back: the message is fine and so is the provider,
   * there is only too much to send. It goes back to the queue for as long as the pacer is paused, without
   * using a try, so that a campaign larger than what the provider takes is sent more slowly, never failed.
   */
  async function holdBack(row: ClaimedMessage, last: SmsError, attempts: number, code: string): Promise<void> {
    // Spread over a second, so that the messages held back together are not claimed all at once.
    const wait = pausedForMs() + Math.floor(Math.random() * 1000);
    const outcome = { provider: last.provider, attempts, errorCode: code, errorMessage: last.message };
    await queue.retryLater(row, { ...outcome, retryInMs: wait, countTry: false });
    log.info(
      { smsLogId: row.id, code, provider: last.provider, retryInMs: wait },
      'queued SMS held back: the provider asked to slow down',
    );
  }

  return createLeaseLoop<ClaimedMessage>({
    claim: (room) => queue.claim(room, leaseMs),
    releaseLapsed: () => queue.releaseLapsed(),
    deliver,
    concurrency,
    pollIntervalMs: options.pollIntervalMs,
    holdBack: () => pausedForMs() > paceWaitMs,
    name: 'SMS queue',
    describe: (row) => ({ smsLogId: row.id }),
    log,
  });
}

export type QueueWorker = ReturnType<typeof createQueueWorker>;
