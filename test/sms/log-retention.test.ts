import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { newId } from '../../src/db/ids.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { startMaintenance } from '../../src/maintenance.ts';
import { purgeSmsLogBatch, purgeSmsLogs } from '../../src/sms/log-retention.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { freePort, runCli, startCli, tempDir, waitUntilServing } from '../helpers/infra-cli.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';

const DAY = 24 * 3600_000;

/** Writes delivery-log rows `daysOld` days old, with the given statuses; returns their ids in order. */
async function logRows(database: DatabaseHandle, daysOld: number, statuses: readonly string[]): Promise<string[]> {
  const at = Date.now() - daysOld * DAY;
  const rows = statuses.map((status, i) => ({
    id: newId(at),
    phone_number: mobile(i % 100),
    provider: 'webhook',
    status,
    text: 'Your order has shipped',
    attempts: 1,
    tries: 1,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await database.db
      .insertInto('sms_logs')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return rows.map((row) => row.id);
}

async function statusesLeft(database: DatabaseHandle): Promise<Map<string, string>> {
  const rows = await database.db.selectFrom('sms_logs').select(['id', 'status']).execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}

forEachDatabase('the delivery log past SMS_LOG_RETENTION_DAYS', (backend) => {
  it(
    'is deleted by the running service on its own; newer rows, and queued or sending ones however old, stay',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const created = backend.name === 'postgres' ? await backend.create() : undefined;
      const databaseUrl = created?.url ?? `sqlite:${join(dir, 'otpgate.db')}`;
      const env = {
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(dir, 'data'),
        SMS_LOG_RETENTION_DAYS: '180',
        SMS_QUEUE_WORKER: 'false',
        LOG_LEVEL: 'warn',
      };
      const database = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
      const port = await freePort();
      let server: ReturnType<typeof startCli> | undefined;
      try {
        assert.equal((await runCli(['migrate'], env, { cwd: dir })).code, 0);
        const [oldSent, oldFailed, oldQueued, oldSending] = await logRows(database, 200, [
          'sent',
          'failed',
          'queued',
          'sending',
        ]);
        const [recent] = await logRows(database, 179, ['sent']);

        server = startCli(['serve'], { ...env, PORT: String(port) }, dir);
        await waitUntilServing(`http://127.0.0.1:${port}/livez`, server);
        const deadline = Date.now() + 20_000;
        while ((await statusesLeft(database)).has(oldSent!) && Date.now() < deadline) await sleep(100);

        const left = await statusesLeft(database);
        assert.equal(left.has(oldSent!), false, 'a sent message 200 days old is purged');
        assert.equal(left.has(oldFailed!), false, 'a failed one too');
        assert.deepEqual(
          [left.get(oldQueued!), left.get(oldSending!), left.get(recent!)],
          ['queued', 'sending', 'sent'],
        );
      } finally {
        if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
        await server?.exited;
        await database.close();
        await created?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('is purged in batches: one statement deletes at most its batch, and the purge goes on until none is left', async () => {
    await withApp(backend, {}, async (t) => {
      await logRows(
        t.database,
        200,
        Array.from({ length: 2_500 }, (_, i) => (i % 2 ? 'sent' : 'failed')),
      );
      const keep = [
        ...(await logRows(t.database, 200, ['queued', 'sending'])),
        ...(await logRows(t.database, 1, ['sent'])),
      ];
      const before = Date.now() - 180 * DAY;

      assert.equal(await purgeSmsLogBatch(t.database, before, 1_000), 1_000);
      assert.equal((await statusesLeft(t.database)).size, 1_500 + keep.length);
      assert.equal(await purgeSmsLogs(t.database, before, () => false, 1_000), 1_500);
      assert.deepEqual([...(await statusesLeft(t.database)).keys()].sort(), [...keep].sort());
    });
  });

  it('SMS_LOG_RETENTION_DAYS=0 keeps the log for ever', async () => {
    await withApp(backend, {}, async (t) => {
      const [ancient] = await logRows(t.database, 3_650, ['sent']);
      const [old] = await logRows(t.database, 200, ['sent']);
      for (const [days, kept] of [
        [0, true],
        [180, false],
      ] as const) {
        // An ended rate-limit window, which every pass deletes: once it is gone, the pass has run.
        await t.database.db.insertInto('rate_limits').values({ key: 'ended-window', points: 1, expire: 1 }).execute();
        const passed = async () =>
          (await t.database.db.selectFrom('rate_limits').select('key').where('key', '=', 'ended-window').execute())
            .length === 0;
        const stop = startMaintenance(t.database, t.app.log, { smsLogRetentionDays: days });
        const deadline = Date.now() + 10_000;
        while (!(await passed()) && Date.now() < deadline) await sleep(20);
        await stop();
        assert.ok(await passed(), 'the maintenance pass ran');
        assert.equal((await statusesLeft(t.database)).has(ancient!), kept, `retention ${days}`);
        assert.equal((await statusesLeft(t.database)).has(old!), kept, `retention ${days}`);
      }
    });
  });
});
