import type { Kysely } from 'kysely';

/**
 * `signing_keys`: the asymmetric keys access tokens are signed with (ES256), published at
 * /.well-known/jwks.json. `generation` orders them and is unique, so that instances starting together insert
 * one first key between them, and two rotations at once add one key, not two (the loser's insert conflicts
 * and it reads the winner's). `private_key` is sealed (AES-256-GCM under a key derived from AUTH_SECRET, the
 * `kid` as associated data): a database dump alone cannot sign tokens. `activates_at` is when the key starts
 * to sign, set ahead of its creation so that every instance and every shop backend has it before a token
 * signed with it exists (see signing-keys/ring.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().unique())
    .addColumn('alg', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('activates_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signing_keys').ifExists().execute();
}
