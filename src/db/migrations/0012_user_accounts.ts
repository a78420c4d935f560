import type { Kysely } from 'kysely';

/**
 * The shop's own users.
 *
 * `users.external_id`: the shop's id for the user, unique when set (both databases let a unique index hold
 * many nulls). `users.blocked_at`: when an admin blocked the user; null while they may sign in.
 * `users_created_idx`: the admin listing, newest first, paged by (created_at, id).
 *
 * Deleting a user needs no column: the row goes, and the number is masked where other rows keep it
 * (users/erase.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('users').addColumn('blocked_at', 'bigint').execute();
  await db.schema.createIndex('users_external_id_uq').on('users').column('external_id').unique().execute();
  await db.schema.createIndex('users_created_idx').on('users').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_created_idx').ifExists().execute();
  await db.schema.dropIndex('users_external_id_uq').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('blocked_at').execute();
  await db.schema.alterTable('users').dropColumn('external_id').execute();
}
