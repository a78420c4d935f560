import type { Actor } from '../../audit/actor.ts';
import { recordAudit } from '../../audit/repository.ts';
import type { SummaryValue } from '../../audit/summary.ts';
import { newId } from '../../db/ids.ts';
import { databaseNow } from '../../db/clock.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import { queuedRow, type NewQueuedMessage } from './repository.ts';
import { writeTogether } from '../../db/together.ts';
import { NO_EVENTS, type EventRecorder } from '../../events/recorder.ts';

export type KeyedEnqueueResult =
  | { readonly outcome: 'queued'; readonly id: string }
  /** The key has `maxQueued` messages waiting (queued or being sent). */
  | { readonly outcome: 'full' }
  /** The key was revoked after the request was authenticated. */
  | { readonly outcome: 'revoked' }
  /** The (key, Idempotency-Key) pair already has a row. */
  | { readonly outcome: 'duplicate' };

/**
 * Queues a message of an admin API key, with its audit record, in one transaction that first touches the
 * key's row. On PostgreSQL that locks the row until the commit, so one key's sends, on every instance, count
 * its waiting messages and insert one at a time: a burst of parallel sends queues exactly up to `maxQueued`.
 * (SQLite runs one transaction at a time anyway.) A revocation updates the same row, so it is ordered with
 * the sends: a send either commits before it (and the revocation cancels what it queued) or finds the key
 * revoked and queues nothing.
 */
export function createKeyedEnqueue(database: DatabaseHandle, now: () => number, events: EventRecorder = NO_EVENTS) {
  const { db } = database;
  return async function enqueueForKey(
    message: NewQueuedMessage & { readonly apiKeyId: string },
    actor: Actor,
    maxQueued: number,
    summary: Record<string, SummaryValue>,
  ): Promise<KeyedEnqueueResult> {
    const id = newId();
    const at = now();
    return db.transaction().execute(async (trx): Promise<KeyedEnqueueResult> => {
      const live = await trx
        .updateTable('api_keys')
        .set((eb) => ({ revoked_at: eb.ref('revoked_at') }))
        .where('id', '=', message.apiKeyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (live.numUpdatedRows === 0n) return { outcome: 'revoked' };
      // A test number's row is final at once and never waits in the queue.
      if (!message.testNumber) {
        const { pending } = await trx
          .selectFrom('sms_logs')
          .select((eb) => eb.fn.countAll().as('pending'))
          .where('api_key_id', '=', message.apiKeyId)
          .where('status', 'in', ['queued', 'sending'])
          .executeTakeFirstOrThrow();
        if (Number(pending) >= maxQueued) return { outcome: 'full' };
      }
      const insert = trx
        .insertInto('sms_logs')
        .values(queuedRow(message, id, at, databaseNow(database)))
        .onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing())
        .returning('id');
      // A test number's message is `sent` as it is written: its event goes with it.
      const event = message.testNumber
        ? events.row(
            'sms.status_changed',
            { log_id: id, status: 'sent', provider: 'test', template: message.template, error_code: null },
            at,
          )
        : null;
      const [inserted] = await writeTogether(database, insert.compile(), event, trx);
      if (!inserted) return { outcome: 'duplicate' };
      await recordAudit(trx, { actor, action: 'sms.send', target: id, summary }, at);
      return { outcome: 'queued', id };
    });
  };
}

export type KeyedEnqueue = ReturnType<typeof createKeyedEnqueue>;
