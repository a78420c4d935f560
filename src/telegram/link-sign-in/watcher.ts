/** Reads the status of many rows at once: one query per check, whatever the number of waiting polls. */
export type StatusReader = (ids: readonly string[]) => Promise<Map<string, string>>;

export interface PollWatcherOptions {
  readonly read: StatusReader;
  /** How often the rows waited on are read. @default 400 */
  readonly intervalMs?: number;
  /** Polls held at once by this instance; past it a poll is answered at once. @default 5000 */
  readonly maxHeld?: number;
  /** Rows per query. @default 500 */
  readonly batch?: number;
}

interface Waiter {
  readonly id: string;
  readonly seen: string;
  readonly done: () => void;
}

/**
 * Holds long polls until their row's status changes, reading the database, not an in-process signal, so a
 * confirmation made on another instance is seen too. One timer reads every row waited on in one query (in
 * batches), so a thousand held polls cost one query every `intervalMs`, not a thousand, and hold no database
 * connection while they wait: held polls cannot take the pool from the sign-ins. Beyond `maxHeld` a poll is
 * not held at all (answered at once; the client polls again).
 */
export function createPollWatcher(options: PollWatcherOptions) {
  const intervalMs = options.intervalMs ?? 400;
  const maxHeld = options.maxHeld ?? 5000;
  const batch = options.batch ?? 500;
  const waiters = new Set<Waiter>();
  let timer: NodeJS.Timeout | null = null;
  let reading = false;
  let closed = false;

  const release = (waiter: Waiter) => {
    if (!waiters.delete(waiter)) return;
    waiter.done();
    if (waiters.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  async function check(): Promise<void> {
    if (reading) return;
    reading = true;
    try {
      const byId = new Map<string, Waiter[]>();
      for (const waiter of waiters) byId.set(waiter.id, [...(byId.get(waiter.id) ?? []), waiter]);
      const ids = [...byId.keys()];
      for (let start = 0; start < ids.length; start += batch) {
        const chunk = ids.slice(start, start + batch);
        const statuses = await options.read(chunk);
        for (const id of chunk) {
          for (const waiter of byId.get(id)!) if (statuses.get(id) !== waiter.seen) release(waiter);
        }
      }
    } catch {
      // A failed read leaves the polls waiting; each still ends by its own deadline, then reads for itself.
    } finally {
      reading = false;
    }
  }

  return {
    /**
     * Resolves when row `id` no longer has the status `seen` (or is gone), when `ms` have passed, when `signal`
     * aborts (the client went away) or when the watcher closes; whichever comes first. At once when this
     * instance already holds `maxHeld` polls or is closing.
     */
    wait(id: string, seen: string, ms: number, signal?: AbortSignal): Promise<void> {
      if (closed || ms <= 0 || signal?.aborted || waiters.size >= maxHeld) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const deadline = setTimeout(() => release(waiter), ms);
        const onAbort = () => release(waiter);
        const waiter: Waiter = {
          id,
          seen,
          done: () => {
            clearTimeout(deadline);
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.add(waiter);
        if (!timer) {
          timer = setInterval(() => void check(), intervalMs);
          timer.unref();
        }
      });
    },

    /** How many polls are held now. */
    get held(): number {
      return waiters.size;
    },

    /** Ends every held poll (they answer their current status) and holds no more. */
    close(): void {
      closed = true;
      for (const waiter of [...waiters]) release(waiter);
    },
  };
}

export type PollWatcher = ReturnType<typeof createPollWatcher>;
