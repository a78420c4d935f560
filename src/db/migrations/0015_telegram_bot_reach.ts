import type { Kysely } from 'kysely';

/**
 * Whether the bot may write to a Telegram user. `bot_blocked_at` is set when Telegram answers 403 to a send
 * (the user blocked the bot or deleted their account) or a `my_chat_member` update says the bot was blocked,
 * and cleared when the user comes back (unblocks, or writes to the bot). While it is set nothing is sent to
 * that chat: codes go by SMS, alerts wait for another channel.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('telegram_users').addColumn('bot_blocked_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('telegram_users').dropColumn('bot_blocked_at').execute();
}
