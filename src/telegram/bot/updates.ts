import { randomUUID } from 'node:crypto';
import type { Update } from 'grammy/types';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/** How long one update may be in hand before another instance may take it: a few bounded Bot API calls. */
export const UPDATE_LEASE_MS = 2 * 60_000;

/** What became of an update given to `handle`. */
export type UpdateOutcome =
  /** Handled now, by this call. */
  | 'handled'
  /** Handled before (a redelivery, or another instance's copy): nothing was done. */
  | 'duplicate'
  /** Another call holds it right now, under a live lease: nothing was done; deliver it again later. */
  | 'busy';

/** What handles an update: grammY's `bot.handleUpdate` (the bot is initialised on the first call). */
export interface UpdateTarget {
  init(): Promise<void>;
  handleUpdate(update: Update): Promise<void>;
}

export interface UpdateHandlerOptions {
  readonly db: Kysely<Database>;
  readonly bot: UpdateTarget;
  /** The numeric id at the head of the bot's token (update ids are unique per bot only). */
  readonly botId: string;
  readonly now: () => number;
  readonly leaseMs?: number;
}

export interface UpdateHandler {
  /**
   * Handles `update` at most once to completion, across redeliveries and instances sharing the database.
   *
   * - The update is claimed first (an insert keyed by bot and update id; or, when its row is `handling` under a
   *   lease that ran out because its holder died, an update of that row). Whoever claims it runs the bot's
   *   middleware and then marks it `done`; every later call answers `duplicate`.
   * - If the middleware throws, the claim is released (the row deleted) and the error is thrown to the
   *   caller, so that Telegram delivers the update again (webhook: a 5xx; polling: the offset is not
   *   confirmed) and the next delivery handles it. Nothing is left half done on our side: the row is either
   *   `done` or gone. (Messages already sent by the failed attempt may be sent again: Telegram has no way to
   *   take them back, and a repeated answer is better than a lost one.)
   * - A concurrent duplicate, one that arrives while another call holds a live lease on the same update,
   *   gets `busy`, not `duplicate`. Telegram redelivers a webhook update only when our answer to the first
   *   delivery did not reach it in time; if the holder then fails, its 5xx may never reach Telegram, and a 200
   *   on the duplicate would have told Telegram the update was delivered: it would be lost. `busy` (a 503 on
   *   the webhook) makes Telegram try again later, when the update is `done` (then `duplicate`) or released.
   * - The holder's writes are fenced by its claim: after its lease was taken over it neither marks the
   *   update done nor releases it.
   */
  handle(update: Update): Promise<UpdateOutcome>;
}

export function createUpdateHandler({
  db,
  bot,
  botId,
  now,
  leaseMs = UPDATE_LEASE_MS,
}: UpdateHandlerOptions): UpdateHandler {
  const row = (updateId: number) => ({ bot_id: botId, update_id: updateId });

  async function claim(updateId: number, token: string): Promise<boolean> {
    const at = now();
    const inserted = await db
      .insertInto('telegram_bot_updates')
      .values({ ...row(updateId), status: 'handling', claim: token, claimed_until: at + leaseMs, received_at: at })
      .onConflict((oc) => oc.columns(['bot_id', 'update_id']).doNothing())
      .returning('update_id')
      .executeTakeFirst();
    if (inserted) return true;
    // One statement, so of two instances that find the same lapsed lease exactly one takes it.
    const taken = await db
      .updateTable('telegram_bot_updates')
      .set({ claim: token, claimed_until: at + leaseMs })
      .where('bot_id', '=', botId)
      .where('update_id', '=', updateId)
      .where('status', '=', 'handling')
      .where('claimed_until', '<=', at)
      .returning('update_id')
      .executeTakeFirst();
    return taken !== undefined;
  }

  async function isDone(updateId: number): Promise<boolean> {
    const found = await db
      .selectFrom('telegram_bot_updates')
      .select('status')
      .where('bot_id', '=', botId)
      .where('update_id', '=', updateId)
      .executeTakeFirst();
    // Gone between our insert and this read: its holder failed and released it; the redelivery will take it.
    return found?.status === 'done';
  }

  return {
    async handle(update) {
      // Before the claim: a Telegram that cannot be reached for getMe leaves the update unclaimed, to retry.
      await bot.init();
      const token = randomUUID();
      if (!(await claim(update.update_id, token))) return (await isDone(update.update_id)) ? 'duplicate' : 'busy';
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        await db
          .deleteFrom('telegram_bot_updates')
          .where('bot_id', '=', botId)
          .where('update_id', '=', update.update_id)
          .where('claim', '=', token)
          .where('status', '=', 'handling')
          .execute();
        throw error;
      }
      await db
        .updateTable('telegram_bot_updates')
        .set({ status: 'done', claim: null, claimed_until: null, done_at: now() })
        .where('bot_id', '=', botId)
        .where('update_id', '=', update.update_id)
        .where('claim', '=', token)
        .execute();
      return 'handled';
    },
  };
}

/** Updates are kept two days: Telegram keeps an undelivered update at most 24 hours. */
export const UPDATE_KEEP_MS = 2 * 24 * 3600_000;

/** Deletes the record of updates Telegram can no longer deliver again (maintenance runs it). */
export async function sweepBotUpdates(db: Kysely<Database>, at: number): Promise<void> {
  await db
    .deleteFrom('telegram_bot_updates')
    .where('received_at', '<', at - UPDATE_KEEP_MS)
    .execute();
}

/** The bot's id, the number before the colon in its token. */
export const botIdOf = (token: string): string => token.split(':')[0] ?? '';
