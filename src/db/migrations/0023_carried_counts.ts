import type { Kysely } from 'kysely';

/**
 * With Redis, `rate_limits` holds the counts taken while Redis was away. When Redis is back, the first
 * instance to return used to delete those rows as it moved them into Redis, and an instance that had not yet
 * returned went on counting in the database from nothing: for about a second every key had its whole limit
 * again there. Now the rows stay, and `carried` says how much of `points` is in Redis already, for the
 * window that ends at `carried_expire` (a row whose window started again has carried nothing of it). A row
 * goes when its window ends, like any counter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rate_limits')
    .addColumn('carried', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('rate_limits').addColumn('carried_expire', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rate_limits').dropColumn('carried_expire').execute();
  await db.schema.alterTable('rate_limits').dropColumn('carried').execute();
}
