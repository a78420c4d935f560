import { sql, type Kysely } from 'kysely';

/**
 * Staff: the users who may sign in to the admin console. One row per staff member, keyed by the user, so a
 * user is staff once, with one `role`: `admin` or `support` (what each may do is api-keys/scopes.ts's
 * STAFF_ROLE_SCOPES). Deleting the user deletes the row. `created_by` names who added them: an API key's id,
 * or `cli`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addCheckConstraint('staff_role', sql`role in ('admin', 'support')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff').execute();
}
