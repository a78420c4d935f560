import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createPollWatcher } from '../../src/telegram/link-sign-in/watcher.ts';

/** Rows and their statuses, read as the repository reads them, counting the reads. */
function table(statuses: Record<string, string>) {
  const reads: number[] = [];
  return {
    statuses,
    reads,
    read: async (ids: readonly string[]) => {
      reads.push(ids.length);
      return new Map(ids.filter((id) => id in statuses).map((id) => [id, statuses[id]!]));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('a thousand held polls cost one read per check, in batches, and hold nothing between checks', async () => {
  const rows = table(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`r${i}`, 'pending'])));
  const watcher = createPollWatcher({ read: rows.read, intervalMs: 50, batch: 400 });
  const held = Array.from({ length: 1000 }, (_, i) => watcher.wait(`r${i % 1000}`, 'pending', 10_000));
  assert.equal(watcher.held, 1000);
  await sleep(180);
  // Three checks or so, each of 400 + 400 + 200 rows: never one read per poll.
  assert.ok(rows.reads.length >= 3 && rows.reads.length <= 12, `reads: ${rows.reads.length}`);
  assert.ok(rows.reads.every((n) => n <= 400));
  rows.statuses.r7 = 'confirmed';
  await sleep(120);
  assert.equal(watcher.held, 999, 'the changed row released its poll');
  watcher.close();
  await Promise.all(held);
  assert.equal(watcher.held, 0);
  const readsAfter = rows.reads.length;
  await sleep(120);
  assert.equal(rows.reads.length, readsAfter, 'no reads once nothing waits');
});

it('past maxHeld a poll is answered at once; an aborted one and a row that is gone end their wait', async () => {
  const rows = table({ a: 'pending', b: 'pending' });
  const watcher = createPollWatcher({ read: rows.read, intervalMs: 30, maxHeld: 2 });
  const gone = new AbortController();
  const first = watcher.wait('a', 'pending', 10_000, gone.signal);
  const second = watcher.wait('b', 'pending', 10_000);
  const began = Date.now();
  await watcher.wait('a', 'pending', 10_000);
  assert.ok(Date.now() - began < 50, 'the third is not held');
  gone.abort();
  await first;
  delete rows.statuses.b;
  await second;
  assert.equal(watcher.held, 0);
});

it('a read that fails leaves the polls to their own deadline', async () => {
  const watcher = createPollWatcher({
    read: async () => {
      throw new Error('database unavailable');
    },
    intervalMs: 20,
  });
  const began = Date.now();
  await watcher.wait('a', 'pending', 150);
  assert.ok(Date.now() - began >= 140);
});
