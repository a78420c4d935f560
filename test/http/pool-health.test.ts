import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { detailedHealth, HEALTH_URL } from '../helpers/health.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';

const postgres = DATABASES.find((backend) => backend.name === 'postgres')!;
const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;
const TOKEN = 'scrape-token-0123456789abcdef';

async function waitingGauge(t: TestApp): Promise<number | undefined> {
  const answer = await t.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  const line = answer.body.split('\n').find((l) => l.startsWith('otpgate_db_pool_connections{state="waiting"}'));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('the database pool in health and metrics', { skip: postgres.skip }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(postgres, { env: { DATABASE_POOL_SIZE: '2', METRICS_TOKEN: TOKEN } });
  });
  after(() => t?.close());

  it('health detail shows the pool: its size, open, idle and waiting; the public answer does not', async () => {
    const detailed = await detailedHealth(t);
    assert.equal(detailed.body.database.pool.size, 2);
    for (const field of ['open', 'idle', 'waiting']) assert.equal(typeof detailed.body.database.pool[field], 'number');
    assert.equal((await t.get(HEALTH_URL)).body.database.pool, undefined);
  });

  it('requests queued for a connection show as waiting, and the figure falls back to 0 once they are served', async () => {
    await requestCode(t, mobile(10)); // the message templates are read once, before the pool is held
    const held: pg.PoolClient[] = [await t.database.pool!.connect(), await t.database.pool!.connect()];
    const queued = [requestCode(t, mobile(11)), requestCode(t, mobile(12))];
    try {
      let waiting = 0;
      for (let i = 0; i < 50 && waiting < 2; i += 1) {
        waiting = (await waitingGauge(t)) ?? -1;
        if (waiting < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(waiting, 2, `both code requests wait for one of the two connections (seen ${waiting})`);
    } finally {
      for (const client of held) client.release();
    }
    for (const answer of await Promise.all(queued)) assert.equal(answer.status, 200);
    assert.equal(await waitingGauge(t), 0);
  });

  it('a pool held full by requests leaves readiness answering 200, with the waiting shown in the metrics', async () => {
    const held: pg.PoolClient[] = [await t.database.pool!.connect(), await t.database.pool!.connect()];
    const queued = [requestCode(t, mobile(21)), requestCode(t, mobile(22))];
    try {
      // Past the cached answer of an earlier probe, so that this one is fresh.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const ready = await t.get(HEALTH_URL);
      assert.equal(ready.status, 200, JSON.stringify(ready.body));
      assert.equal(ready.body.database.status, 'ok');
      assert.ok(((await waitingGauge(t)) ?? 0) >= 1);
    } finally {
      for (const client of held) client.release();
    }
    await Promise.all(queued);
  });
});

describe('the database pool on SQLite', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(sqlite, { env: { METRICS_TOKEN: TOKEN } });
  });
  after(() => t?.close());

  it('has no pool to show: no pool in health, no pool series in metrics', async () => {
    assert.equal((await detailedHealth(t)).body.database.pool, undefined);
    assert.equal(await waitingGauge(t), undefined);
  });
});
