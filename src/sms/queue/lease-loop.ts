/** The slice of a pino logger this needs. */
export interface LoopLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LeaseLoopOptions<T> {
  /** Takes up to `room` due rows under a lease (one statement: each row goes to one claimer). */
  claim(room: number): Promise<T[]>;
  /** Queues again the rows whose lease ran out (db/claim.ts `releaseLapsed`). */
  releaseLapsed(): Promise<number>;
  /** Delivers one claimed row and writes its outcome, fenced on its lease. */
  deliver(row: T): Promise<void>;
  /** Rows in flight at once. */
  readonly concurrency: number;
  /**
   * How often an idle loop looks for due rows: retries whose wait is over, rows written by other instances,
   * lapsed leases. A row written on this instance wakes it at once.
   * @default 1000
   */
  readonly pollIntervalMs?: number;
  /** Whether claiming should wait (a provider asked to slow down); checked before each claim. */
  readonly holdBack?: () => boolean;
  /** What a log line calls the work: `SMS queue`, `events`. */
  readonly name: string;
  readonly describe: (row: T) => object;
  readonly log: LoopLog;
}

/**
 * The worker loop of every leased table (queued SMS, events): claims due rows while there is room, runs
 * each delivery in the background, and sleeps until woken or the poll interval passes. A delivery that
 * throws (the database, a bug) leaves its row to its lease, which lapses and puts it back in the queue.
 */
export function createLeaseLoop<T>(options: LeaseLoopOptions<T>) {
  const { claim, deliver, concurrency, log, name, describe } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const holdBack = options.holdBack ?? (() => false);
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let woken = false;
  let poke: (() => void) | null = null;

  function track(row: T): void {
    const delivery = deliver(row)
      .catch((error: unknown) => log.error({ err: error, ...describe(row) }, `${name} delivery broke off`))
      .finally(() => {
        inFlight.delete(delivery);
        poke?.();
      });
    inFlight.add(delivery);
  }

  /** Claims what there is room for; returns whether the room was filled (more may be due). */
  async function fill(): Promise<boolean> {
    const room = concurrency - inFlight.size;
    if (room <= 0 || holdBack()) return false;
    const rows = await claim(room);
    rows.forEach(track);
    return rows.length === room;
  }

  function idle(): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        poke = null;
        woken = false;
        resolve();
      }
      poke = done;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await options.releaseLapsed();
        while (running && (await fill()));
      } catch (error) {
        log.warn({ err: error }, `${name} worker could not claim; will try again`);
      }
      if (running) await idle();
    }
  }

  return {
    /** Starts the loop; a no-op when it runs. */
    start(): void {
      if (running) return;
      running = true;
      loop = run();
    },

    /** A row was written here: look now rather than at the next poll. */
    wake(): void {
      woken = true;
      poke?.();
    },

    /**
     * Stops claiming and waits for the deliveries in flight, at most `graceMs`. One still in flight then is
     * left `sending`; its lease runs out and another worker (or the next start) delivers it again.
     */
    async stop(graceMs: number): Promise<void> {
      running = false;
      poke?.();
      await loop;
      loop = null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },

    /** One pass without the loop: queues lapsed leases again, claims what is due, delivers it all. */
    async runOnce(): Promise<number> {
      await options.releaseLapsed();
      const rows = await claim(concurrency);
      await Promise.all(rows.map((row) => deliver(row)));
      return rows.length;
    },
  };
}

export type LeaseLoop = ReturnType<typeof createLeaseLoop>;
