import type { DatabaseHandle } from '../../db/index.ts';
import { skippingLocked } from '../../db/claim.ts';
import { databaseNow, databaseNowPlus } from '../../db/clock.ts';
import type { DeliveryReport } from '../provider.ts';

/** A sent message whose delivery the poller asks its provider about. */
export interface PolledMessage {
  readonly id: string;
  readonly provider: string;
  readonly providerMessageId: string;
  readonly template: string | null;
}

/** The rows the delivery poller reads and writes: `sent` rows with a `poll_at`. */
export function createPollRepository(database: DatabaseHandle, now: () => number) {
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
          .orderBy('poll_at')
          .limit(limit),
      );
      const rows = await db
        .updateTable('sms_logs')
        .set({ poll_at: databaseNowPlus(database, nextPollInMs) })
        .where('id', 'in', due)
        .returning(['id', 'provider', 'provider_message_id', 'template'])
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
              },
            ],
      );
    },

    /**
     * Writes what the provider reported. A final report ends the row (no more polls); a report that is not
     * final keeps `sent` and only records the provider's status. False when the row had left `sent`.
     */
    async record(id: string, report: DeliveryReport): Promise<boolean> {
      const at = now();
      const final = report.final ? { status: report.status, poll_at: null, final_at: at } : {};
      const result = await db
        .updateTable('sms_logs')
        .set({ provider_status: report.providerStatus, updated_at: at, ...final })
        .where('id', '=', id)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type PollRepository = ReturnType<typeof createPollRepository>;
