import type { Kysely } from 'kysely';
import { actorRef, type Actor } from '../../audit/actor.ts';
import { recordAudit } from '../../audit/repository.ts';
import type { Database } from '../../db/types.ts';
import { maskPhone } from '../../phone/parse.ts';
import { cancelQueuedMessage } from './cancel.ts';

export type CancelOutcome =
  | { readonly outcome: 'cancelled' }
  | { readonly outcome: 'not_found' }
  /** Queued by another key, and the caller may cancel only its own. */
  | { readonly outcome: 'not_yours' }
  /** Being sent, or final: `status` says which. A message already cancelled answers `cancelled`. */
  | { readonly outcome: 'too_late'; readonly status: string };

/** Cancelling one queued message (DELETE /api/v1/admin/sms/messages/:id). */
export function createCancelService(db: Kysely<Database>, now: () => number) {
  return {
    /**
     * Cancels the message if it is still queued, with its audit record in the same transaction. `ownKeyId`
     * limits the caller to the messages that key queued (a key with sms:send only); null: any message.
     * A worker that claims the message at the same moment and this cancel are decided by one conditional
     * UPDATE each: the message is sent or cancelled, never both.
     */
    async cancel(id: string, actor: Actor, ownKeyId: string | null): Promise<CancelOutcome> {
      const row = await db
        .selectFrom('sms_logs')
        .select(['status', 'api_key_id', 'phone_number'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return { outcome: 'not_found' };
      if (ownKeyId !== null && row.api_key_id !== ownKeyId) return { outcome: 'not_yours' };
      if (row.status === 'cancelled') return { outcome: 'cancelled' };
      const at = now();
      const done = await db.transaction().execute(async (trx) => {
        if (!(await cancelQueuedMessage(trx, id, actorRef(actor), at))) return false;
        const summary = { to: maskPhone(row.phone_number), queued_by: row.api_key_id };
        await recordAudit(trx, { actor, action: 'sms.cancel', target: id, summary }, at);
        return true;
      });
      if (done) return { outcome: 'cancelled' };
      const { status } = await db
        .selectFrom('sms_logs')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return status === 'cancelled' ? { outcome: 'cancelled' } : { outcome: 'too_late', status };
    },
  };
}

export type CancelService = ReturnType<typeof createCancelService>;
