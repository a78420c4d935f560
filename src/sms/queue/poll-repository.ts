import type { DatabaseHandle } from '../../db/index.ts';
import { skippingLocked } from '../../db/claim.ts';
import { databaseNow, databaseNowPlus } from '../../db/clock.ts';
import type { DeliveryReport } from '../provider.ts';
import { writeTogether } from '../../db/together.ts';
import { NO_EVENTS, type EventRecorder } from '../../events/recorder.ts';
import { isSmsEventStatus } from '../../events/types.ts';

/** A sent message whose delivery the poller asks its provider about. */
export interface PolledMessage {
  readonly id: string;
  readonly provider: string;
  readonly providerMessageId: string;
  readonly template: string | null;
  /** Failed reads in a row, this one included: the claim counts it, and only a read that succeeds clears it. */
  readonly pollFailures: number;
}

/**
 * After this many failed reads in a row a message is no longer polled: it stays `sent` with its count, so
 * that one message whose provider answers garbage costs ten calls rather than one a minute for two days.
 */
export const POLL_GIVE_UP_AFTER = 10;
/** The longest wait between two reads of a message that keeps failing. */
const POLL_BACKOFF_MAX_MS = 3600_000;

/** The rows the delivery poller reads and writes: `sent` rows with a `poll_at`. */
export function createPollRepository(database: DatabaseHandle, now: () => number, events: EventRecorder = NO_EVENTS) {
  const { db } = database;
  return {
    /**
     * Ends as `expired` every polled message sent before `sentBefore`: the provider never said where it
     * got to. Returns each one's provider and template (for the metrics).
     */
    async expire(sentBefore: number): Promise<Array<{ provider: string; template: string | null }>> {
      const at = now();
      return db
        .updateTable('sms_logs')
        .set({ status: 'expired', poll_at: null, final_at: at, updated_at: at })
        .where('poll_at', 'is not', null)
        .where('status', '=', 'sent')
        .where('sent_at', '<', sentBefore)
        .returning(['provider', 'template'])
        .execute();
    },

    /**
     * Takes up to `limit` messages due for a poll through one of `providers` and moves their next poll
     * `nextPollInMs` ahead in the same statement, so that instances polling at once ask about different
     * messages. Due and next are on the database's clock, which every instance shares (db/clock.ts).
     * The same statement counts the read as failed until `record` clears it: a read that kills the process
     * is counted too, so a row that does it at every start is given up after POLL_GIVE_UP_AFTER starts.
     */
    async claimDue(providers: readonly string[], limit: number, nextPollInMs: number): Promise<PolledMessage[]> {
      if (providers.length === 0) return [];
      const due = skippingLocked(
        database,
        db
          .selectFrom('sms_logs')
          .select('id')
          .where('poll_at', '<=', databaseNow(database))
          .where('status', '=', 'sent')
          .where('provider', 'in', providers)
          .where('poll_failures', '<', POLL_GIVE_UP_AFTER)
          .orderBy('poll_at')
          .limit(limit),
      );
      const rows = await db
        .updateTable('sms_logs')
        .set((eb) => ({ poll_at: databaseNowPlus(database, nextPollInMs), poll_failures: eb('poll_failures', '+', 1) }))
        .where('id', 'in', due)
        .returning(['id', 'provider', 'provider_message_id', 'template', 'poll_failures'])
        .execute();
      return rows.flatMap((row) =>
        row.provider_message_id === null
          ? []
          : [
              {
                id: row.id,
                provider: row.provider,
                providerMessageId: row.provider_message_id,
                template: row.template,
                pollFailures: row.poll_failures,
              },
            ],
      );
    },

    /**
     * The `sent` row of `provider`'s message `providerMessageId`, looked up by our row id `id` (which a
     * provider carries back in its report), for a report pushed to us rather than polled. Null when there is
     * none: not ours, of another provider, or no longer `sent`.
     */
    async findSent(
      id: string,
      provider: string,
      providerMessageId: string,
    ): Promise<Pick<PolledMessage, 'id' | 'provider' | 'template'> | null> {
      const row = await db
        .selectFrom('sms_logs')
        .select(['id', 'provider', 'template'])
        .where('id', '=', id)
        .where('provider', '=', provider)
        .where('provider_message_id', '=', providerMessageId)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      return row ?? null;
    },

    /**
     * Writes what the provider reported and clears the failure count. A final report ends the row (no more
     * polls); a report that is not final keeps `sent` and only records the provider's status. False when the
     * row had left `sent`.
     */
    async record(
      message: Pick<PolledMessage, 'id' | 'provider' | 'template'>,
      report: DeliveryReport,
    ): Promise<boolean> {
      const at = now();
      const final = report.final ? { status: report.status, poll_at: null, final_at: at } : {};
      const change = db
        .updateTable('sms_logs')
        .set({ provider_status: report.providerStatus, poll_failures: 0, updated_at: at, ...final })
        .where('id', '=', message.id)
        .where('status', '=', 'sent')
        .returning('id');
      const status = report.final ? report.status : null;
      const event =
        status !== null && isSmsEventStatus(status)
          ? events.row(
              'sms.status_changed',
              {
                log_id: message.id,
                status,
                provider: message.provider,
                template: message.template,
                error_code: status === 'delivered' ? null : report.providerStatus,
              },
              at,
            )
          : null;
      return (await writeTogether(database, change.compile(), event)).length > 0;
    },

    /**
     * After a read that failed (the claim has counted it): the next read waits `intervalMs` doubled for each
     * failure in a row, at most an hour, and the row is no longer polled once `failures` reaches
     * POLL_GIVE_UP_AFTER. True when it was given up.
     */
    async failed(id: string, failures: number, intervalMs: number): Promise<boolean> {
      const gaveUp = failures >= POLL_GIVE_UP_AFTER;
      const at = now();
      const waitMs = Math.min(POLL_BACKOFF_MAX_MS, intervalMs * 2 ** failures);
      await db
        .updateTable('sms_logs')
        .set({ poll_at: gaveUp ? null : databaseNowPlus(database, waitMs), updated_at: at })
        .where('id', '=', id)
        .where('status', '=', 'sent')
        .where('poll_at', 'is not', null)
        .execute();
      return gaveUp;
    },
  };
}

export type PollRepository = ReturnType<typeof createPollRepository>;
