import type { Kysely } from 'kysely';

/**
 * `telegram_bot_pollers`: who asks Telegram for the bot's updates (long polling), and from which update on.
 * One row per bot (`bot_id`: its numeric id, the part of the token before `:`). Exactly one instance polls: the one
 * whose `holder` is written here with a `lease_until` still ahead on the database's clock; it renews the
 * lease while it polls, and another takes the row over once the lease has lapsed (the holder died).
 * `next_offset` is the `offset` of the next getUpdates: one past the last update handled, written after each
 * one and only by the holder, so a restart or a takeover neither loses nor repeats updates. 0 before the first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telegram_bot_pollers')
    .addColumn('bot_id', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .addColumn('next_offset', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('telegram_bot_pollers').execute();
}
