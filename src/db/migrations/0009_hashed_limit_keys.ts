import { sql, type Kysely } from 'kysely';

/**
 * Rate-limit counters are now kept under a keyed hash of the number (otp/limits.ts `limitKeyForPhone`), so
 * that the database lists no numbers. Rows from before hold the number itself (`otp-phone-hour:+98912...`,
 * `otp-resend:login:+98912...`): the new code never reads them again, so they are deleted here rather than
 * left on disk until they expire. An E.164 number always starts with `+`, which no other key holds (the
 * hashes are base64url, addresses are digits, dots and colons). Deleting them forgets at most one window of
 * each number's counts, the same as leaving them would.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from rate_limits where key like '%+%'`.execute(db);
}

/** Nothing to undo: the counters deleted are not restored, and the older code starts them afresh. */
export async function down(): Promise<void> {}
