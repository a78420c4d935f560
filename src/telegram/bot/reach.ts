import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/**
 * Where the bot may write to a person: the private chat of their linked Telegram account
 * (`telegram_users.chat_id`), unless Telegram said they blocked the bot (`bot_blocked_at`).
 */
export function createBotReach(db: Kysely<Database>) {
  return {
    /** The chat of the Telegram account linked to the user with `phoneNumber`, when the bot may write there. */
    async chatFor(phoneNumber: string): Promise<string | null> {
      const row = await db
        .selectFrom('telegram_users')
        .innerJoin('users', 'users.id', 'telegram_users.user_id')
        .select('telegram_users.chat_id')
        .where('users.phone_number', '=', phoneNumber)
        .where('telegram_users.chat_id', 'is not', null)
        .where('telegram_users.bot_blocked_at', 'is', null)
        .executeTakeFirst();
      return row?.chat_id ?? null;
    },

    /** Telegram answered 403 for `chatId`: the bot writes there no more until the person talks to it again. */
    async markBlocked(chatId: string, at: number): Promise<void> {
      await db
        .updateTable('telegram_users')
        .set({ bot_blocked_at: at, updated_at: at })
        .where('chat_id', '=', chatId)
        .where('bot_blocked_at', 'is', null)
        .execute();
    },
  };
}

export type BotReach = ReturnType<typeof createBotReach>;
