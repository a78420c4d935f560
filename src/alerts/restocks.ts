import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** SMS statuses counted as delivered: the provider took it (`sent`) or reported it on the phone (`delivered`). */
export const SMS_DELIVERED = ['sent', 'delivered'] as const;
/** Telegram statuses counted as delivered: the Bot API accepted it. */
export const TELEGRAM_DELIVERED = ['sent'] as const;

export interface RestockStats {
  readonly id: string;
  readonly product_id: string;
  readonly variant_id: string | null;
  readonly quantity: number;
  readonly notify_limit: number | null;
  readonly status: string;
  readonly notified: number;
  readonly delivered: number;
  readonly clicked: number;
  readonly created_at: number;
  readonly finished_at: number | null;
}

/** A product's restocks, newest first, each with what came of its alerts. */
export async function listRestocks(
  db: Kysely<Database>,
  productId: string,
  variantId: string | undefined,
  limit: number,
): Promise<RestockStats[]> {
  let query = db
    .selectFrom('restocks as r')
    .select((eb) => [
      'r.id',
      'r.product_id',
      'r.variant_id',
      'r.quantity',
      'r.notify_limit',
      'r.status',
      'r.notified',
      'r.created_at',
      'r.finished_at',
      eb
        .selectFrom('stock_alerts as a')
        .innerJoin('sms_logs as s', 's.id', 'a.message_id')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('a.restock_id', '=', 'r.id')
        .where('a.channel', '=', 'sms')
        .where('s.status', 'in', SMS_DELIVERED)
        .as('sms_delivered'),
      eb
        .selectFrom('stock_alerts as a')
        .innerJoin('telegram_messages as t', 't.id', 'a.message_id')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('a.restock_id', '=', 'r.id')
        .where('a.channel', '=', 'telegram')
        .where('t.status', 'in', TELEGRAM_DELIVERED)
        .as('telegram_delivered'),
      eb
        .selectFrom('stock_alerts as a')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('a.restock_id', '=', 'r.id')
        .where('a.clicked_at', 'is not', null)
        .as('clicked'),
    ])
    .where('r.product_id', '=', productId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (variantId !== undefined) query = query.where('r.variant_id', '=', variantId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    product_id: row.product_id,
    variant_id: row.variant_id === '' ? null : row.variant_id,
    quantity: Number(row.quantity),
    notify_limit: row.notify_limit === null ? null : Number(row.notify_limit),
    status: row.status,
    notified: Number(row.notified),
    delivered: Number(row.sms_delivered ?? 0) + Number(row.telegram_delivered ?? 0),
    clicked: Number(row.clicked ?? 0),
    created_at: Number(row.created_at),
    finished_at: row.finished_at === null ? null : Number(row.finished_at),
  }));
}
