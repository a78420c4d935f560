import type { Kysely } from 'kysely';
import { QUEUE_REMOVED, UNSETTLED } from './0005_sms_queue.ts';

/**
 * Rows that reverting a migration ends rather than strands, counted so that `migrate down` can say how many
 * before the operator agrees. A down migration that would leave rows no code can move again (a queued
 * message without its queue) settles them itself and has a line here; the others need none.
 */
export const SETTLES: Readonly<Record<string, (db: Kysely<any>) => Promise<string | null>>> = {
  async '0005_sms_queue'(db) {
    const row = await db
      .selectFrom('sms_logs')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('status', 'in', UNSETTLED)
      .executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n === 0) return null;
    const messages = n === 1 ? '1 message is' : `${n} messages are`;
    return `${messages} still queued or sending; reverting ends them as failed (${QUEUE_REMOVED.code}: ${QUEUE_REMOVED.message}), unsent`;
  },
};
