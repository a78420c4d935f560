import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/index.ts';
import { newId } from '../db/ids.ts';
import type { Database } from '../db/types.ts';

/** What a shop reports of one product (and variant): how many it has, and what messages call it. */
export interface StockReport {
  readonly productId: string;
  /** '' when the shop has no variants. */
  readonly variantId: string;
  /** 0 or less is out of stock: a backorderable item is reported as 0, since backorders are not stock. */
  readonly quantity: number;
  /** Undefined keeps what the last report said. */
  readonly name?: string | undefined;
  readonly url?: string | undefined;
}

export interface StockRecorded {
  readonly productId: string;
  readonly variantId: string;
  readonly quantity: number;
  /** The restock this report started; null when it started none (the product was in stock already, or still is not). */
  readonly restock: { readonly id: string; readonly notifyLimit: number | null } | null;
}

/**
 * Records a stock report and, when the product goes from none (no row, or 0 or less) to some, the restock
 * that fans its alerts out: one transaction, with the product's row locked while its old quantity is read,
 * so that a report sent twice, two instances reporting at once, or a retry after a crash make one restock.
 *
 * PostgreSQL: the row is inserted if missing (as out of stock: no row means none), then `select ... for
 * update` waits for any other report of the product to commit and reads what it wrote. SQLite: a
 * transaction holds the one write lock from its start (BEGIN IMMEDIATE, see db/group-commit.ts), so two
 * reports are already one after the other.
 */
export function createStockReports(deps: {
  database: DatabaseHandle;
  /** ALERTS_PER_UNIT: subscribers notified per unit; null: all of them. */
  perUnit: number | null;
  now: () => number;
  /** A restock was committed: the fan-out may start on it. */
  restocked(): void;
}) {
  const { database, perUnit, now } = deps;
  const lockRows = database.dialect === 'postgres';

  async function record(trx: Kysely<Database>, report: StockReport, at: number): Promise<StockRecorded> {
    const key = { product_id: report.productId, variant_id: report.variantId };
    await trx
      .insertInto('product_stock')
      .values({ ...key, quantity: 0, name: null, url: null, updated_at: at })
      .onConflict((oc) => oc.columns(['product_id', 'variant_id']).doNothing())
      .execute();
    let current = trx
      .selectFrom('product_stock')
      .select(['quantity', 'name', 'url'])
      .where('product_id', '=', key.product_id)
      .where('variant_id', '=', key.variant_id);
    if (lockRows) current = current.forUpdate();
    const before = (await current.executeTakeFirstOrThrow()) as {
      quantity: number;
      name: string | null;
      url: string | null;
    };
    const name = report.name ?? before.name;
    const url = report.url ?? before.url;
    await trx
      .updateTable('product_stock')
      .set({ quantity: report.quantity, name, url, updated_at: at })
      .where('product_id', '=', key.product_id)
      .where('variant_id', '=', key.variant_id)
      .execute();
    const recorded = { productId: report.productId, variantId: report.variantId, quantity: report.quantity };
    if (Number(before.quantity) > 0 || report.quantity <= 0) return { ...recorded, restock: null };
    const restock = { id: newId(), notifyLimit: perUnit === null ? null : report.quantity * perUnit };
    await trx
      .insertInto('restocks')
      .values({
        id: restock.id,
        ...key,
        quantity: report.quantity,
        name,
        url,
        notify_limit: restock.notifyLimit,
        notified: 0,
        status: 'fanning',
        // No lease yet: due to the first fan-out that looks.
        lease_until: null,
        created_at: at,
        finished_at: null,
      })
      .execute();
    return { ...recorded, restock };
  }

  return {
    async report(report: StockReport): Promise<StockRecorded> {
      const at = now();
      const result = await database.db.transaction().execute((trx) => record(trx, report, at));
      if (result.restock) deps.restocked();
      return result;
    },
  };
}

export type StockReports = ReturnType<typeof createStockReports>;
