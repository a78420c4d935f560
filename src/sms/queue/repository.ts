import type { InsertObject, RawBuilder } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/types.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import { dueRows, releaseLapsed } from '../../db/claim.ts';
import { databaseNow, databaseNowPlus } from '../../db/clock.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DeliveryPolling } from '../log-repository.ts';
import type { ApprovedTemplate } from '../provider.ts';
import { writeTogether } from '../../db/together.ts';
import { NO_EVENTS, type EventRecorder } from '../../events/recorder.ts';
import type { SmsEventStatus } from '../../events/types.ts';

/** What a worker needs to send a queued message, kept as JSON in `sms_logs.payload` until the row is final. */
export interface QueuedPayload {
  /** The full text, any code in clear. */
  readonly text: string;
  readonly params: Readonly<Record<string, string>>;
  readonly approvedBy: Readonly<Record<string, ApprovedTemplate>>;
}

export interface NewQueuedMessage {
  readonly phoneNumber: string;
  readonly template: string | null;
  readonly locale: string | null;
  /** The provider it is expected to go through (the first); the worker writes the one that took it. */
  readonly provider: string;
  /** The text as rendered, which the log keeps. */
  readonly text: string;
  readonly payload: QueuedPayload;
  /** A test number (SMS_TEST_NUMBERS): written as already `sent` through provider `test`, never sent. */
  readonly testNumber: boolean;
  readonly apiKeyId: string | null;
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
}

/**
 * A row a worker holds. `leaseUntil` is its fencing token: only the holder of this lease may finish it. It
 * is a time on the database's clock, not this instance's.
 */
export interface ClaimedMessage {
  readonly id: string;
  readonly phoneNumber: string;
  readonly template: string | null;
  readonly payload: QueuedPayload | null;
  /** Tries made, this one included. */
  readonly tries: number;
  readonly leaseUntil: number;
}

/** How one try ended, as written to the row. */
export interface TryOutcome {
  /** The provider that carried it or failed last; null when none was called (the row keeps its own). */
  readonly provider: string | null;
  /** Provider calls this try made. */
  readonly attempts: number;
  readonly errorCode?: string | null;
  readonly errorMessage?: string | null;
}

export interface ExistingMessage {
  readonly id: string;
  readonly status: string;
  readonly requestHash: string | null;
}

