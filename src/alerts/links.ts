import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { productName, stopProductAlerts } from './cancel.ts';
import { readLinkToken } from './link-token.ts';

/** What `/s/<token>` found: nothing (a forged, altered or unknown token), or the alert's product and locale. */
export type StopOutcome =
  | { readonly found: false }
  | { readonly found: true; readonly product: string; readonly locale: string; readonly cancelled: number };

/** What `/c/<token>` found: nothing, an alert without a URL that may be opened, or where to send the browser. */
export type ClickOutcome =
  { readonly found: false } | { readonly found: true; readonly locale: string; readonly url: string | null };

/**
 * The alerts' links (alerts/link-token.ts): `/s/` stops the product's alerts in one click, `/c/` records the
 * first click and names the product's page. A token whose MAC is wrong is refused before any database read.
 * `record: false` (a HEAD request, a link-preview robot) looks the alert up and changes nothing.
 */
export function createAlertLinks(deps: { db: Kysely<Database>; secret: Buffer; now: () => number }) {
  const { db, secret, now } = deps;
  const alertOf = (linkKey: string) =>
    db
      .selectFrom('stock_alerts')
      .select(['id', 'user_id', 'product_id', 'variant_id', 'locale', 'restock_id'])
      .where('link_key', '=', linkKey)
      .executeTakeFirst();

  return {
    /**
     * Cancels every alert of the link's user for the link's product and variant that is still active, on
     * any channel (reason `link`). Found again later, the same answer with nothing left to cancel.
     */
    async stop(token: string, record: boolean): Promise<StopOutcome> {
      const linkKey = readLinkToken(secret, 'stop', token);
      if (linkKey === null) return { found: false };
      const alert = await alertOf(linkKey);
      if (!alert) return { found: false };
      const cancelled = record ? await stopProductAlerts(db, alert, 'link', now()) : 0;
      return {
        found: true,
        product: await productName(db, alert.product_id, alert.variant_id),
        locale: alert.locale,
        cancelled,
      };
    },

    /**
     * Records the alert's first click (a later one keeps the first) and answers where to send the browser:
     * the URL of the restock that notified the alert, else the product's last reported URL. Only an http(s)
     * URL from the database; null otherwise.
     */
    async click(token: string, record: boolean): Promise<ClickOutcome> {
      const linkKey = readLinkToken(secret, 'click', token);
      if (linkKey === null) return { found: false };
      const alert = await alertOf(linkKey);
      if (!alert) return { found: false };
      if (record) {
        await db
          .updateTable('stock_alerts')
          .set({ clicked_at: now() })
          .where('id', '=', alert.id)
          .where('clicked_at', 'is', null)
          .execute();
      }
      return { found: true, locale: alert.locale, url: webUrl(await storedUrl(db, alert)) };
    },
  };
}

export type AlertLinks = ReturnType<typeof createAlertLinks>;

async function storedUrl(
  db: Kysely<Database>,
  alert: { restock_id: string | null; product_id: string; variant_id: string },
): Promise<string | null> {
  if (alert.restock_id !== null) {
    const restock = await db.selectFrom('restocks').select('url').where('id', '=', alert.restock_id).executeTakeFirst();
    if (restock?.url) return restock.url;
  }
  const stock = await db
    .selectFrom('product_stock')
    .select('url')
    .where('product_id', '=', alert.product_id)
    .where('variant_id', '=', alert.variant_id)
    .executeTakeFirst();
  return stock?.url ?? null;
}

/** The URL as a browser may be sent to it: absolute http or https, re-serialised; null for anything else. */
export function webUrl(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
