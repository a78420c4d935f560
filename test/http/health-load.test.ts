import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES, type DatabaseBackend } from '../helpers/backends.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/infra-tcp-proxy.ts';
import { logCapture } from '../helpers/log-capture.ts';

const HEALTH = '/api/v1/otp/health';

/**
 * The service on a real database whose probe is counted: `probes` counts calls of the probe's real `ping`
 * (each health probe starts with one), and on PostgreSQL `checkouts` counts connections taken from the
 * probe's pool, whatever query they were for.
 */
async function countedApp(backend: DatabaseBackend, rewrite: (url: string) => string = (url) => url) {
  const created = await backend.create();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: rewrite(created.url),
  });
  const real = createDatabase(config.database);
  await migrateToLatest(real);
  const counts = { probes: 0, checkouts: 0 };
  // Health probes over a connection of their own (db/index.ts `probe`); that is what is counted.
  real.probe.pool?.on('acquire', () => counts.checkouts++);
  const database: DatabaseHandle = {
    ...real,
    probe: {
      ...real.probe,
      ping: () => {
        counts.probes++;
        return real.probe.ping();
      },
    },
  };
  const app = await buildApp(config, { database, logStream: logCapture().stream });
  await app.ready();
  return {
    app,
    counts,
    async close() {
      await app.close();
      await real.close();
      await created.drop();
    },
  };
}

const health = async (app: FastifyInstance) => {
  const res = await app.inject({ method: 'GET', url: HEALTH });
  return { status: res.statusCode, database: res.json().database.status as string };
};

for (const backend of DATABASES) {
  describe(`health under load on ${backend.name}`, { skip: backend.skip }, () => {
    let counted: Awaited<ReturnType<typeof countedApp>>;
    before(async () => (counted = await countedApp(backend)));
    after(() => counted?.close());

    it('200 health checks at once cost at most a couple of database probes, and a second later a new one', async () => {
      await sleep(1100); // nothing cached from start-up
      const { counts } = counted;
      const before = { ...counts };
      const one = await health(counted.app);
      assert.deepEqual(one, { status: 200, database: 'ok' });
      const perProbe = counts.checkouts - before.checkouts;
      await sleep(1100);

      const start = { ...counts };
      const answers = await Promise.all(Array.from({ length: 200 }, () => health(counted.app)));
      assert.ok(
        answers.every((answer) => answer.status === 200 && answer.database === 'ok'),
        JSON.stringify(answers[0]),
      );
      const probes = counts.probes - start.probes;
      assert.ok(probes >= 1 && probes <= 2, `${probes} probes for 200 health checks`);
      if (backend.name === 'postgres') {
        const checkouts = counts.checkouts - start.checkouts;
        assert.ok(checkouts <= 2 * perProbe, `${checkouts} pool checkouts (one probe takes ${perProbe})`);
      }

      // The answer is not kept for ever: after its second is up, the next check probes again.
      await sleep(1100);
      const later = counts.probes;
      await health(counted.app);
      assert.equal(counts.probes, later + 1);
    });
  });
}

const postgres = DATABASES.find((b) => b.name === 'postgres')!;
describe('health on a PostgreSQL that goes away', { skip: postgres.skip }, () => {
  let proxy: TcpProxy;
  let counted: Awaited<ReturnType<typeof countedApp>>;
  before(async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    counted = await countedApp(postgres, (url) => proxy.rewrite(url));
  });
  after(async () => {
    await proxy?.resume();
    await counted?.close();
    await proxy?.close();
  });

  /** Polls health (20 at a time, as a flood would) until it says `database`; returns how long that took. */
  async function untilDatabase(database: string, limitMs: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => health(counted.app)));
      if (answers.every((answer) => answer.database === database)) return performance.now() - started;
      await sleep(50);
    }
    assert.fail(`health did not say ${database} within ${limitMs} ms`);
  }

  it('an outage shows within about two seconds, under a flood of checks, and so does the recovery', async () => {
    assert.equal((await health(counted.app)).database, 'ok');
    await proxy.pause();
    const probes = counted.counts.probes;
    // Up to one second of the cached answer, then one probe refused at once; the margin is for a busy machine.
    await untilDatabase('unavailable', 3000);
    const during = counted.counts.probes - probes;
    assert.ok(during <= 4, `${during} probes while the flood went on`);
    await proxy.resume();
    await untilDatabase('ok', 3000);
  });
});
