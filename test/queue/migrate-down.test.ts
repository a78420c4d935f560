import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateDown, migrateToLatest, schemaStatus } from '../../src/db/migrate.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { createQueueRepository } from '../../src/sms/queue/repository.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { BIN, cleanEnv, runCli, tempDir } from '../helpers/infra-cli.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { logRow, sendSms } from '../helpers/queue.ts';

const QUEUE = Object.keys(MIGRATIONS).indexOf('0005_sms_queue') + 1;
const NO_POLLING = { reportsDelivery: () => false, delayMs: 60_000 };

forEachDatabase('migrate down past the queue, then up again', (backend) => {
  it('leaves no message queued or sending for ever: each is sent or failed with the reason', async () => {
    await withApp(backend, {}, async (t) => {
      const { secret } = await newKey(t, ['sms:send']);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await sendSms(t, secret, { to: mobile(i), text: `message ${i}` });
        assert.equal(answer.status, 202);
        ids.push(answer.body.id);
      }
      // One is mid-try: a worker holds it (and then the migration takes its lease away).
      const [held] = await createQueueRepository(t.database, t.clock.now, NO_POLLING).claim(1, 60_000);
      assert.ok(held);

      while ((await schemaStatus(t.database)).version >= QUEUE) await migrateDown(t.database);
      await migrateToLatest(t.database);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 0, 'nothing of before is left to send');

      for (const id of ids) {
        const row = await logRow(t, id);
        assert.deepEqual(
          [row.status, row.error_code, row.error_message],
          ['failed', 'QUEUE_REMOVED', 'queue removed by migrate down'],
          `message ${id} was ${row.status}`,
        );
      }
      assert.equal(t.sink.requests.length, 0);

      // The queue works again for what comes after.
      const after = await sendSms(t, secret, { to: mobile(9), text: 'after' });
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      assert.equal((await logRow(t, after.body.id)).status, 'sent');
      const stuck = await t.database.db
        .selectFrom('sms_logs')
        .select('id')
        .where('status', 'in', ['queued', 'sending'])
        .execute();
      assert.deepEqual(stuck, []);
    });
  });
});

it('migrate down says how many messages reverting the queue ends, and in production refuses without --yes and without stdin', async () => {
  const dir = tempDir();
  try {
    const url = `sqlite:${join(dir, 'otpgate.db')}`;
    const env = { DATABASE_URL: url, NODE_ENV: 'production' };
    assert.equal((await runCli(['migrate'], env)).code, 0);
    const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    try {
      while ((await schemaStatus(database)).version > QUEUE) await migrateDown(database);
      const at = Date.now();
      const row = (id: string, status: string) => ({
        id,
        phone_number: mobile(1),
        provider: 'webhook',
        status,
        text: 'hello',
        attempts: 0,
        tries: 0,
        created_at: at,
        updated_at: at,
      });
      await database.db
        .insertInto('sms_logs')
        .values([row('q1', 'queued'), row('q2', 'queued'), row('s1', 'sending'), row('d1', 'sent')])
        .execute();
    } finally {
      await database.close();
    }
    // No stdin at all (not even a pipe), as under a process manager.
    const refused = spawnSync(process.execPath, [BIN, 'migrate', 'down'], {
      cwd: dir,
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /otpgate: migrate down reverts 0005_sms_queue, which drops .*ended as failed/);
    assert.match(refused.stderr, /otpgate: 3 messages are still queued or sending; reverting ends them as failed/);
    assert.match(refused.stderr, /run it on a terminal to confirm, or add --yes/);

    assert.equal((await runCli(['migrate', 'down', '--yes'], env)).code, 0);
    const after = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    try {
      const rows = await after.db.selectFrom('sms_logs').select(['id', 'status']).orderBy('id').execute();
      assert.deepEqual(rows, [
        { id: 'd1', status: 'sent' },
        { id: 'q1', status: 'failed' },
        { id: 'q2', status: 'failed' },
        { id: 's1', status: 'failed' },
      ]);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
