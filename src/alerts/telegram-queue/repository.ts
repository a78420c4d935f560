import type { DatabaseHandle } from '../../db/index.ts';
import { skippingLocked } from '../../db/claim.ts';
import { databaseNow, databaseNowPlus } from '../../db/clock.ts';

/**
 * A `telegram_messages` row a worker holds. `leaseUntil` is its fencing token: every write that ends the try
 * is conditioned on it, so a worker that stalled past its lease (another took the row over) changes nothing.
 */
export interface ClaimedTelegramMessage {
  readonly id: string;
  readonly chatId: string;
  readonly text: string;
  /** The Bot API's reply_markup as stored (JSON), or null. */
  readonly replyMarkup: string | null;
  readonly alertId: string | null;
  /** Tries made, this one included. */
  readonly tries: number;
  readonly leaseUntil: number;
}

/**
 * The queue over `telegram_messages`: `queued` and due at `next_attempt_at`, `sending` under `lease_until`,
 * then `sent`, `blocked` or `failed`. Due times and leases are on the database's clock (db/clock.ts), like
 * the SMS queue's, so instances whose clocks disagree still agree on whose turn it is. The table has no
 * `updated_at`, so db/claim.ts's shared `releaseLapsed` (which writes one) is not used; the statements are
 * the same otherwise.
 */
export function createTelegramQueueRepository(database: DatabaseHandle, now: () => number) {
  const { db } = database;

  /** The row held under `claim`'s lease, and only then. */
  const held = (claim: ClaimedTelegramMessage) =>
    db
      .updateTable('telegram_messages')
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('lease_until', '=', claim.leaseUntil);

  const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

  return {
    /**
     * Takes up to `limit` due `queued` rows, earliest due first, and holds each for `leaseMs`: one statement,
     * so each row goes to exactly one claimer across every worker and instance (PostgreSQL's subquery skips
     * rows another claim has locked).
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedTelegramMessage[]> {
      const due = skippingLocked(
        database,
        db
          .selectFrom('telegram_messages')
          .select('id')
          .where('status', '=', 'queued')
          .where('next_attempt_at', '<=', databaseNow(database))
          .orderBy('next_attempt_at')
          .limit(limit),
      );
      const rows = await db
        .updateTable('telegram_messages')
        .set((eb) => ({
          status: 'sending',
          tries: eb('tries', '+', 1),
          next_attempt_at: null,
          lease_until: databaseNowPlus(database, leaseMs),
        }))
        .where('id', 'in', due)
        .where('status', '=', 'queued')
        .returning(['id', 'chat_id', 'text', 'reply_markup', 'alert_id', 'tries', 'lease_until'])
        .execute();
      return rows.map((row) => ({
        id: row.id,
        chatId: row.chat_id,
        text: row.text,
        replyMarkup: row.reply_markup,
        alertId: row.alert_id,
        tries: Number(row.tries),
        leaseUntil: Number(row.lease_until),
      }));
    },

    /** Queues again every row whose lease ran out (its worker died or stalled mid-try). Returns how many. */
    async releaseLapsed(): Promise<number> {
      const result = await db
        .updateTable('telegram_messages')
        .set({ status: 'queued', lease_until: null, next_attempt_at: databaseNow(database) })
        .where('status', '=', 'sending')
        .where('lease_until', '<=', databaseNow(database))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Telegram took it. False when the lease was no longer this claim's. */
    async markSent(claim: ClaimedTelegramMessage, telegramMessageId: string): Promise<boolean> {
      const result = await held(claim)
        .set({
          status: 'sent',
          telegram_message_id: telegramMessageId,
          sent_at: now(),
          lease_until: null,
          error: null,
        })
        .executeTakeFirst();
      return changed(result);
    },

    /** Given up: `failed`, with why. */
    async markFailed(claim: ClaimedTelegramMessage, error: string): Promise<boolean> {
      return changed(await held(claim).set({ status: 'failed', lease_until: null, error }).executeTakeFirst());
    },

    /**
     * Back to `queued`, due `retryInMs` from now on the database's clock. `countTry: false` gives the try back
     * (the message was never offered to Telegram, or Telegram only asked to slow down).
     */
    async retryLater(
      claim: ClaimedTelegramMessage,
      retry: { retryInMs: number; countTry: boolean; error: string | null },
    ): Promise<boolean> {
      const result = await held(claim)
        .set({
          status: 'queued',
          tries: retry.countTry ? claim.tries : claim.tries - 1,
          lease_until: null,
          next_attempt_at: databaseNowPlus(database, retry.retryInMs),
          ...(retry.error === null ? {} : { error: retry.error }),
        })
        .executeTakeFirst();
      return changed(result);
    },

    /**
     * The user blocked the bot (or sent /stop): the message is `blocked`, and its alert, which never reached
     * them, is `cancelled` with reason `bot_blocked` (from `notified`, which the fan-out set when it queued
     * this message, or from `active`). One transaction, and the alert changes only if the fence held.
     */
    async markBlocked(claim: ClaimedTelegramMessage, error: string): Promise<boolean> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const fenced = await trx
          .updateTable('telegram_messages')
          .set({ status: 'blocked', lease_until: null, error })
          .where('id', '=', claim.id)
          .where('status', '=', 'sending')
          .where('lease_until', '=', claim.leaseUntil)
          .executeTakeFirst();
        if (!changed(fenced)) return false;
        if (claim.alertId !== null) {
          await trx
            .updateTable('stock_alerts')
            .set({ status: 'cancelled', cancelled_at: at, cancel_reason: 'bot_blocked' })
            .where('id', '=', claim.alertId)
            .where('status', 'in', ['active', 'notified'])
            .execute();
        }
        return true;
      });
    },
  };
}

export type TelegramQueueRepository = ReturnType<typeof createTelegramQueueRepository>;
