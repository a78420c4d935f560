import { sql, type Kysely } from 'kysely';

/**
 * `admin_audit`: one row per admin write (a template saved or deleted, a message queued or cancelled, a key
 * created or revoked, limits reset), with who made it (the key's id and name, or `cli`), when, and a bounded
 * JSON summary of what changed. Written in the transaction of the change it records, so there is no change
 * without its row.
 *
 * `sms_logs.cancelled_by`: the key id (or `cli`) that cancelled a queued message (status `cancelled`).
 * `api_keys.revoked_by`: who revoked the key, so that a message of the key cancelled later (one that was being
 * sent at the revocation and came back to the queue) names the same actor.
 * `sms_logs_key_pending_idx`: a key's messages not yet final, counted at every send against SMS_KEY_QUEUED_MAX;
 * partial, so it stays as small as the queue however long the log grows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('actor_key_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_audit_time_idx').on('admin_audit').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('admin_audit_key_idx')
    .on('admin_audit')
    .columns(['actor_key_id', 'created_at', 'id'])
    .execute();
  await db.schema.alterTable('sms_logs').addColumn('cancelled_by', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('revoked_by', 'text').execute();
  await sql`create index sms_logs_key_pending_idx on sms_logs (api_key_id) where status in ('queued', 'sending')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sms_logs_key_pending_idx').ifExists().execute();
  await db.schema.alterTable('api_keys').dropColumn('revoked_by').execute();
  await db.schema.alterTable('sms_logs').dropColumn('cancelled_by').execute();
  await db.schema.dropTable('admin_audit').ifExists().execute();
}
