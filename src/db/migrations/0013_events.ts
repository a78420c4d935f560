import type { Kysely } from 'kysely';

/**
 * `events`: the outbox of events for the shop's backend (EVENTS_WEBHOOK_URL). A row is written in the
 * transaction of the change it reports, then delivered under a lease exactly as a queued SMS is: `queued`
 * with `next_attempt_at`, `sending` with `lease_until`, then `delivered` or `failed`.
 *
 * The partial indexes hold only the rows a worker still has to look at, so they stay small however many
 * events are kept; `(created_at, id)` serves the admin listing newest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('events_time_idx').on('events').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('events_due_idx')
    .on('events')
    .columns(['next_attempt_at', 'id'])
    .where('next_attempt_at', 'is not', null)
    .execute();
  await db.schema
    .createIndex('events_lease_idx')
    .on('events')
    .column('lease_until')
    .where('lease_until', 'is not', null)
    .execute();
  await db.schema
    .createIndex('events_user_idx')
    .on('events')
    .column('user_id')
    .where('user_id', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').ifExists().execute();
}
