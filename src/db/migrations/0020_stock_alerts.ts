import { sql, type Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * Back-in-stock alerts.
 *
 * `stock_alerts` replaces 0001's placeholder (nothing wrote to it). One row per subscription: a user, the
 * shop's `product_id` and `variant_id` ('' when the shop has no variants, so that the unique index below
 * treats "no variant" as one value on both databases), a `channel` (`sms` or `telegram`) and the `locale`
 * the message goes out in. `status` is `active` until one restock notifies it (`notified`, with the
 * `restock_id` and the queued message's id in `message_id`: an `sms_logs` id or a `telegram_messages` id) or
 * it is `cancelled` (`cancel_reason`: user, link, telegram_button, bot_blocked, admin). At most one
 * `active` row per user, product, variant and channel: a partial unique index, so two concurrent requests
 * cannot both subscribe. `link_key` is random and unique; the one-click cancel (`/s/`) and click (`/c/`)
 * tokens are it with a MAC (alerts/link-token.ts). `clicked_at` is the first click on the alert's link.
 *
 * `product_stock`: the last quantity the shop reported per product and variant, with the name and URL the
 * messages use. A restock is the change from none (no row, or a quantity of 0 or less) to some.
 *
 * `restocks`: one row per such change, written in the transaction that records the new quantity, so a
 * report sent twice, or concurrently, or again after a crash, makes one. `notify_limit` is how many may be
 * notified (ALERTS_PER_UNIT times the quantity; null: every subscriber); `notified` counts those queued so far.
 * The fan-out is `fanning` under a lease (`lease_until`, on the database's clock) until every subscription
 * created before it (`created_at`) is handled or the limit is reached, then `done` (`finished_at`).
 *
 * `telegram_messages`: the queue of Telegram messages the bot sends unasked (alerts). `queued` and due at
 * `next_attempt_at`, `sending` under `lease_until`, then `sent` (`telegram_message_id`), `blocked` (the user
 * blocked the bot) or `failed` (`error`). `reply_markup` is the Bot API's JSON, as sent.
 *
 * Seeds the alert messages, in Persian and English.
 */
const SEEDS: readonly TemplateSeed[] = [
  ['stock_alert', 'fa', '{product} موجود شد: {link}\nلغو: {stop}'],
  ['stock_alert', 'en', '{product} is back in stock: {link}\nStop: {stop}'],
  ['telegram_bot_stock_alert', 'fa', '«{product}» دوباره موجود شد.\n{link}'],
  ['telegram_bot_stock_alert', 'en', '{product} is back in stock.\n{link}'],
  ['telegram_bot_stock_alert_stop_button', 'fa', 'دیگر خبرم نکن'],
  ['telegram_bot_stock_alert_stop_button', 'en', 'Stop alerts for this product'],
  ['telegram_bot_alerts_list', 'fa', 'اطلاع‌رسانی‌های موجودی شما در {shop}. برای لغو هر کدام، دکمه‌اش را بزنید.'],
  ['telegram_bot_alerts_list', 'en', 'Your back-in-stock alerts at {shop}. Tap one to cancel it.'],
  ['telegram_bot_alerts_none', 'fa', 'اطلاع‌رسانی موجودی فعالی در {shop} ندارید.'],
  ['telegram_bot_alerts_none', 'en', 'You have no back-in-stock alerts at {shop}.'],
  ['telegram_bot_alerts_cancel_button', 'fa', 'لغو: {product}'],
  ['telegram_bot_alerts_cancel_button', 'en', 'Cancel: {product}'],
  ['telegram_bot_alert_cancelled', 'fa', 'دیگر دربارهٔ «{product}» خبرتان نمی‌کنیم.'],
  ['telegram_bot_alert_cancelled', 'en', 'No more alerts for {product}.'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stock_alerts').execute();
  await db.schema
    .createTable('stock_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('link_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('notified_at', 'bigint')
    .addColumn('restock_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('clicked_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema
    .createIndex('stock_alerts_active_once')
    .on('stock_alerts')
    .columns(['user_id', 'product_id', 'variant_id', 'channel'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  // The fan-out reads a product's active subscriptions oldest first.
  await db.schema
    .createIndex('stock_alerts_fan_out')
    .on('stock_alerts')
    .columns(['product_id', 'variant_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('stock_alerts_user').on('stock_alerts').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('stock_alerts_restock').on('stock_alerts').columns(['restock_id']).execute();

  await db.schema
    .createTable('product_stock')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('url', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_stock_pk', ['product_id', 'variant_id'])
    .execute();

  await db.schema
    .createTable('restocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('url', 'text')
    .addColumn('notify_limit', 'bigint')
    .addColumn('notified', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('restocks_product')
    .on('restocks')
    .columns(['product_id', 'variant_id', 'created_at'])
    .execute();
  await db.schema.createIndex('restocks_status').on('restocks').columns(['status']).execute();

  await db.schema
    .createTable('telegram_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reply_markup', 'text')
    .addColumn('alert_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('lease_until', 'bigint')
    .addColumn('telegram_message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('telegram_messages_due')
    .on('telegram_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('telegram_messages_alert').on('telegram_messages').columns(['alert_id']).execute();

  await seedTemplates(db, SEEDS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
  await db.schema.dropTable('telegram_messages').execute();
  await db.schema.dropTable('restocks').execute();
  await db.schema.dropTable('product_stock').execute();
  await db.schema.dropTable('stock_alerts').execute();
  // As 0001 made it.
  await db.schema
    .createTable('stock_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('phone_number', 'text')
    .addColumn('telegram_chat_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('notified_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('stock_alerts_product_idx')
    .on('stock_alerts')
    .columns(['product_id', 'status'])
    .execute();
}
