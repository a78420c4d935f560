import type { Kysely } from 'kysely';

/**
 * `otp_codes.pending_code`: the code itself, sealed with AES-256-GCM, kept only while a send of it timed out
 * (it may have reached the phone), so that the retry sends the same code instead of a second one. Null for
 * every other row; cleared when a send succeeds or the code is used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('otp_codes').addColumn('pending_code', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('otp_codes').dropColumn('pending_code').execute();
}
