import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMaintenance } from '../../src/maintenance.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver, type EventReceiver } from '../helpers/event-receiver.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';

const rows = (t: TestApp) => t.database.db.selectFrom('events').selectAll().orderBy('id').execute();

/** Makes every event waiting for a retry due now: the backoff is on the database's clock, which tests cannot move. */
const dueNow = (t: TestApp) =>
  sql`update events set next_attempt_at = 0 where next_attempt_at is not null`.execute(t.database.db);

/** Worker passes until nothing is due; returns how many tries they made. */
async function drain(t: TestApp): Promise<number> {
  let tries = 0;
  for (let pass = 0; pass < 20; pass += 1) {
    const taken = await t.app.smsQueue.events!.runOnce();
    if (taken === 0) return tries;
    tries += taken;
  }
  throw new Error('the worker never ran dry');
}

forEachDatabase('event delivery', (backend) => {
  let receiver: EventReceiver;
  let t: TestApp;
  before(async () => {
    receiver = await startEventReceiver(newWebhookSecret());
    t = await startTestApp(backend, { env: { ...eventsEnv(receiver, 500), EVENTS_MAX_ATTEMPTS: '3' } });
  });
  after(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('a receiver that is down for a while gets every event once it is back, each processed once', async () => {
    await sql`delete from events`.execute(t.database.db);
    await receiver.down();
    const users = [await signIn(t), await signIn(t), await signIn(t)];
    // Each sign-in: user.created, user.signed_in, and its code's sms.status_changed (on a loaded machine a
    // code's send may also time out first and be sent again: one more status event, so count the rows).
    const written = (await rows(t)).length;
    assert.ok(written >= 9, `${written} events`);
    assert.equal(await drain(t), written);
    const waiting = await rows(t);
    assert.ok(
      waiting.every((row) => row.status === 'queued' && row.attempts === 1 && row.last_error === 'ECONNREFUSED'),
    );
    // The retry waits a backoff (10 s at most for the first) on the database's clock.
    assert.ok(waiting.every((row) => row.next_attempt_at! > 0));
    assert.equal(await drain(t), 0, 'nothing is due before its backoff');

    await receiver.up();
    receiver.answer(503);
    await dueNow(t);
    assert.equal(await drain(t), written);
    assert.ok((await rows(t)).every((row) => row.last_error === 'HTTP_503' && row.attempts === 2));

    receiver.answer(200);
    await dueNow(t);
    assert.equal(await drain(t), written);
    const done = await rows(t);
    assert.ok(done.every((row) => row.status === 'delivered' && row.delivered_at !== null && row.last_error === null));
    for (const user of users) {
      assert.equal(receiver.ofType('user.created').filter((e) => e.data.user_id === user.userId).length, 1);
    }
    assert.equal(receiver.refused(), 0);
  });

  it('a receiver that keeps failing gets EVENTS_MAX_ATTEMPTS tries, then the event is failed with the last error', async () => {
    await sql`delete from events`.execute(t.database.db);
    receiver.answer(500);
    await signIn(t);
    for (let i = 0; i < 3; i += 1) {
      await dueNow(t);
      assert.equal(await drain(t), 3);
    }
    await dueNow(t);
    assert.equal(await drain(t), 0, 'a failed event is not tried again');
    const failed = await rows(t);
    assert.ok(failed.every((row) => row.status === 'failed' && row.attempts === 3 && row.last_error === 'HTTP_500'));
    assert.match(
      (await t.inject({ method: 'GET', url: '/metrics' })).body,
      /otpgate_event_deliveries_total\{type="user.created",outcome="failed"\} 1/,
    );
    receiver.answer(200);
  });

  it('a 4xx is tried again too, and a redirect is not followed', async () => {
    await sql`delete from events`.execute(t.database.db);
    receiver.answer(302);
    await signIn(t);
    await drain(t);
    assert.ok((await rows(t)).every((row) => row.status === 'queued' && row.last_error === 'HTTP_302'));
    receiver.answer(410);
    await dueNow(t);
    await drain(t);
    assert.ok((await rows(t)).every((row) => row.status === 'queued' && row.last_error === 'HTTP_410'));
    receiver.answer(200);
    await dueNow(t);
    await drain(t);
    assert.ok((await rows(t)).every((row) => row.status === 'delivered'));
  });

  it('a try that outlasts EVENTS_TIMEOUT_MS is a TIMEOUT and is tried again', async () => {
    await sql`delete from events`.execute(t.database.db);
    receiver.answer(200, 1500);
    await signIn(t);
    await drain(t);
    assert.ok((await rows(t)).every((row) => row.status === 'queued' && row.last_error === 'TIMEOUT'));
    receiver.answer(200);
    await dueNow(t);
    await drain(t);
    assert.ok((await rows(t)).every((row) => row.status === 'delivered'));
  });

  it('the admin API lists deliveries newest first with status, attempts and last error, filtered and paged', async () => {
    const { secret } = await newKey(t, ['events:read']);
    const all = await t.get('/api/v1/admin/events?limit=1', bearer(secret));
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.events.length, 1);
    const [first] = all.body.events;
    assert.deepEqual(Object.keys(first).sort(), [
      'attempts',
      'created_at',
      'data',
      'delivered_at',
      'id',
      'last_attempt_at',
      'last_error',
      'next_attempt_at',
      'status',
      'type',
    ]);
    const next = await t.get(`/api/v1/admin/events?limit=1&cursor=${all.body.next_cursor}`, bearer(secret));
    assert.notEqual(next.body.events[0].id, first.id);
    assert.ok(next.body.events[0].id < first.id, 'older on the next page');

    const created = await t.get('/api/v1/admin/events?type=user.created&status=delivered', bearer(secret));
    assert.ok(created.body.events.length > 0);
    assert.ok(created.body.events.every((e: any) => e.type === 'user.created' && e.status === 'delivered'));
    const one = await t.get(`/api/v1/admin/events/${first.id}`, bearer(secret));
    assert.deepEqual(one.body.event, first);

    assert.equal((await t.get('/api/v1/admin/events?state=failed', bearer(secret))).body.code, 'VALIDATION_ERROR');
    assert.equal((await t.get('/api/v1/admin/events?type=user.nope', bearer(secret))).status, 400);
    assert.equal((await t.get('/api/v1/admin/events', bearer((await newKey(t, ['sms:read'])).secret))).status, 403);
    assert.equal((await t.get('/api/v1/admin/events')).status, 401);
  });

  it('redeliver queues an event again under the same webhook-id, with the audit record; needs events:write', async () => {
    const { secret } = await newKey(t, ['events:write'], 'support');
    const [event] = await rows(t);
    const before = receiver.arrivals.filter((a) => a.id === event!.id).length;
    const url = `/api/v1/admin/events/${event!.id}/redeliver`;
    assert.equal((await t.post(url, {}, bearer((await newKey(t, ['events:read'])).secret))).status, 403);
    const answer = await t.post(url, {}, bearer(secret));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.event.status, answer.body.event.attempts], ['queued', 0]);
    assert.equal(await drain(t), 1);
    assert.equal(receiver.arrivals.filter((a) => a.id === event!.id).length, before + 1);
    assert.equal(receiver.processed.has(event!.id), true, 'processed once, by webhook-id');
    const audit = await t.database.db
      .selectFrom('admin_audit')
      .selectAll()
      .where('action', '=', 'event.redeliver')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.target, a.actor_name]),
      [[event!.id, 'support']],
    );

    const missing = await t.post(
      '/api/v1/admin/events/evt_00000000-0000-7000-8000-000000000000/redeliver',
      {},
      bearer(secret),
    );
    assert.equal(missing.body.code, 'NOT_FOUND');
    // One in flight is left to its try.
    await sql`update events set status = 'sending', lease_until = 1 where id = ${event!.id}`.execute(t.database.db);
    assert.equal((await t.post(url, {}, bearer(secret))).body.code, 'EVENT_IN_FLIGHT');
  });
  it('maintenance deletes delivered and failed events past EVENTS_RETENTION_DAYS, never one still to deliver', async () => {
    await sql`delete from events`.execute(t.database.db);
    const recorder = t.app.events.recorder;
    for (const status of ['delivered', 'failed', 'queued', 'delivered']) {
      await recorder.record(t.database.db, 'user.blocked', { user_id: status });
    }
    const old = Date.now() - 31 * 24 * 3600_000;
    const [first, second, third] = await rows(t);
    await sql`update events set created_at = ${old}, status = 'delivered' where id = ${first!.id}`.execute(
      t.database.db,
    );
    await sql`update events set created_at = ${old}, status = 'failed' where id = ${second!.id}`.execute(t.database.db);
    await sql`update events set created_at = ${old} where id = ${third!.id}`.execute(t.database.db);
    const stop = startMaintenance(t.database, t.app.log, { smsLogRetentionDays: 0, eventRetentionDays: 30 });
    await sleep(200);
    await stop();
    const left = await rows(t);
    assert.deepEqual(
      left.map((row) => row.id),
      [third!.id, left[1]!.id],
    );
    assert.equal(left.length, 2, 'the old queued one and the recent one are kept');
  });
});
