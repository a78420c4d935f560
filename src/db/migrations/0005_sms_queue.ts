import type { Kysely } from 'kysely';

/**
 * The durable SMS queue lives in `sms_logs` itself: a queued message is a log row from the moment it is
 * accepted, so the queue and the log can never disagree about a message.
 *
 * - `payload`: what to send (JSON: text, params, approvedBy), cleared once the row is final, so that a code or
 *   the shop's text is not kept longer than its delivery needs. `text` keeps the masked copy for the log.
 * - `next_attempt_at`: set only while the row is `queued` (when it may be tried); `lease_until`: set only while
 *   a worker holds it (`sending`); a lease that runs out means the worker died, and the row is queued again.
 * - `tries`: delivery tries (claims), which SMS_QUEUE_MAX_ATTEMPTS bounds; `attempts` stays provider calls.
 * - `api_key_id` + `idempotency_key`: unique, so two concurrent sends with one key make one row;
 *   `request_hash` tells a retry of the same request from a reuse of the key for another.
 * - `provider_status`, `cost`: what the provider said; `queued_at`, `sending_at`, `sent_at`, `final_at`:
 *   when each transition happened; `poll_at`: when the delivery poller next asks the provider.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: Array<[string, 'text' | 'bigint' | 'integer' | 'double precision']> = [
    ['payload', 'text'],
    ['next_attempt_at', 'bigint'],
    ['lease_until', 'bigint'],
    ['api_key_id', 'text'],
    ['idempotency_key', 'text'],
    ['request_hash', 'text'],
    ['provider_status', 'text'],
    ['cost', 'double precision'],
    ['queued_at', 'bigint'],
    ['sending_at', 'bigint'],
    ['sent_at', 'bigint'],
    ['final_at', 'bigint'],
    ['poll_at', 'bigint'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('sms_logs').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('sms_logs')
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Partial indexes: each holds only the rows some loop still has to look at, so they stay small however
  // long the log grows.
  await db.schema
    .createIndex('sms_logs_due_idx')
    .on('sms_logs')
    .column('next_attempt_at')
    .where('next_attempt_at', 'is not', null)
    .execute();
  await db.schema
    .createIndex('sms_logs_lease_idx')
    .on('sms_logs')
    .column('lease_until')
    .where('lease_until', 'is not', null)
    .execute();
  await db.schema
    .createIndex('sms_logs_poll_idx')
    .on('sms_logs')
    .column('poll_at')
    .where('poll_at', 'is not', null)
    .execute();
  // NULLs are distinct in a unique index on both databases, so rows sent without a key never collide.
  await db.schema
    .createIndex('sms_logs_idempotency_uq')
    .on('sms_logs')
    .columns(['api_key_id', 'idempotency_key'])
    .unique()
    .execute();
}

/** What `down` writes on messages it ends, so the log says why they were never sent. */
export const QUEUE_REMOVED = { code: 'QUEUE_REMOVED', message: 'queue removed by migrate down' } as const;

/** The messages `down` ends as failed: waiting in the queue, or held by a worker (or a code send) mid-try. */
export const UNSETTLED = ['queued', 'sending'] as const;

/**
 * Without the queue columns nothing can send or release a `queued` or `sending` row again: its payload and
 * lease are gone, and after a later `up` it has no `next_attempt_at`, so it would wait forever. They are
 * ended as `failed` with QUEUE_REMOVED first, which keeps the log true (they were not sent, and the shop can
 * see why and send them again). `migrate down` says how many before it asks (settles.ts).
 */
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('sms_logs')
    .set({
      status: 'failed',
      error_code: QUEUE_REMOVED.code,
      error_message: QUEUE_REMOVED.message,
      updated_at: Date.now(),
    })
    .where('status', 'in', UNSETTLED)
    .execute();
  for (const index of ['sms_logs_idempotency_uq', 'sms_logs_poll_idx', 'sms_logs_lease_idx', 'sms_logs_due_idx']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  for (const column of [
    'tries',
    'poll_at',
    'final_at',
    'sent_at',
    'sending_at',
    'queued_at',
    'cost',
    'provider_status',
    'request_hash',
    'idempotency_key',
    'api_key_id',
    'lease_until',
    'next_attempt_at',
    'payload',
  ]) {
    await db.schema.alterTable('sms_logs').dropColumn(column).execute();
  }
}
