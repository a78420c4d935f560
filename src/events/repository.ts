import { dueRows, releaseLapsed } from '../db/claim.ts';
import { databaseNowPlus } from '../db/clock.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { olderThan, type ListPosition } from '../db/list-cursor.ts';
import type { Transaction } from 'kysely';
import type { Database, EventsTable } from '../db/types.ts';

export type EventRow = Readonly<EventsTable>;

/** An event a worker holds. `leaseUntil` fences every write of the try: only its holder may end it. */
export interface ClaimedEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: string;
  readonly createdAt: number;
  /** Tries made, this one included. */
  readonly attempts: number;
  readonly leaseUntil: number;
}

export interface EventFilter {
  readonly status?: string | undefined;
  readonly type?: string | undefined;
  readonly after?: ListPosition | undefined;
  readonly limit: number;
}

/**
 * The `events` outbox as a leased queue, with the statements of the SMS queue (db/claim.ts): one claim
 * statement hands each due event to one worker on one instance; every write that ends a try is fenced on
 * the lease it was claimed with, so a worker whose lease lapsed (another took the event over) changes
 * nothing. Due times and leases are on the database's clock.
 */
export function createEventRepository(database: DatabaseHandle, now: () => number) {
  const { db } = database;

  const held = (claim: ClaimedEvent) =>
    db
      .updateTable('events')
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where('lease_until', '=', claim.leaseUntil);

  const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

  return {
    /** Takes up to `limit` due events and holds each for `leaseMs`; one statement, so each goes to one claimer. */
    async claim(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
      const at = now();
      const rows = await db
        .updateTable('events')
        .set((eb) => ({
          status: 'sending',
          attempts: eb('attempts', '+', 1),
          next_attempt_at: null,
          lease_until: databaseNowPlus(database, leaseMs),
          last_attempt_at: at,
          updated_at: at,
        }))
        .where('id', 'in', dueRows(database, 'events', limit))
        .returning(['id', 'type', 'payload', 'created_at', 'attempts', 'lease_until'])
        .execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type,
        payload: row.payload,
        createdAt: row.created_at,
        attempts: row.attempts,
        leaseUntil: Number(row.lease_until),
      }));
    },

    releaseLapsed: (): Promise<number> => releaseLapsed(database, 'events', now()),

    /** The receiver answered 2xx. False when the lease was no longer this claim's. */
    async markDelivered(claim: ClaimedEvent): Promise<boolean> {
      const at = now();
      const result = await held(claim)
        .set({ status: 'delivered', lease_until: null, last_error: null, delivered_at: at, updated_at: at })
        .executeTakeFirst();
      return changed(result);
    },

    /** Back to `queued`, due `retryInMs` from now on the database's clock, with why this try failed. */
    async retryLater(claim: ClaimedEvent, error: string, retryInMs: number): Promise<boolean> {
      const result = await held(claim)
        .set({
          status: 'queued',
          lease_until: null,
          last_error: error,
          next_attempt_at: databaseNowPlus(database, retryInMs),
          updated_at: now(),
        })
        .executeTakeFirst();
      return changed(result);
    },

    /** Given up: `failed`, with why the last try failed. */
    async markFailed(claim: ClaimedEvent, error: string): Promise<boolean> {
      const result = await held(claim)
        .set({ status: 'failed', lease_until: null, last_error: error, updated_at: now() })
        .executeTakeFirst();
      return changed(result);
    },

    /**
     * Queues an event again, due now, with its tries counted afresh: an operator's redelivery. An event
     * being sent at this moment is left to that try (one delivery in flight per event). `alsoDo` runs in the
     * same transaction (the audit record). Returns the row as it is now, or null when there is no such event;
     * `requeued` false when it was being sent.
     */
    async redeliver(
      id: string,
      alsoDo: (trx: Transaction<Database>, row: EventRow) => Promise<void>,
    ): Promise<{ row: EventRow; requeued: boolean } | null> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('events')
          .set({ status: 'queued', attempts: 0, next_attempt_at: databaseNowPlus(database, 0), updated_at: at })
          .where('id', '=', id)
          .where('status', '<>', 'sending')
          .returningAll()
          .executeTakeFirst();
        if (row) {
          await alsoDo(trx, row);
          return { row, requeued: true };
        }
        const current = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
        return current ? { row: current, requeued: false } : null;
      });
    },

    async get(id: string): Promise<EventRow | null> {
      return (await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
    },

    /** Newest first, paged by (created_at, id) like the delivery log. */
    async list(filter: EventFilter): Promise<EventRow[]> {
      let query = db.selectFrom('events').selectAll();
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.type !== undefined) query = query.where('type', '=', filter.type);
      if (filter.after) query = query.where(olderThan(filter.after));
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
