import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { ColumnTypes, RowWith } from '../db/together.ts';
import type { Database } from '../db/types.ts';
import type { EventData, EventType } from './types.ts';

/** `evt_` and a UUIDv7: sortable by time, and the `webhook-id` the receiver dedupes by. */
export const newEventId = (): string => `evt_${newId()}`;

const TYPES: ColumnTypes = {
  id: 'text',
  type: 'text',
  payload: 'text',
  user_id: 'text',
  status: 'text',
  attempts: 'integer',
  next_attempt_at: 'bigint',
  created_at: 'bigint',
  updated_at: 'bigint',
};

/**
 * Writes events as rows of the `events` outbox, in the transaction of the change they report. With events
 * off (no EVENTS_WEBHOOK_URL) every method is a no-op that costs nothing: no row, no statement.
 */
export interface EventRecorder {
  readonly enabled: boolean;
  /** The row of one event, for `writeTogether` (db/together.ts); null when events are off. */
  row<T extends EventType>(type: T, data: EventData[T], at: number): RowWith | null;
  /** The id of an event the caller writes itself, inside a statement of its own; null when events are off. */
  id(): string | null;
  /**
   * Writes one event with `executor`: pass the transaction that makes the change it reports (a block, a
   * deletion), so that the event exists exactly when the change does.
   */
  record<T extends EventType>(executor: Kysely<Database>, type: T, data: EventData[T]): Promise<void>;
}

/** `written` is told of each event row made (to wake the worker once it has committed). */
export function createEventRecorder(
  enabled: boolean,
  now: () => number,
  written: () => void = () => {},
): EventRecorder {
  const row = <T extends EventType>(type: T, data: EventData[T], at: number): RowWith | null => {
    if (!enabled) return null;
    written();
    const userId = 'user_id' in data ? data.user_id : null;
    return {
      table: 'events',
      types: TYPES,
      values: {
        id: newEventId(),
        type,
        payload: JSON.stringify(data),
        user_id: userId,
        status: 'queued',
        attempts: 0,
        // Due at once: 0 is before any time on the database's clock, and new rows keep their order by id.
        next_attempt_at: 0,
        created_at: at,
        updated_at: at,
      },
    };
  };
  return {
    enabled,
    row,
    id() {
      if (!enabled) return null;
      written();
      return newEventId();
    },
    async record(executor, type, data) {
      const event = row(type, data, now());
      if (event)
        await executor
          .insertInto('events')
          .values(event.values as never)
          .execute();
    },
  };
}

/** Events off: what the code is given when EVENTS_WEBHOOK_URL is unset, and what tests of other parts use. */
export const NO_EVENTS: EventRecorder = createEventRecorder(false, Date.now);
