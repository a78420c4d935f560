import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { freePort, startCli, tempDir, waitUntilServing } from '../helpers/infra-cli.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'a-production-secret-of-40-characters-xyz',
  PUBLIC_URL: 'https://auth.example.com',
};

/** Runs `serve` in production with `env` until `fn` is done; returns what it logged. */
async function serving(env: Record<string, string>, fn: (main: string) => Promise<void>): Promise<string> {
  const dir = tempDir();
  const port = await freePort();
  const server = startCli(
    ['serve'],
    { ...PRODUCTION, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'otpgate.db')}`, ...env },
    dir,
  );
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/livez`, server);
    await fn(`http://127.0.0.1:${port}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
  return server.stdout();
}

it('METRICS_PORT serves /metrics on 127.0.0.1 at that port only, not on the main port', async () => {
  const metricsPort = await freePort();
  await serving({ METRICS_PORT: String(metricsPort) }, async (main) => {
    assert.equal((await fetch(`${main}/metrics`)).status, 404);
    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.equal(scrape.status, 200);
    assert.match(await scrape.text(), /^otpgate_sms_daily_limit_reached_total 0$/m);
  });
});

it('in production with neither METRICS_TOKEN nor METRICS_PORT, /metrics is off and the start says why', async () => {
  const log = await serving({}, async (main) => {
    assert.equal((await fetch(`${main}/metrics`)).status, 404);
  });
  assert.match(log, /\/metrics is off: in production set METRICS_TOKEN, or METRICS_PORT/);
});
