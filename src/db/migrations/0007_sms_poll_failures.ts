import { sql, type Kysely } from 'kysely';

/**
 * `sms_logs.poll_failures`: delivery-status reads of the row that failed in a row, counted when the poller
 * claims the row and cleared by a read that succeeds. The poller waits longer after each and stops asking at
 * its limit, so one message whose provider answers garbage costs a few calls, not one per interval for two
 * days; and a row whose poll kills the process is given up after as many restarts.
 *
 * Also empties what earlier versions stored from provider answers without a bound: message ids longer than
 * 128 characters (such a row is no longer polled), delivery statuses and error codes longer than 64, and
 * error texts longer than 1000. Megabytes in one of these columns crashed the poller, which reads a hundred
 * rows at once, and the admin listing; none of them is an id or a code that could be used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sms_logs')
    .addColumn('poll_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update sms_logs set provider_message_id = null, poll_at = null where length(provider_message_id) > 128`.execute(
    db,
  );
  for (const [column, longest] of [
    ['provider_status', 64],
    ['error_code', 64],
    ['error_message', 1000],
  ] as const) {
    await sql`update sms_logs set ${sql.ref(column)} = null where length(${sql.ref(column)}) > ${sql.lit(longest)}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sms_logs').dropColumn('poll_failures').execute();
}
