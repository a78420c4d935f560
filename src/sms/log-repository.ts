import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** A message about to be sent: the row exists (as `sending`) before any provider is called. */
export interface SmsLogStart {
  readonly phoneNumber: string;
  readonly template: string | null;
  /** The provider it is expected to go through; `finish` writes the one that actually took it. */
  readonly provider: string;
  /** Already masked: callers pass text with any code replaced. */
  readonly text: string;
}

/** How the message ended. */
export interface SmsLogOutcome {
  readonly provider: string;
  readonly providerMessageId: string | null;
  readonly status: 'sent' | 'failed';
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Provider calls made for the message (after failover, more than one). */
  readonly attempts: number;
}

/**
 * `sms_logs`: one row per message, however many providers were tried for it. The row is written before the
 * first call and updated once at the end, so a process that dies mid-send leaves a `sending` row behind: a
 * message that may have gone out, rather than none at all.
 */
export function createSmsLogRepository(db: Kysely<Database>, now: () => number) {
  const insert = async (entry: SmsLogStart, status: string, attempts: number): Promise<string> => {
    const id = randomUUID();
    const at = now();
    await db
      .insertInto('sms_logs')
      .values({
        id,
        phone_number: entry.phoneNumber,
        template: entry.template,
        locale: 'fa',
        provider: entry.provider,
        provider_message_id: null,
        status,
        error_code: null,
        error_message: null,
        text: entry.text,
        attempts,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  };

  return {
    /** Writes the message as `sending`, with no attempts yet. Returns the row id, for `finish`. */
    start: (entry: SmsLogStart): Promise<string> => insert(entry, 'sending', 0),

    async finish(id: string, outcome: SmsLogOutcome): Promise<void> {
      await db
        .updateTable('sms_logs')
        .set({
          provider: outcome.provider,
          provider_message_id: outcome.providerMessageId,
          status: outcome.status,
          error_code: outcome.errorCode,
          error_message: outcome.errorMessage,
          attempts: outcome.attempts,
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** A message that needed no provider (a test number): written once, as sent, after no calls. */
    recordWithoutProvider: (entry: SmsLogStart): Promise<string> => insert(entry, 'sent', 0),
  };
}

export type SmsLogRepository = ReturnType<typeof createSmsLogRepository>;
