import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/**
 * Why an alert was cancelled, as `stock_alerts.cancel_reason` records it. `no_phone`: a restock found the
 * SMS alert's user without a number (they removed it), so there was nowhere to send it. `user_blocked`: a
 * restock found the user blocked by the shop, who hears nothing from it.
 */
export const CANCEL_REASONS = [
  'user',
  'link',
  'telegram_button',
  'bot_blocked',
  'admin',
  'no_phone',
  'user_blocked',
] as const;

export type CancelReason = (typeof CANCEL_REASONS)[number];

const cancelled = (reason: CancelReason, at: number) =>
  ({ status: 'cancelled', cancelled_at: at, cancel_reason: reason }) as const;

/**
 * Cancels one alert if it is still active. Returns whether this call cancelled it: false for an alert that
 * was already notified or cancelled (or is not there), so a repeated cancel changes nothing.
 */
export async function cancelAlert(
  db: Kysely<Database>,
  id: string,
  reason: CancelReason,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('stock_alerts')
    .set(cancelled(reason, at))
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * "Stop alerts for this product", from an alert's link or button: the alert it came with has usually been
 * notified already, so what stops is every alert of that user for the same product and variant that is
 * still active, on any channel. Returns how many it cancelled (0 when none was left: not an error).
 */
export async function stopProductAlerts(
  db: Kysely<Database>,
  alert: { readonly user_id: string; readonly product_id: string; readonly variant_id: string },
  reason: CancelReason,
  at: number,
): Promise<number> {
  const result = await db
    .updateTable('stock_alerts')
    .set(cancelled(reason, at))
    .where('user_id', '=', alert.user_id)
    .where('product_id', '=', alert.product_id)
    .where('variant_id', '=', alert.variant_id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The product's name as the shop last reported it, else its id: what a message or page calls it. */
export async function productName(db: Kysely<Database>, productId: string, variantId: string): Promise<string> {
  const row = await db
    .selectFrom('product_stock')
    .select('name')
    .where('product_id', '=', productId)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
  return row?.name?.trim() || productId;
}
