import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newLinkKey } from '../../src/alerts/link-token.ts';
import type { Database } from '../../src/db/types.ts';
import type { TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';

let numbers = 0;
/** A mobile number no other subscriber of this process has. */
export const alertPhone = () =>
  `+98912${String(process.pid % 100).padStart(2, '0')}${String(++numbers).padStart(5, '0')}`;

export interface Subscriber {
  readonly channel?: 'sms' | 'telegram';
  readonly product: string;
  readonly variant?: string;
  readonly createdAt: number;
  readonly locale?: string;
  /** sms: the user's number; null for a user without one. Default: a fresh number. */
  readonly phone?: string | null;
  /** telegram: the user's chat, and whether the bot may write there. Default: a chat, reachable. */
  readonly telegram?: { readonly chatId: string | null; readonly blocked?: boolean; readonly stopped?: boolean };
}

/**
 * A user and an active alert, written as the subscription API (another part) leaves them. Returns the alert
 * id and the user id.
 */
export async function subscribe(db: Kysely<Database>, who: Subscriber): Promise<{ alertId: string; userId: string }> {
  const userId = randomUUID();
  const at = who.createdAt;
  const phone = who.phone === undefined ? alertPhone() : who.phone;
  await db
    .insertInto('users')
    .values({ id: userId, phone_number: phone, phone_verified: 1, locale: null, created_at: at, updated_at: at } as any)
    .execute();
  if (who.channel === 'telegram') {
    const tg = who.telegram ?? { chatId: String(700_000_000 + ++numbers) };
    await db
      .insertInto('telegram_users')
      .values({
        telegram_id: String(800_000_000 + ++numbers),
        user_id: userId,
        chat_id: tg.chatId,
        bot_blocked_at: tg.blocked ? at : null,
        bot_stopped_at: tg.stopped ? at : null,
        created_at: at,
        updated_at: at,
      } as any)
      .execute();
  }
  const alertId = randomUUID();
  await db
    .insertInto('stock_alerts')
    .values({
      id: alertId,
      user_id: userId,
      product_id: who.product,
      variant_id: who.variant ?? '',
      channel: who.channel ?? 'sms',
      locale: who.locale ?? 'en',
      status: 'active',
      link_key: newLinkKey(),
      created_at: at,
    } as any)
    .execute();
  return { alertId, userId };
}

/** The admin API's stock and restock routes with a key that may use them. */
export async function stockAdmin(t: TestApp) {
  const { secret } = await newKey(t, ['alerts:read', 'alerts:write']);
  const headers = { authorization: `Bearer ${secret}` };
  return {
    async report(product: string, body: Record<string, unknown>) {
      const res = await t.inject({
        method: 'PUT',
        url: `/api/v1/admin/products/${encodeURIComponent(product)}/stock`,
        headers,
        payload: body,
      });
      return { status: res.statusCode, body: res.json() };
    },
    async restocks(product: string) {
      return t.get(`/api/v1/admin/products/${encodeURIComponent(product)}/restocks`, headers);
    },
  };
}

/** Every alert of a product with its status, and how many messages (of either queue) name each. */
export async function alertsOf(db: Kysely<Database>, product: string) {
  return db
    .selectFrom('stock_alerts')
    .selectAll()
    .where('product_id', '=', product)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * How many messages were queued for each alert of `product`: SMS found by the link key in their text (so a
 * second SMS for one alert would be counted even if nothing pointed at it), Telegram messages by alert_id.
 */
export async function messagesPerAlert(db: Kysely<Database>, product: string): Promise<Map<string, number>> {
  const alerts = await alertsOf(db, product);
  const counts = new Map(alerts.map((a) => [a.id, 0]));
  const byKey = new Map(alerts.map((a) => [a.link_key, a.id]));
  const texts = await db.selectFrom('sms_logs').select('text').where('template', '=', 'stock_alert').execute();
  for (const { text } of texts) {
    const key = /\/c\/([A-Za-z0-9_-]{12})/.exec(text)?.[1];
    const id = key === undefined ? undefined : byKey.get(key);
    if (id !== undefined) counts.set(id, counts.get(id)! + 1);
  }
  const telegram = await db.selectFrom('telegram_messages').select('alert_id').execute();
  for (const { alert_id: id } of telegram) if (id !== null && counts.has(id)) counts.set(id, counts.get(id)! + 1);
  return counts;
}
