import type { Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * Signing in, and linking Telegram, through the bot: a `t.me/<bot>?start=<token>` link (or its QR code).
 *
 * `telegram_link_tokens` replaces two placeholders of 0001 that nothing used (`telegram_link_tokens` and
 * `telegram_deep_links`) with one table for both purposes:
 * - `login`: a browser asked to sign in; it holds the poll secret (only its hash is here), the person opens
 *   the link in Telegram and confirms, and the browser's poll takes the session, once.
 * - `link`: a signed-in user (`user_id`, gone with the user) asked to link Telegram; opening the link in
 *   the bot links the Telegram account that opened it.
 *
 * Only hashes of the start token and the poll secret are stored. `status` is pending, confirmed, cancelled
 * or used; expiry is not a status written by anyone but `expires_at` passing, so no sweep has to run for a
 * token to stop working. `telegram_id` is the Telegram user who opened the link (the only one who may then
 * confirm it) and `profile` what Telegram said about them; `device` and `ip` describe the browser that
 * asked, for the person to check before confirming.
 *
 * Seeds the bot's messages for these, in Persian and English (see 0004 for why literals).
 */
const SEEDS: readonly TemplateSeed[] = [
  [
    'telegram_bot_login_confirm',
    'fa',
    'ورود به {shop}\nدستگاه: {device}\nنشانی: {ip}\nاگر همین حالا خودتان در این دستگاه درخواست ورود داده‌اید، «تأیید» را بزنید. اگر این پیوند را کسی برایتان فرستاده، تأیید نکنید: او با حساب شما وارد می‌شود.',
  ],
  [
    'telegram_bot_login_confirm',
    'en',
    'Sign in to {shop}\nDevice: {device}\nAddress: {ip}\nConfirm only if you asked to sign in on this device just now. If someone sent you this link, do not confirm: they would be signed in to your account.',
  ],
  ['telegram_bot_device_unknown', 'fa', 'دستگاهی ناشناس'],
  ['telegram_bot_device_unknown', 'en', 'an unknown device'],
  ['telegram_bot_login_confirm_button', 'fa', 'تأیید ورود'],
  ['telegram_bot_login_confirm_button', 'en', 'Confirm'],
  ['telegram_bot_login_cancel_button', 'fa', 'لغو'],
  ['telegram_bot_login_cancel_button', 'en', 'Cancel'],
  ['telegram_bot_login_confirmed', 'fa', 'ورود به {shop} در {device} تأیید شد. به همان صفحه برگردید.'],
  ['telegram_bot_login_confirmed', 'en', 'Sign-in to {shop} on {device} confirmed. Go back to that page.'],
  ['telegram_bot_login_cancelled', 'fa', 'ورود لغو شد. کسی با این پیوند وارد نمی‌شود.'],
  ['telegram_bot_login_cancelled', 'en', 'Sign-in cancelled. Nobody signs in with this link.'],
  ['telegram_bot_link_expired', 'fa', 'این پیوند منقضی شده است. در سایت دوباره «ورود با تلگرام» را بزنید.'],
  ['telegram_bot_link_expired', 'en', 'This link has expired. Start again on the website.'],
  ['telegram_bot_link_used', 'fa', 'این پیوند پیش‌تر به کار رفته است و دوباره کار نمی‌کند. در سایت از نو شروع کنید.'],
  [
    'telegram_bot_link_used',
    'en',
    'This link has already been used and does not work again. Start again on the website.',
  ],
  ['telegram_bot_link_unknown', 'fa', 'این پیوند شناخته نشد. در سایت از نو شروع کنید.'],
  ['telegram_bot_link_unknown', 'en', 'This link is not one we know. Start again on the website.'],
  ['telegram_bot_linked', 'fa', 'این حساب تلگرام به حساب شما در {shop} وصل شد. از این پس با تلگرام وارد شوید.'],
  [
    'telegram_bot_linked',
    'en',
    'This Telegram account is now linked to your account at {shop}. You can sign in with Telegram from now on.',
  ],
  [
    'telegram_bot_link_conflict',
    'fa',
    'این حساب تلگرام به حساب دیگری در {shop} وصل است، یا حساب شما از قبل تلگرام دیگری دارد. چیزی تغییر نکرد.',
  ],
  [
    'telegram_bot_link_conflict',
    'en',
    'This Telegram account belongs to another account at {shop}, or yours already has another one. Nothing changed.',
  ],
  ['telegram_bot_account_blocked', 'fa', 'این حساب در {shop} مسدود است.'],
  ['telegram_bot_account_blocked', 'en', 'This account is blocked at {shop}.'],
  [
    'telegram_bot_login_help',
    'fa',
    'برای ورود به {shop}، در صفحهٔ ورود سایت «ورود با تلگرام» را بزنید و پیوند یا کد QR آن را باز کنید. سپس همین‌جا ورود را تأیید کنید.',
  ],
  [
    'telegram_bot_login_help',
    'en',
    'To sign in to {shop}, choose "Sign in with Telegram" on the website\'s sign-in page and open its link or QR code. Then confirm the sign-in here.',
  ],
  [
    'telegram_bot_link_help',
    'fa',
    'برای وصل کردن این حساب تلگرام به حسابتان در {shop}، در سایت وارد شوید و در صفحهٔ حساب «وصل کردن تلگرام» را بزنید.',
  ],
  [
    'telegram_bot_link_help',
    'en',
    'To link this Telegram account to your account at {shop}, sign in on the website and choose "Link Telegram" on your account page.',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await seedTemplates(db, SEEDS);
  await db.schema.dropTable('telegram_link_tokens').execute();
  await db.schema.dropTable('telegram_deep_links').execute();
  await db.schema
    .createTable('telegram_link_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('poll_hash', 'text', (c) => c.unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('telegram_id', 'text')
    .addColumn('profile', 'text')
    .addColumn('device', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('telegram_link_tokens_expiry_idx')
    .on('telegram_link_tokens')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
  await db.schema.dropTable('telegram_link_tokens').execute();
  // The placeholders as 0001 made them.
  await db.schema
    .createTable('telegram_link_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('telegram_deep_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('telegram_id', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
