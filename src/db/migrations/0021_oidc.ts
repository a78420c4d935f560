import type { Kysely } from 'kysely';

/**
 * The storage of the OpenID Connect provider (oidc-provider) and its registry of clients.
 *
 * `oidc_clients`: the relying parties registered by an operator (`otpgate clients`, the admin API).
 * `client_id` is random and public; `secret_hash` is the SHA-256 (hex) of the client secret, which is
 * shown once and never stored, or null for a public client (a browser or mobile app, which authenticates
 * with PKCE instead). `redirect_uris` and `post_logout_redirect_uris` are JSON arrays of exact URLs.
 * `first_party` (0/1) marks the shop's own applications, which are not asked for consent. A client is
 * never deleted, only disabled (`disabled_at`), so the audit trail keeps naming something that existed.
 *
 * `oidc_payloads`: everything else the provider stores (sessions, interactions, grants, codes, tokens),
 * one row per model and id, its payload as JSON. `grant_id`, `user_code` and `uid` are copied out of the
 * payload for the provider's lookups by them; `expires_at` (null: kept until destroyed) lets reads treat
 * an expired row as absent and maintenance delete it; `consumed_at` is set once, by the first consume.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('post_logout_redirect_uris', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('first_party', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled_at', 'bigint')
    .execute();

  await db.schema
    .createTable('oidc_payloads')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('uid', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('consumed_at', 'bigint')
    .addPrimaryKeyConstraint('oidc_payloads_pk', ['model', 'id'])
    .execute();
  await db.schema.createIndex('oidc_payloads_grant_id').on('oidc_payloads').column('grant_id').execute();
  await db.schema.createIndex('oidc_payloads_uid').on('oidc_payloads').column('uid').execute();
  await db.schema.createIndex('oidc_payloads_user_code').on('oidc_payloads').column('user_code').execute();
  // Maintenance deletes by expiry.
  await db.schema.createIndex('oidc_payloads_expires_at').on('oidc_payloads').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oidc_payloads').execute();
  await db.schema.dropTable('oidc_clients').execute();
}
