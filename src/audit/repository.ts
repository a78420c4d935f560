import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { AdminAuditTable, Database } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { boundedSummary, type SummaryValue } from './summary.ts';
import { olderThan, type ListPosition } from '../db/list-cursor.ts';

/** What an admin write records. */
export interface AuditEntry {
  readonly actor: Actor;
  /** `template.put`, `template.delete`, `sms.send`, `sms.cancel`, `key.create`, `key.revoke`, ... */
  readonly action: string;
  readonly target: string | null;
  readonly summary: Record<string, SummaryValue>;
}

export interface AuditFilter {
  readonly keyId?: string | undefined;
  readonly action?: string | undefined;
  /** Rows strictly older than this one (the previous page's last). */
  readonly after?: ListPosition | undefined;
  readonly limit: number;
}

/**
 * Writes the record of one admin change. Pass the transaction that makes the change, so that the change and
 * its record commit together or not at all.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, at: number): Promise<void> {
  await db
    .insertInto('admin_audit')
    .values({
      id: newId(),
      created_at: at,
      actor_key_id: entry.actor.keyId,
      actor_name: entry.actor.name,
      action: entry.action,
      target: entry.target,
      summary: boundedSummary(entry.summary),
    })
    .execute();
}

/** The audit trail, newest first, paged by (created_at, id) like the delivery log. */
export function createAuditRepository(db: Kysely<Database>) {
  return {
    async list(filter: AuditFilter): Promise<AdminAuditTable[]> {
      let query = db.selectFrom('admin_audit').selectAll();
      if (filter.keyId !== undefined) query = query.where('actor_key_id', '=', filter.keyId);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      const after = filter.after;
      if (after) query = query.where(olderThan(after));
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
