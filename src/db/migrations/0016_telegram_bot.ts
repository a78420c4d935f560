import type { Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * The Telegram bot.
 *
 * `telegram_bot_sessions` was a placeholder nothing wrote to; it is made again as grammY's session store: one
 * row per Telegram user (`key`), the session as JSON, and an idle expiry after which the row reads as absent
 * (maintenance deletes it).
 *
 * `telegram_bot_updates`: every update taken, so that each is handled once across Telegram's redeliveries and
 * across instances. Keyed by the bot (the numeric id at the head of its token) and the update id, because
 * update ids are only unique per bot. A row is `handling` under a lease (`claim`, `claimed_until`) and then
 * `done`; a lease past its time is claimable again (the process that held it died).
 *
 * `telegram_users.bot_stopped_at`: the user sent /stop; nothing unasked is sent until they /start again.
 *
 * Seeds the bot's own messages (welcome, help, stopped) in Persian and English.
 */
const SEEDS: readonly TemplateSeed[] = [
  [
    'telegram_bot_welcome',
    'fa',
    'سلام! این ربات برای ورود به حساب شما و فرستادن پیام‌های حساب است. برای دیدن فرمان‌ها /help را بفرستید.',
  ],
  [
    'telegram_bot_welcome',
    'en',
    'Hello! This bot signs you in to your account and sends you its messages. Send /help to see what it can do.',
  ],
  ['telegram_bot_help', 'fa', 'فرمان‌ها:\n{commands}'],
  ['telegram_bot_help', 'en', 'Commands:\n{commands}'],
  [
    'telegram_bot_stopped',
    'fa',
    'از این پس پیامی برایتان نمی‌فرستیم مگر در پاسخ به شما. برای دریافت دوباره /start را بفرستید.',
  ],
  [
    'telegram_bot_stopped',
    'en',
    'We will not write to you from now on except to answer you. Send /start to hear from us again.',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await seedTemplates(db, SEEDS);

  await db.schema.dropTable('telegram_bot_sessions').execute();
  await db.schema
    .createTable('telegram_bot_sessions')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telegram_bot_sessions_expiry_idx')
    .on('telegram_bot_sessions')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('telegram_bot_updates')
    .addColumn('bot_id', 'text', (c) => c.notNull())
    .addColumn('update_id', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claim', 'text')
    .addColumn('claimed_until', 'bigint')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addPrimaryKeyConstraint('telegram_bot_updates_pk', ['bot_id', 'update_id'])
    .execute();
  await db.schema
    .createIndex('telegram_bot_updates_received_idx')
    .on('telegram_bot_updates')
    .column('received_at')
    .execute();

  await db.schema.alterTable('telegram_users').addColumn('bot_stopped_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('telegram_users').dropColumn('bot_stopped_at').execute();
  await db.schema.dropTable('telegram_bot_updates').execute();
  await db.schema.dropTable('telegram_bot_sessions').execute();
  // As 0001 made it.
  await db.schema
    .createTable('telegram_bot_sessions')
    .addColumn('chat_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await unseedTemplates(db, SEEDS);
}
