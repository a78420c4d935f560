import { sql, type Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import { olderThan, type ListPosition } from '../db/list-cursor.ts';
import type { Database, StockAlertsTable } from '../db/types.ts';
import type { MyListPosition } from './cursor.ts';
import { newLinkKey } from './link-token.ts';

/** An alert with the product's name as the shop last reported it (null until it has). */
export type AlertWithName = Readonly<StockAlertsTable> & { readonly product_name: string | null };

/** What one subscription is for: a user, a product and variant ('' for none), in a locale. */
export interface Subscription {
  readonly userId: string;
  readonly productId: string;
  readonly variantId: string;
  readonly locale: string;
}

export interface AlertFilter {
  readonly userId?: string | undefined;
  /** Alerts of whoever has this number (E.164). */
  readonly phoneNumber?: string | undefined;
  /** Alerts of the user with this external_id. */
  readonly externalId?: string | undefined;
  readonly productId?: string | undefined;
  readonly status?: string | undefined;
  readonly after?: ListPosition | undefined;
  readonly limit: number;
}

/** Subscribers of one variant of a product, by channel for the active ones. */
export interface ProductCounts {
  readonly variant_id: string;
  readonly product_name: string | null;
  readonly sms: number;
  readonly telegram: number;
  readonly notified: number;
  readonly cancelled: number;
}

type Executor = Kysely<Database>;

/** `stock_alerts` with the product's name beside each row. */
const withName = (db: Executor) =>
  db
    .selectFrom('stock_alerts')
    .leftJoin('product_stock', (join) =>
      join
        .onRef('product_stock.product_id', '=', 'stock_alerts.product_id')
        .onRef('product_stock.variant_id', '=', 'stock_alerts.variant_id'),
    )
    .selectAll('stock_alerts')
    .select('product_stock.name as product_name');

/** The statements over `stock_alerts` that subscriptions need. */
export const alertRows = {
  /**
   * Inserts an active alert for each channel that has none; a channel that has one is left alone. The
   * partial unique index decides (one active row per user, product, variant and channel), so two concurrent
   * calls cannot both insert. The index predicate is a literal: PostgreSQL matches the conflict target to a
   * partial index only when it can prove the predicate, which it cannot for a bound parameter.
   */
  async insertActive(db: Executor, to: Subscription, channels: readonly string[], now: number): Promise<number> {
    const inserted = await db
      .insertInto('stock_alerts')
      .values(
        channels.map((channel) => ({
          id: newId(now),
          user_id: to.userId,
          product_id: to.productId,
          variant_id: to.variantId,
          channel,
          locale: to.locale,
          status: 'active',
          link_key: newLinkKey(),
          created_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'product_id', 'variant_id', 'channel'])
          .where(sql.ref('status'), '=', sql.lit('active'))
          .doNothing(),
      )
      .returning('id')
      .execute();
    return inserted.length;
  },

  /** The active alerts of a user for a product and variant on these channels. */
  activeFor: (db: Executor, to: Omit<Subscription, 'locale'>, channels: readonly string[]) =>
    withName(db)
      .where('stock_alerts.user_id', '=', to.userId)
      .where('stock_alerts.product_id', '=', to.productId)
      .where('stock_alerts.variant_id', '=', to.variantId)
      .where('stock_alerts.channel', 'in', channels)
      .where('stock_alerts.status', '=', 'active')
      .orderBy('stock_alerts.channel')
      .execute() as Promise<AlertWithName[]>,

  find: (db: Executor, id: string) =>
    withName(db).where('stock_alerts.id', '=', id).executeTakeFirst() as Promise<AlertWithName | undefined>,

  /** A user's alerts: the active ones first, then the ended ones, each newest first. */
  listMine(db: Executor, userId: string, after: MyListPosition | undefined, limit: number): Promise<AlertWithName[]> {
    let query = withName(db).where('stock_alerts.user_id', '=', userId);
    if (after) {
      query = after.active
        ? query.where((eb) =>
            eb.or([
              eb.and([eb('stock_alerts.status', '=', 'active'), olderThan(after)]),
              eb('stock_alerts.status', '<>', 'active'),
            ]),
          )
        : query.where('stock_alerts.status', '<>', 'active').where(olderThan(after));
    }
    return query
      .orderBy(sql`case when stock_alerts.status = 'active' then 0 else 1 end`)
      .orderBy('stock_alerts.created_at', 'desc')
      .orderBy('stock_alerts.id', 'desc')
      .limit(limit)
      .execute() as Promise<AlertWithName[]>;
  },

  /** The admin listing: newest first, paged by (created_at, id), every filter given applied. */
  list(db: Executor, filter: AlertFilter): Promise<AlertWithName[]> {
    let query = withName(db);
    if (filter.userId !== undefined) query = query.where('stock_alerts.user_id', '=', filter.userId);
    if (filter.phoneNumber !== undefined) {
      const owners = db.selectFrom('users').select('id').where('phone_number', '=', filter.phoneNumber);
      query = query.where('stock_alerts.user_id', 'in', owners);
    }
    if (filter.externalId !== undefined) {
      const owners = db.selectFrom('users').select('id').where('external_id', '=', filter.externalId);
      query = query.where('stock_alerts.user_id', 'in', owners);
    }
    if (filter.productId !== undefined) query = query.where('stock_alerts.product_id', '=', filter.productId);
    if (filter.status !== undefined) query = query.where('stock_alerts.status', '=', filter.status);
    if (filter.after) query = query.where(olderThan(filter.after));
    return query
      .orderBy('stock_alerts.created_at', 'desc')
      .orderBy('stock_alerts.id', 'desc')
      .limit(filter.limit)
      .execute() as Promise<AlertWithName[]>;
  },

  /** The user's active alerts, newest first, at most `limit` (the bot's /alerts). */
  activeOfUser: (db: Executor, userId: string, limit: number) =>
    withName(db)
      .where('stock_alerts.user_id', '=', userId)
      .where('stock_alerts.status', '=', 'active')
      .orderBy('stock_alerts.created_at', 'desc')
      .orderBy('stock_alerts.id', 'desc')
      .limit(limit)
      .execute() as Promise<AlertWithName[]>,

  /** Counts per variant, channel and status of one product's alerts, with each variant's name. */
  async productCounts(db: Executor, productId: string): Promise<ProductCounts[]> {
    const [groups, names] = await Promise.all([
      db
        .selectFrom('stock_alerts')
        .select(['variant_id', 'channel', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('product_id', '=', productId)
        .groupBy(['variant_id', 'channel', 'status'])
        .execute(),
      db.selectFrom('product_stock').select(['variant_id', 'name']).where('product_id', '=', productId).execute(),
    ]);
    const byVariant = new Map<string, { sms: number; telegram: number; notified: number; cancelled: number }>();
    for (const group of groups) {
      const counts = byVariant.get(group.variant_id) ?? { sms: 0, telegram: 0, notified: 0, cancelled: 0 };
      // PostgreSQL's count is a bigint, which pg reads as a string.
      const n = Number(group.n);
      if (group.status === 'active' && (group.channel === 'sms' || group.channel === 'telegram')) {
        counts[group.channel] += n;
      } else if (group.status === 'notified' || group.status === 'cancelled') {
        counts[group.status] += n;
      }
      byVariant.set(group.variant_id, counts);
    }
    const nameOf = new Map(names.map((row) => [row.variant_id, row.name]));
    return [...byVariant]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([variant_id, counts]) => ({ variant_id, product_name: nameOf.get(variant_id) ?? null, ...counts }));
  },
};
