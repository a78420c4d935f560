import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';

/**
 * Whether the bot may write to a linked Telegram user, on `telegram_users`: `bot_blocked_at` (Telegram said
 * 403, or the user blocked the bot) and `bot_stopped_at` (the user sent /stop). Each is one statement on the
 * user's row; users who never linked an account have no row, and nothing is recorded for them.
 */
export function createBotReach(db: Kysely<Database>, now: () => number) {
  const set = (telegramId: string, values: Partial<Database['telegram_users']>) =>
    db
      .updateTable('telegram_users')
      .set({ ...values, updated_at: now() })
      .where('telegram_id', '=', telegramId)
      .execute();
  return {
    /**
     * The user wrote to the bot in a private chat: its chat is where to write to them, and writing to the
     * bot unblocks it. `started` (a /start) also undoes a /stop.
     */
    wrote: (telegramId: string, chatId: string, started: boolean) =>
      set(telegramId, { chat_id: chatId, bot_blocked_at: null, ...(started ? { bot_stopped_at: null } : {}) }),
    blocked: (telegramId: string) => set(telegramId, { bot_blocked_at: now() }),
    unblocked: (telegramId: string) => set(telegramId, { bot_blocked_at: null }),
    stopped: (telegramId: string) => set(telegramId, { bot_stopped_at: now() }),
    /** The linked user for a Telegram user id or a chat id (in a private chat the two are equal). */
    find: (target: { telegramId: string } | { chatId: string }) =>
      db
        .selectFrom('telegram_users')
        .select(['telegram_id', 'chat_id', 'bot_blocked_at', 'bot_stopped_at'])
        .where((eb) =>
          'telegramId' in target
            ? eb('telegram_id', '=', target.telegramId)
            : eb.or([eb('chat_id', '=', target.chatId), eb('telegram_id', '=', target.chatId)]),
        )
        .executeTakeFirst(),
    /**
     * The Telegram account linked to the user with `phoneNumber`, and its chat, when the bot may write there
     * (a code by Telegram, sms/providers/telegram-bot.ts); null otherwise.
     */
    async chatFor(phoneNumber: string): Promise<{ telegramId: string; chatId: string } | null> {
      const row = await db
        .selectFrom('telegram_users')
        .innerJoin('users', 'users.id', 'telegram_users.user_id')
        .select(['telegram_users.telegram_id', 'telegram_users.chat_id'])
        .where('users.phone_number', '=', phoneNumber)
        .where('telegram_users.chat_id', 'is not', null)
        .where('telegram_users.bot_blocked_at', 'is', null)
        .where('telegram_users.bot_stopped_at', 'is', null)
        .executeTakeFirst();
      return row?.chat_id ? { telegramId: row.telegram_id, chatId: row.chat_id } : null;
    },
    /** The account's locale for a Telegram user, if it has one (the bot writes in it). */
    async locale(telegramId: string): Promise<string | null> {
      const row = await db
        .selectFrom('telegram_users')
        .innerJoin('users', 'users.id', 'telegram_users.user_id')
        .select('users.locale')
        .where('telegram_users.telegram_id', '=', telegramId)
        .executeTakeFirst();
      return row?.locale ?? null;
    },
  };
}

export type BotReach = ReturnType<typeof createBotReach>;
