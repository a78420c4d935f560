import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver } from '../helpers/event-receiver.ts';
import { freePort, startCli, tempDir, waitUntilServing } from '../helpers/infra-cli.ts';

const TEST_NUMBER = '+989000000001';
const TEST_CODE = '123456';

const eventIds = async (t: TestApp) => await t.database.db.selectFrom('events').select(['id', 'status']).execute();

forEachDatabase('event delivery by two instances', (backend) => {
  it('two workers never deliver one event at once, and deliver each once', async () => {
    const receiver = await startEventReceiver(newWebhookSecret());
    const a = await startTestApp(backend, { env: eventsEnv(receiver) });
    const b = await startTestApp(backend, { env: eventsEnv(receiver), shareWith: a });
    try {
      // The API another change writes its events through, in its own transaction.
      const events = Array.from({ length: 40 }, (_, i) => `user-${i}`);
      await a.database.db.transaction().execute(async (trx) => {
        for (const userId of events) await a.app.events.recorder.record(trx, 'user.blocked', { user_id: userId });
      });
      receiver.answer(200, 50);
      a.app.smsQueue.events!.start();
      b.app.smsQueue.events!.start();
      await receiver.until(() => receiver.processed.size === events.length, 20_000);
      await Promise.all([a.app.smsQueue.events!.stop(2000), b.app.smsQueue.events!.stop(2000)]);
      assert.equal(receiver.mostAtOnce(), 1, 'never two requests for one webhook-id at once');
      assert.equal(receiver.arrivals.length, events.length, 'each delivered once');
      assert.ok((await eventIds(a)).every((row) => row.status === 'delivered'));
      assert.deepEqual([...receiver.processed.values()].map((e) => e.data.user_id).sort(), [...events].sort());
    } finally {
      await Promise.all([a.app.smsQueue.events?.stop(100), b.app.smsQueue.events?.stop(100)]);
      await b.close();
      await a.close();
      await receiver.close();
    }
  });

  it('an instance killed mid-delivery: another delivers the event once its lease lapses, processed once by webhook-id', async () => {
    const receiver = await startEventReceiver(newWebhookSecret());
    const dir = tempDir();
    const created = backend.name === 'postgres' ? await backend.create() : undefined;
    const databaseUrl = created?.url ?? `sqlite:${join(dir, 'otpgate.db')}`;
    const port = await freePort();
    receiver.answer('hang');
    // Each held post times out after EVENTS_TIMEOUT_MS, and its event goes back to the queue: 3 s gives a busy
    // machine time to post all three before the first times out (with 1 s, one was sometimes queued again
    // before the kill). The lease is that plus 5 s.
    const timeoutMs = 3000;
    const child = startCli(
      ['serve'],
      {
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        MIGRATE_ON_START: 'true',
        DATA_DIR: join(dir, 'data'),
        SMS_TEST_NUMBERS: `${TEST_NUMBER}:${TEST_CODE}`,
        ...eventsEnv(receiver, timeoutMs),
      },
      dir,
    );
    let survivor: TestApp | undefined;
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntilServing(`${base}/api/v1/otp/health`, child);
      const post = (path: string, body: object) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      assert.equal((await post('/api/v1/otp/phone/login/request', { phone_number: TEST_NUMBER })).status, 200);
      const verified = await post('/api/v1/otp/phone/login/verify', { phone_number: TEST_NUMBER, code: TEST_CODE });
      assert.equal(verified.status, 200);
      // The child's worker has the events in flight (the receiver holds the requests open): kill it there.
      await receiver.until(() => receiver.arrivals.length >= 3, 10_000, 'the child to post its events');
      const inFlight = new Set(receiver.arrivals.map((e) => e.id));
      child.child.kill('SIGKILL');
      await child.exited;
      assert.equal(receiver.processed.size, 0, 'nothing was acknowledged');

      receiver.answer(200);
      survivor = await startTestApp(backend, { env: { ...eventsEnv(receiver, timeoutMs), DATABASE_URL: databaseUrl } });
      const rows = await eventIds(survivor);
      assert.equal(rows.length, 3);
      assert.ok(
        rows.every((row) => row.status === 'sending'),
        "still held under the dead instance's lease",
      );
      const started = Date.now();
      survivor.app.smsQueue.events!.start();
      await receiver.until(() => receiver.processed.size === 3, 20_000, 'the survivor to deliver them');
      await survivor.app.smsQueue.events!.stop(2000);
      assert.ok(Date.now() - started >= 3000, 'not before the lease (EVENTS_TIMEOUT_MS + 5 s) lapsed');
      for (const id of inFlight) {
        assert.ok(receiver.arrivals.filter((e) => e.id === id).length >= 2, 'received at least once more');
      }
      assert.deepEqual([...receiver.processed.keys()].sort(), [...inFlight].sort(), 'processed once each');
      assert.ok((await eventIds(survivor)).every((row) => row.status === 'delivered'));
    } finally {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
      await survivor?.app.smsQueue.events?.stop(100);
      await survivor?.close();
      await created?.drop();
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
