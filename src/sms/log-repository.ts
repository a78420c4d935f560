import { newId } from '../db/ids.ts';
import { sql, type Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import type { Database, SmsLogsTable } from '../db/types.ts';
import { olderThan, type ListPosition } from '../db/list-cursor.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { writeTogether } from '../db/together.ts';
import type { EventRecorder } from '../events/recorder.ts';

/** A delivery-log row as stored. */
export type SmsLogRow = Readonly<SmsLogsTable>;

/** What `list` narrows to; every field is optional and they combine with AND. */
export interface SmsLogFilter {
  /** E.164, exactly as stored. */
  readonly phoneNumber?: string | undefined;
  readonly status?: string | undefined;
  readonly template?: string | undefined;
  readonly provider?: string | undefined;
  /** Epoch ms, inclusive. */
  readonly fromMs?: number | undefined;
  /** Epoch ms, inclusive. */
  readonly toMs?: number | undefined;
  /** Rows strictly after this one, in the listing's order. */
  readonly after?: ListPosition | undefined;
  readonly limit: number;
}

/** One provider's messages since some time, by final outcome. */
export interface SmsProviderTally {
  readonly provider: string;
  readonly sent: number;
  readonly failed: number;
}

/** How many messages of one status went through one provider in one hour (`hour`: epoch ms / 3 600 000). */
export interface SmsHourCount {
  readonly hour: number;
  readonly status: string;
  readonly provider: string;
  readonly count: number;
}

/** A message about to be sent: the row exists (as `sending`) before any provider is called. */
export interface SmsLogStart {
  readonly phoneNumber: string;
  readonly template: string | null;
  /** The locale its template was rendered in; `fa` when not given. */
  readonly locale?: string | null | undefined;
  /** The provider it is expected to go through; `finish` writes the one that actually took it. */
  readonly provider: string;
  /** Already masked: callers pass text with any code replaced. */
  readonly text: string;
}

/** How the message ended. */
export interface SmsLogOutcome {
  readonly provider: string;
  readonly providerMessageId: string | null;
  readonly status: 'sent' | 'failed';
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Provider calls made for the message (after failover, more than one). */
  readonly attempts: number;
  /** What the provider says it cost, where it says. */
  readonly cost?: number | undefined;
}

/** Which sent messages the delivery poller will ask about, and when first. */
export interface DeliveryPolling {
  /** True for providers that report delivery (`SmsProvider.status`). */
  reportsDelivery(provider: string): boolean;
  /** SMS_DELIVERY_POLL_SECONDS in ms: a message is first asked about this long after it was sent. */
  readonly delayMs: number;
}

const NO_POLLING: DeliveryPolling = { reportsDelivery: () => false, delayMs: 0 };

/**
 * `sms_logs`: one row per message, however many providers were tried for it. The row is written before the
 * first call and updated once at the end, so a process that dies mid-send leaves a `sending` row behind: a
 * message that may have gone out, rather than none at all.
 */
/** Where `sms.status_changed` events go: written with the log row's change (db/together.ts) when events are on. */
export interface LogEvents {
  readonly database: DatabaseHandle;
  readonly events: EventRecorder;
}

export function createSmsLogRepository(
  db: Kysely<Database>,
  now: () => number,
  polling = NO_POLLING,
  outbox?: LogEvents,
) {
  // Every code request writes one row and updates it once: both compiled once (see db/compiled-query.ts),
  // the update in one shape per outcome, since a sent message sets `sent_at` and a failed one `final_at`.
  const insertRow = compiledOnce(db, INSERT_ARGS, insertQuery(db));
  const finishSent = compiledOnce(db, FINISH_ARGS, finishQuery(db, 'sent_at'));
  const finishFailed = compiledOnce(db, FINISH_ARGS, finishQuery(db, 'final_at'));
  // The same statements returning the row's id, for a change written with its event.
  const insertReturning = compiledOnce(db, INSERT_ARGS, (row: Insert) => insertQuery(db)(row).returning('id'));
  const finishSentReturning = compiledOnce(db, FINISH_ARGS, (row: Finish) =>
    finishQuery(db, 'sent_at')(row).returning('id'),
  );
  const finishFailedReturning = compiledOnce(db, FINISH_ARGS, (row: Finish) =>
    finishQuery(db, 'final_at')(row).returning('id'),
  );
  const events = outbox?.events.enabled ? outbox : undefined;
  const statusEvent = (
    id: string,
    status: 'sent' | 'failed',
    provider: string,
    template: string | null,
    errorCode: string | null,
    at: number,
  ) => events!.events.row('sms.status_changed', { log_id: id, status, provider, template, error_code: errorCode }, at);

  const pollAt = (outcome: SmsLogOutcome, at: number): number | null =>
    outcome.status === 'sent' && outcome.providerMessageId !== null && polling.reportsDelivery(outcome.provider)
      ? at + polling.delayMs
      : null;

  const insert = async (entry: SmsLogStart, status: string, attempts: number, id = newId()): Promise<string> => {
    const at = now();
    const args = {
      id,
      phoneNumber: entry.phoneNumber,
      template: entry.template,
      locale: entry.locale ?? 'fa',
      provider: entry.provider,
      status,
      text: entry.text,
      attempts,
      at,
      sentAt: status === 'sent' ? at : null,
    };
    if (events && status === 'sent') {
      const event = statusEvent(id, 'sent', entry.provider, entry.template, null, at);
      await writeTogether(events.database, insertReturning.bind(args), event);
    } else {
      await insertRow(args);
    }
    return id;
  };

  return {
    /** Writes the message as `sending`, with no attempts yet, under `id` when given. Returns the row id, for `finish`. */
    start: (entry: SmsLogStart, id?: string): Promise<string> => insert(entry, 'sending', 0, id),

    /**
     * Writes how the message ended. A `sent` message with a provider id from a provider that reports
     * delivery is handed to the delivery poller (`poll_at`).
     */
    async finish(id: string, outcome: SmsLogOutcome, template: string | null = null): Promise<void> {
      const at = now();
      const args = {
        id,
        provider: outcome.provider,
        providerMessageId: outcome.providerMessageId,
        status: outcome.status,
        errorCode: outcome.errorCode,
        errorMessage: outcome.errorMessage,
        attempts: outcome.attempts,
        cost: outcome.cost ?? null,
        at,
        pollAt: pollAt(outcome, at),
      };
      if (!events) {
        await (outcome.status === 'sent' ? finishSent : finishFailed)(args);
        return;
      }
      const statement = (outcome.status === 'sent' ? finishSentReturning : finishFailedReturning).bind(args);
      const failure = outcome.status === 'failed' ? outcome.errorCode : null;
      const event = statusEvent(id, outcome.status, outcome.provider, template, failure, at);
      await writeTogether(events.database, statement, event);
    },

    /** When the delivery poller first asks about a message that ended so at `at`; null when it never will. */
    pollAt,

    /** A message that needed no provider (a test number): written once, as sent, after no calls. */
    recordWithoutProvider: (entry: SmsLogStart, id?: string): Promise<string> => insert(entry, 'sent', 0, id),

    /**
     * Up to `limit` rows, newest first (`created_at DESC, id DESC`, so rows written in the same millisecond
     * still have one order). `after` continues a listing by keyset: the row comparison `(created_at, id) <
     * (a, b)` is spelled out as `created_at < a OR (created_at = a AND id < b)`, which both dialects run,
     * and rows written meanwhile never shift a page the way an offset would.
     */
    async list(filter: SmsLogFilter): Promise<SmsLogRow[]> {
      const { after } = filter;
      let query = db.selectFrom('sms_logs').selectAll();
      if (filter.phoneNumber !== undefined) query = query.where('phone_number', '=', filter.phoneNumber);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.template !== undefined) query = query.where('template', '=', filter.template);
      if (filter.provider !== undefined) query = query.where('provider', '=', filter.provider);
      if (filter.fromMs !== undefined) query = query.where('created_at', '>=', filter.fromMs);
      if (filter.toMs !== undefined) query = query.where('created_at', '<=', filter.toMs);
      if (after) query = query.where(olderThan(after));
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },

    async get(id: string): Promise<SmsLogRow | null> {
      return (await db.selectFrom('sms_logs').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },

    /**
     * Messages created since `sinceMs` that reached `sent` (or later, `delivered`/`undelivered`) or `failed`,
     * per provider, in one grouped query. Rows still `sending` or `queued` count as neither.
     */
    async tallySince(sinceMs: number): Promise<SmsProviderTally[]> {
      const rows = await db
        .selectFrom('sms_logs')
        .select((eb) => [
          'provider',
          eb.fn
            .sum<number | string>(
              eb.case().when('status', 'in', ['sent', 'delivered', 'undelivered']).then(1).else(0).end(),
            )
            .as('sent'),
          eb.fn.sum<number | string>(eb.case().when('status', '=', 'failed').then(1).else(0).end()).as('failed'),
        ])
        .where('created_at', '>=', sinceMs)
        .groupBy('provider')
        .execute();
      // PostgreSQL's SUM over integers is numeric, which pg hands back as a string.
      return rows.map((row) => ({ provider: row.provider, sent: Number(row.sent), failed: Number(row.failed) }));
    },

    /**
     * Messages created in `[fromMs, toMs)`, counted per hour, status and provider in one grouped query. The
     * hour is `created_at / 3600000`: an integer divided by an integer literal is integer division in both
     * SQLite and PostgreSQL (created_at is a bigint there), so both group by the same whole hours of the epoch.
     */
    async hourlyCounts(fromMs: number, toMs: number): Promise<SmsHourCount[]> {
      const hour = sql<number | string>`created_at / 3600000`;
      const rows = await db
        .selectFrom('sms_logs')
        .select((eb) => [hour.as('hour'), 'status', 'provider', eb.fn.countAll<number | string>().as('count')])
        .where('created_at', '>=', fromMs)
        .where('created_at', '<', toMs)
        .groupBy([hour, 'status', 'provider'])
        .execute();
      // PostgreSQL's bigint division and COUNT come back from pg as strings.
      return rows.map((row) => ({
        hour: Number(row.hour),
        status: row.status,
        provider: row.provider,
        count: Number(row.count),
      }));
    },
  };
}

interface Insert {
  readonly id: string;
  readonly phoneNumber: string;
  readonly template: string | null;
  readonly locale: string;
  readonly provider: string;
  readonly status: string;
  readonly text: string;
  readonly attempts: number;
  readonly at: number;
  readonly sentAt: number | null;
}

const INSERT_ARGS = [
  'id',
  'phoneNumber',
  'template',
  'locale',
  'provider',
  'status',
  'text',
  'attempts',
  'at',
  'sentAt',
] as const;

function insertQuery(db: Kysely<Database>) {
  return (row: Insert) =>
    db.insertInto('sms_logs').values({
      id: row.id,
      phone_number: row.phoneNumber,
      template: row.template,
      locale: row.locale,
      provider: row.provider,
      provider_message_id: null,
      status: row.status,
      error_code: null,
      error_message: null,
      text: row.text,
      attempts: row.attempts,
      tries: 0,
      poll_failures: 0,
      created_at: row.at,
      updated_at: row.at,
      sent_at: row.sentAt,
    });
}

interface Finish {
  readonly id: string;
  readonly provider: string;
  readonly providerMessageId: string | null;
  readonly status: string;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly attempts: number;
  readonly cost: number | null;
  readonly at: number;
  readonly pollAt: number | null;
}

const FINISH_ARGS = [
  'id',
  'provider',
  'providerMessageId',
  'status',
  'errorCode',
  'errorMessage',
  'attempts',
  'cost',
  'at',
  'pollAt',
] as const;

/** The final update; `endedAt` is the column that records when: `sent_at` or `final_at`. */
function finishQuery(db: Kysely<Database>, endedAt: 'sent_at' | 'final_at') {
  return (row: Finish) =>
    db
      .updateTable('sms_logs')
      .set({
        provider: row.provider,
        provider_message_id: row.providerMessageId,
        status: row.status,
        error_code: row.errorCode,
        error_message: row.errorMessage,
        attempts: row.attempts,
        cost: row.cost,
        updated_at: row.at,
        ...(endedAt === 'sent_at' ? { sent_at: row.at } : { final_at: row.at }),
        poll_at: row.pollAt,
      })
      .where('id', '=', row.id);
}

export type SmsLogRepository = ReturnType<typeof createSmsLogRepository>;