/** The row a new message is written as: `queued` and due now (a test number's as `sent`). */
export function queuedRow(
  message: NewQueuedMessage,
  id: string,
  at: number,
  /** Now on the database's clock (see db/clock.ts): when a queued message is first due. */
  due: RawBuilder<number>,
): InsertObject<Database, 'sms_logs'> {
  const test = message.testNumber;
  return {
    id,
    phone_number: message.phoneNumber,
    template: message.template,
    locale: message.locale,
    provider: test ? 'test' : message.provider,
    provider_message_id: null,
    status: test ? 'sent' : 'queued',
    text: message.text,
    attempts: 0,
    tries: 0,
    poll_failures: 0,
    payload: test ? null : JSON.stringify(message.payload),
    next_attempt_at: test ? null : due,
    api_key_id: message.apiKeyId,
    idempotency_key: message.idempotencyKey,
    request_hash: message.requestHash,
    queued_at: at,
    sent_at: test ? at : null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * The durable queue over `sms_logs`. A row is `queued` (with `next_attempt_at`), `sending` while a worker
 * holds its lease (`lease_until`), then final (`sent`, or `failed`) with its payload cleared. Every write
 * that ends a try is fenced on the lease it was claimed with, so a worker whose lease lapsed (it stalled and
 * another took the row over) can no longer change the row.
 *
 * When a row is due (`next_attempt_at`) and how long a lease holds (`lease_until`) are on the database's
 * clock (db/clock.ts), so instances whose clocks disagree still agree on whose turn it is. The other times
 * (`queued_at`, `sent_at`, ...) only record what happened, and keep the instance's clock like the rest of
 * the log.
 */
export function createQueueRepository(
  database: DatabaseHandle,
  now: () => number,
  polling: DeliveryPolling,
  events: EventRecorder = NO_EVENTS,
) {
  const { db } = database;
  /** An `sms.status_changed` event for the row, written with the change that gives it `status`. */
  const statusEvent = (
    id: string,
    status: SmsEventStatus,
    provider: string,
    template: string | null,
    errorCode: string | null,
    at: number,
  ) => events.row('sms.status_changed', { log_id: id, status, provider, template, error_code: errorCode }, at);
  const dbNow = () => databaseNow(database);

  /** The row held under `claim`'s lease, and only then. */
  const held = (claim: ClaimedMessage) =>
    db
      .updateTable('sms_logs')
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('lease_until', '=', claim.leaseUntil);

  const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;
  /** The provider a row names: the one tried last, or the one first expected (for an event's `provider`). */
  const providerOf = async (id: string) =>
    (await db.selectFrom('sms_logs').select('provider').where('id', '=', id).executeTakeFirst())?.provider ?? 'none';

  return {
    /**
     * Writes the message as `queued` and due now (a test number's as `sent`). Returns its id, or null when
     * the unique (api key, Idempotency-Key) index refused it: another call with that key got there first.
     */
    async enqueue(message: NewQueuedMessage): Promise<string | null> {
      const id = newId();
      const at = now();
      try {
        const insert = db
          .insertInto('sms_logs')
          .values(queuedRow(message, id, at, dbNow()))
          .returning('id');
        // A test number's message is `sent` as it is written.
        const event = message.testNumber ? statusEvent(id, 'sent', 'test', message.template, null, at) : null;
        await writeTogether(database, insert.compile(), event);
        return id;
      } catch (error) {
        if (message.idempotencyKey !== null && isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async findByIdempotencyKey(apiKeyId: string, key: string): Promise<ExistingMessage | null> {
      const row = await db
        .selectFrom('sms_logs')
        .select(['id', 'status', 'request_hash'])
        .where('api_key_id', '=', apiKeyId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return row ? { id: row.id, status: row.status, requestHash: row.request_hash } : null;
    },

    /**
     * Takes up to `limit` due rows, earliest due first, and holds each for `leaseMs`: one statement, so
     * exactly one claimer gets each row, however many workers on however many instances ask at once (on
     * PostgreSQL the subquery skips rows another claim has locked rather than waiting for them).
     *
     * A due row whose API key has been revoked is cancelled by the same statement instead of being held
     * (`cancelled_by` the revoker): a revocation cancels the key's queued rows itself, but a row a worker
     * held at that moment comes back to the queue if its try fails, and must not go out afterwards. Deciding
     * it here, where a row is taken for sending, leaves no window between the check and the send.
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
      const at = now();
      const due = dueRows(database, 'sms_logs', limit);
      const rows = await db
        .updateTable('sms_logs')
        .set((eb) => {
          const revoker = eb
            .selectFrom('api_keys')
            .select('api_keys.revoked_by')
            .whereRef('api_keys.id', '=', 'sms_logs.api_key_id')
            .where('api_keys.revoked_at', 'is not', null);
          const revoked = eb.exists(revoker);
          const unlessRevoked = <T>(sending: T, cancelled: T) =>
            eb.case().when(revoked).then(cancelled).else(sending).end();
          return {
            status: unlessRevoked<string>('sending', 'cancelled'),
            tries: eb
              .case()
              .when(revoked)
              .then(eb.ref('tries'))
              .else(eb('tries', '+', 1))
              .end(),
            next_attempt_at: null,
            lease_until: eb.case().when(revoked).then(null).else(databaseNowPlus(database, leaseMs)).end(),
            sending_at: eb.case().when(revoked).then(eb.ref('sending_at')).else(eb.val(at)).end(),
            payload: eb.case().when(revoked).then(null).else(eb.ref('payload')).end(),
            final_at: eb.case().when(revoked).then(eb.val(at)).else(eb.ref('final_at')).end(),
            cancelled_by: revoker,
            updated_at: at,
          };
        })
        .where('id', 'in', due)
        .returning(['id', 'status', 'phone_number', 'template', 'payload', 'tries', 'lease_until'])
        .execute();
      return rows
        .filter((row) => row.status === 'sending')
        .map((row) => ({
          id: row.id,
          phoneNumber: row.phone_number,
          template: row.template,
          payload: row.payload === null ? null : (JSON.parse(row.payload) as QueuedPayload),
          tries: row.tries,
          leaseUntil: Number(row.lease_until),
        }));
    },

    /**
     * Queues again every row whose lease ran out, by the database's clock: its worker died (or stalled past
     * the lease) mid-try. The next claim sends it again, with the same reference. Returns how many rows that was.
     */
    releaseLapsed: (): Promise<number> => releaseLapsed(database, 'sms_logs', now()),

    /** The try carried the message. False when the lease was no longer this claim's. */
    async markSent(
      claim: ClaimedMessage,
      outcome: TryOutcome & { provider: string; messageId: string | null; cost?: number | undefined },
    ): Promise<boolean> {
      const at = now();
      const polled = outcome.messageId !== null && polling.reportsDelivery(outcome.provider);
      const change = held(claim)
        .set((eb) => ({
          status: 'sent',
          provider: outcome.provider,
          provider_message_id: outcome.messageId,
          cost: outcome.cost ?? null,
          error_code: outcome.errorCode ?? null,
          error_message: outcome.errorMessage ?? null,
          attempts: eb('attempts', '+', outcome.attempts),
          payload: null,
          lease_until: null,
          sent_at: at,
          poll_at: polled ? at + polling.delayMs : null,
          updated_at: at,
        }))
        .returning('id');
      const event = statusEvent(claim.id, 'sent', outcome.provider, claim.template, null, at);
      return (await writeTogether(database, change.compile(), event)).length > 0;
    },

    /** The message is given up: `failed`, final, its payload cleared. */
    async markFailed(claim: ClaimedMessage, outcome: TryOutcome): Promise<boolean> {
      const at = now();
      const change = held(claim)
        .set((eb) => ({
          status: 'failed',
          ...(outcome.provider === null ? {} : { provider: outcome.provider }),
          error_code: outcome.errorCode ?? null,
          error_message: outcome.errorMessage ?? null,
          attempts: eb('attempts', '+', outcome.attempts),
          payload: null,
          lease_until: null,
          final_at: at,
          updated_at: at,
        }))
        .returning(['id', 'provider']);
      const provider = outcome.provider ?? (events.enabled ? await providerOf(claim.id) : 'none');
      const event = statusEvent(claim.id, 'failed', provider, claim.template, outcome.errorCode ?? null, at);
      return (await writeTogether(database, change.compile(), event)).length > 0;
    },

    /**
     * Back to `queued`, due `retryInMs` from now on the database's clock. `countTry: false` gives the try
     * back (no provider was called: every circuit was open), so an outage of every provider does not use up
     * a message's tries.
     */
    async retryLater(
      claim: ClaimedMessage,
      outcome: TryOutcome & { retryInMs: number; countTry: boolean },
    ): Promise<boolean> {
      const at = now();
      const result = await held(claim)
        .set((eb) => ({
          status: 'queued',
          ...(outcome.provider === null ? {} : { provider: outcome.provider }),
          error_code: outcome.errorCode ?? null,
          error_message: outcome.errorMessage ?? null,
          attempts: eb('attempts', '+', outcome.attempts),
          tries: outcome.countTry ? claim.tries : claim.tries - 1,
          lease_until: null,
          next_attempt_at: databaseNowPlus(database, outcome.retryInMs),
          updated_at: at,
        }))
        .executeTakeFirst();
      return changed(result);
    },
  };
}

export type QueueRepository = ReturnType<typeof createQueueRepository>;
