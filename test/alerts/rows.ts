import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/types.ts';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { newId } from '../../src/db/ids.ts';
import { linkToken, newLinkKey, type LinkPurpose } from '../../src/alerts/link-token.ts';
import type { TestApp } from '../helpers/app.ts';

/**
 * Rows other parts of the alerts write (subscriptions, stock, restocks, queued Telegram messages), written
 * directly so that the delivery side is tested on its own.
 */
export async function newUser(t: TestApp, locale: string | null = null): Promise<string> {
  const id = newId();
  const at = Date.now();
  await t.database.db
    .insertInto('users')
    .values({ id, phone_number: null, phone_verified: 0, locale, created_at: at, updated_at: at } as any)
    .execute();
  return id;
}

/** A Telegram account of `userId` whose chat the bot knows: reachable. */
export async function linkChat(t: TestApp, userId: string, chatId: number): Promise<void> {
  const at = Date.now();
  await t.database.db
    .insertInto('telegram_users')
    .values({
      telegram_id: String(chatId),
      user_id: userId,
      chat_id: String(chatId),
      created_at: at,
      updated_at: at,
    } as any)
    .execute();
}

export interface AlertRow {
  readonly id: string;
  readonly linkKey: string;
}

export async function newAlert(
  t: TestApp,
  fields: {
    userId: string;
    productId: string;
    variantId?: string;
    channel?: 'sms' | 'telegram';
    locale?: string;
    status?: 'active' | 'notified' | 'cancelled';
    restockId?: string | null;
  },
): Promise<AlertRow> {
  const id = newId();
  const linkKey = newLinkKey();
  const status = fields.status ?? 'active';
  await t.database.db
    .insertInto('stock_alerts')
    .values({
      id,
      user_id: fields.userId,
      product_id: fields.productId,
      variant_id: fields.variantId ?? '',
      channel: fields.channel ?? 'sms',
      locale: fields.locale ?? 'en',
      status,
      link_key: linkKey,
      created_at: Date.now(),
      notified_at: status === 'notified' ? Date.now() : null,
      restock_id: fields.restockId ?? null,
      message_id: null,
      clicked_at: null,
      cancelled_at: null,
      cancel_reason: null,
    })
    .execute();
  return { id, linkKey };
}

export async function stockOf(
  t: TestApp,
  productId: string,
  fields: { variantId?: string; name?: string | null; url?: string | null } = {},
): Promise<void> {
  await t.database.db
    .insertInto('product_stock')
    .values({
      product_id: productId,
      variant_id: fields.variantId ?? '',
      quantity: 3,
      name: fields.name ?? null,
      url: fields.url ?? null,
      updated_at: Date.now(),
    })
    .execute();
}

export async function newRestock(t: TestApp, productId: string, url: string | null): Promise<string> {
  const id = newId();
  await t.database.db
    .insertInto('restocks')
    .values({
      id,
      product_id: productId,
      variant_id: '',
      quantity: 2,
      name: null,
      url,
      notify_limit: null,
      notified: 1,
      status: 'done',
      lease_until: null,
      created_at: Date.now(),
      finished_at: Date.now(),
    })
    .execute();
  return id;
}

export async function alertRow(t: TestApp, id: string) {
  return t.database.db.selectFrom('stock_alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The token of an alert's link, made with this app's AUTH_SECRET as the fan-out makes it. */
export function tokenFor(t: TestApp, purpose: LinkPurpose, linkKey: string): string {
  return linkToken(deriveKeys(t.config.authSecret!).alertLink, purpose, linkKey);
}

/** A queued Telegram message, due now (as the fan-out writes one). */
export function queueTelegram(t: TestApp, fields: TelegramRowFields): Promise<string> {
  return queueTelegramIn(t.database.db, fields);
}

interface TelegramRowFields {
  chatId: number | string;
  text?: string;
  alertId?: string | null;
  replyMarkup?: object | null;
  tries?: number;
}

/** The same, in any database (a test of separate processes has no app of its own). */
export async function queueTelegramIn(db: Kysely<Database>, fields: TelegramRowFields): Promise<string> {
  const id = newId();
  await db
    .insertInto('telegram_messages')
    .values({
      id,
      chat_id: String(fields.chatId),
      text: fields.text ?? `Kettle is back in stock (${id})`,
      reply_markup: fields.replyMarkup ? JSON.stringify(fields.replyMarkup) : null,
      alert_id: fields.alertId ?? null,
      status: 'queued',
      tries: fields.tries ?? 0,
      next_attempt_at: Date.now() - 1000,
      lease_until: null,
      telegram_message_id: null,
      error: null,
      created_at: Date.now(),
      sent_at: null,
    })
    .execute();
  return id;
}

export async function messageRow(t: TestApp, id: string) {
  return t.database.db.selectFrom('telegram_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
