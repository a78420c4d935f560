import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface SmsLogEntry {
  readonly phoneNumber: string;
  readonly template: string | null;
  readonly provider: string;
  readonly providerMessageId: string | null;
  readonly status: 'sent' | 'failed';
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Already masked: callers pass text with any code replaced. */
  readonly text: string;
}

export function createSmsLogRepository(db: Kysely<Database>, now: () => number) {
  return {
    async record(entry: SmsLogEntry): Promise<string> {
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
          provider_message_id: entry.providerMessageId,
          status: entry.status,
          error_code: entry.errorCode,
          error_message: entry.errorMessage,
          text: entry.text,
          attempts: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
  };
}

export type SmsLogRepository = ReturnType<typeof createSmsLogRepository>;
