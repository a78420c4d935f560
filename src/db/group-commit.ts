import { setTimeout as sleep } from 'node:timers/promises';
import type SqliteDatabase from 'better-sqlite3';

/**
 * Group commit for the one SQLite connection: the writes of every request that reach the database in one
 * turn of the event loop share one transaction, committed when the turn ends (`setImmediate`), and each
 * caller's promise settles only after that commit. Nothing is answered before it is written, and a commit
 * costs the same whether it carries one request or twenty: its cost is the pages it writes to the WAL and
 * the locks around them, and concurrent requests share pages (the hot rate-limit rows, the ends of the
 * log's indexes). Measured on the code request's writes: about 140 µs of CPU one by one, 85 to 100 µs when
 * three to eight requests share a commit.
 *
 * Explicit transactions (`begin`/`end`) are kept apart: the open group is committed first, and every unit
 * that arrives while one runs waits until it has ended, so a rollback can only undo its own statements.
 */
export interface GroupCommit {
  /** The connection itself; prepare statements on it, and run them through `run` or `read`. */
  readonly connection: SqliteDatabase.Database;
  /**
   * Runs `unit` at once, inside the open group (opening one), and resolves with its result once the group
   * is committed; rejects if the unit throws or the commit fails. A unit is one statement, or several in
   * a better-sqlite3 `transaction()` (a savepoint inside the group), so a throw leaves nothing behind.
   */
  run<T>(unit: () => T): Promise<T>;
  /** A read: answered at once when no group is open; inside an open group it may see that group's
   * uncommitted writes, so it then settles with the group, like a write. */
  read<T>(unit: () => T): Promise<T>;
  /** Starts an explicit transaction once no other runs, after committing the open group. */
  begin(): Promise<void>;
  /** Ends the explicit transaction. A failed commit leaves it open, for the caller's rollback. */
  end(outcome: 'commit' | 'rollback'): void;
  /** Commits the open group now (before closing the connection). */
  flush(): void;
}

interface Waiter {
  readonly value: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * `busyTimeoutMs` is how long a writer waits for another connection's write lock. The wait never blocks
 * the event loop: the group's BEGIN is tried without SQLite's own (sleeping) busy handler and retried
 * every millisecond, so this process keeps serving while it waits, and two connections of one process
 * (two instances in a test) cannot stall each other until the timeout.
 */
export function createGroupCommit(connection: SqliteDatabase.Database, busyTimeoutMs: number): GroupCommit {
  // IMMEDIATE takes the write lock at once: a deferred transaction that reads first could be refused the
  // lock later (SQLITE_BUSY_SNAPSHOT) when another process wrote in between.
  const beginStatement = connection.prepare('begin immediate');
  const commitStatement = connection.prepare('commit');
  const rollbackStatement = connection.prepare('rollback');
  const noWaiting = connection.prepare('pragma busy_timeout = 0');
  const usualWaiting = connection.prepare(`pragma busy_timeout = ${Math.trunc(busyTimeoutMs)}`);

  let waiting: Waiter[] = [];
  let open = false;
  let timer: NodeJS.Immediate | undefined;
  /** Set while the group waits for another connection's write lock. */
  let opening: Promise<void> | undefined;
  /** Set while an explicit transaction runs; settles when it ends. */
  let exclusive: Promise<void> | undefined;
  let releaseExclusive: (() => void) | undefined;

  /** BEGIN IMMEDIATE without waiting: false when another connection holds the write lock. */
  function tryBegin(): boolean {
    noWaiting.get();
    try {
      beginStatement.run();
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false;
      throw error;
    } finally {
      usualWaiting.get();
    }
  }

  async function begin(): Promise<void> {
    const deadline = Date.now() + busyTimeoutMs;
    while (!tryBegin()) {
      if (Date.now() >= deadline) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      await sleep(1);
    }
  }

  function markOpen(): void {
    open = true;
    timer = setImmediate(commit);
  }

  /** True when the group is open; otherwise a promise that settles once it is (or could not be). */
  function openGroup(): true | Promise<void> {
    if (open) return true;
    if (opening) return opening;
    if (tryBegin()) {
      markOpen();
      return true;
    }
    opening = begin()
      .then(markOpen)
      .finally(() => (opening = undefined));
    return opening;
  }

  function settle(error?: unknown): void {
    if (timer) clearImmediate(timer);
    timer = undefined;
    open = false;
    const group = waiting;
    waiting = [];
    for (const waiter of group) {
      if (error === undefined) waiter.resolve(waiter.value);
      else waiter.reject(error);
    }
  }

  function commit(): void {
    if (!open) return;
    try {
      commitStatement.run();
    } catch (error) {
      if (connection.inTransaction) {
        try {
          rollbackStatement.run();
        } catch {
          // The connection reports the state it is left in; nothing more to undo here.
        }
      }
      settle(error);
      return;
    }
    settle();
  }

  function runNow<T>(unit: () => T): Promise<T> {
    const ready = openGroup();
    if (ready !== true) return ready.then(() => runNow(unit));
    let value: T;
    try {
      value = unit();
    } catch (error) {
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction: every write
      // of the group is gone, so every caller in it must hear so.
      if (!connection.inTransaction) settle(error);
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      waiting.push({ value, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  function attempt<T>(unit: () => Promise<T>): Promise<T> {
    try {
      return unit();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function release(): void {
    const done = releaseExclusive;
    exclusive = undefined;
    releaseExclusive = undefined;
    done?.();
  }

  // Each waiter looks at `exclusive` again in the same microtask as it acts: when a transaction ends, several
  // waiters wake, and one that went on after a further hop could find that another has begun a transaction
  // in between (BEGIN inside it: "cannot start a transaction within a transaction").
  function run<T>(unit: () => T): Promise<T> {
    return exclusive ? exclusive.then(() => run(unit)) : attempt(() => runNow(unit));
  }

  function read<T>(unit: () => T): Promise<T> {
    if (exclusive) return exclusive.then(() => read(unit));
    return open ? runNow(unit) : attempt(() => Promise.resolve(unit()));
  }

  return {
    connection,
    run,
    read,
    async begin() {
      while (exclusive) await exclusive;
      exclusive = new Promise((resolve) => (releaseExclusive = resolve));
      try {
        // A group still waiting for the lock opens first, with the units that waited for it; then it is
        // committed, so none of its statements becomes part of this transaction.
        if (opening) await opening.catch(() => {});
        commit();
        await begin();
      } catch (error) {
        release();
        throw error;
      }
    },
    end(outcome) {
      if (outcome === 'commit') {
        commitStatement.run();
        release();
        return;
      }
      try {
        if (connection.inTransaction) rollbackStatement.run();
      } finally {
        release();
      }
    },
    flush: commit,
  };
}
