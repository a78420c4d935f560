import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { DATABASES } from '../helpers/backends.ts';
import { confirmChange, requestChangeCode } from '../helpers/session-phone-change.ts';
import { freshPhone, logout, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

const postgres = DATABASES.find((backend) => backend.name === 'postgres')!;

/**
 * A refresh in flight while its session is being ended, made to happen every time rather than by luck:
 * the test holds the family's newest token locked from a connection of its own, lets the refresh and then the
 * revocation queue up behind that lock, and lets go. The refresh then commits its new token while the
 * revocation's first statement is already running and cannot see it. SQLite runs one write at a time, so
 * this interleaving exists only on PostgreSQL.
 */
describe('ending a session while a refresh of it is in flight, on postgres', { skip: postgres.skip }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(postgres, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t.close());

  it('logout ends the token that the refresh was writing at that moment', async () => {
    const user = await signIn(t);
    const [refreshed, loggedOut] = await behindLockOf(t, user.sessionId, [
      () => refresh(t, user.refreshToken),
      () => logout(t, user.refreshToken),
    ]);
    assert.equal(loggedOut.status, 200, JSON.stringify(loggedOut.body));
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal(await meStatus(t, refreshed.body.access_token), 401);
    assert.equal((await refresh(t, refreshed.body.refresh_token)).status, 401);
  });

  it('a reused refresh token ends the token that a refresh of the newest one was writing', async () => {
    const user = await signIn(t);
    const first = await refresh(t, user.refreshToken);
    assert.equal(first.status, 200);
    // The thief refreshes the newest token; the owner presents the copy that was already rotated.
    const [stolen, reused] = await behindLockOf(t, user.sessionId, [
      () => refresh(t, first.body.refresh_token),
      () => refresh(t, user.refreshToken),
    ]);
    assert.equal(reused.status, 401);
    assert.equal(stolen.status, 200, JSON.stringify(stolen.body));
    assert.equal(await meStatus(t, stolen.body.access_token), 401);
    assert.equal((await refresh(t, stolen.body.refresh_token)).status, 401);
  });

  it('a phone change racing a refresh of another session neither deadlocks nor leaves that session alive', async () => {
    const phone = freshPhone();
    const other = await signIn(t, phone);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the resend wait, for a second sign-in
    const mine = await signIn(t, phone);
    const target = freshPhone();
    const { code } = await requestChangeCode(t, mine.accessToken, target);
    assert.ok(code);
    const [refreshed, changed] = await behindLockOf(t, other.sessionId, [
      () => refresh(t, other.refreshToken),
      () => confirmChange(t, mine.accessToken, target, code),
    ]);
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.user.phone_number, target);
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal(await meStatus(t, refreshed.body.access_token), 401);
    assert.equal(await meStatus(t, mine.accessToken), 200);
  });
});

type Call = () => Promise<{ status: number; body: any }>;

/**
 * Locks the family's newest token, starts the calls one after another, each once the one before waits on the lock
 * (directly or behind another waiter), then lets go and returns their answers in order.
 */
async function behindLockOf(t: TestApp, familyId: string, calls: readonly [Call, Call]) {
  const locker = new pg.Client({ connectionString: t.config.database.url });
  // pg_stat_activity holds still inside a transaction, so the waiting is watched from outside the locker's.
  const watcher = new pg.Client({ connectionString: t.config.database.url });
  await Promise.all([locker.connect(), watcher.connect()]);
  try {
    await locker.query('begin');
    // Only the newest token: the one a refresh spends, so the refresh is always first in line for it.
    await locker.query('select id from sessions where family_id = $1 and rotated_at is null for update', [familyId]);
    const pid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const pending: Promise<{ status: number; body: any }>[] = [];
    for (const [index, call] of calls.entries()) {
      pending.push(call());
      await untilWaiting(watcher, pid, index + 1);
    }
    await locker.query('commit');
    const [first, second] = await Promise.all(pending);
    return [first!, second!] as const;
  } finally {
    await Promise.all([locker.end(), watcher.end()]);
  }
}

/** Until `count` backends wait, directly or through one another, on the locks that `pid` holds. */
async function untilWaiting(client: pg.Client, pid: number, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ pid: number; blockers: number[] }>(
      `select pid, pg_blocking_pids(pid) as blockers from pg_stat_activity
       where cardinality(pg_blocking_pids(pid)) > 0`,
    );
    const blocked = new Set<number>([pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of rows) {
        if (!blocked.has(row.pid) && row.blockers.some((blocker) => blocked.has(blocker))) {
          blocked.add(row.pid);
          grew = true;
        }
      }
    }
    if (blocked.size - 1 >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} requests came to wait on the lock`);
}
