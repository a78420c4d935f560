import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES, type DatabaseBackend } from './backends.ts';
import { testClock, type TestClock } from './clock.ts';
import { startFakeWebhookSink, type FakeWebhookSink } from './fake-webhook-sink.ts';
import { logCapture } from './log-capture.ts';
import { checkEveryAnswer } from './openapi-contract.ts';

export interface TestAppOptions {
  /** Extra environment variables, as an operator would set them. */
  readonly env?: Record<string, string>;
  /** Share another test app's database (two instances of the service). */
  readonly shareWith?: TestApp;
  /** This instance's clock; by default a new one, or the clock of the app it shares a database with. */
  readonly clock?: TestClock;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly sink: FakeWebhookSink;
  readonly clock: TestClock;
  readonly logs: ReturnType<typeof logCapture>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POST a JSON body; returns the status and parsed body. */
  post(
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  get(
    url: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * The real service on a real database, sending SMS through the webhook provider to a local sink, from
 * which tests read the codes. Each call gets an empty database unless it shares one.
 */
export async function startTestApp(backend: DatabaseBackend, options: TestAppOptions = {}): Promise<TestApp> {
  const sink = await startFakeWebhookSink();
  const shared = options.shareWith;
  const created = shared ? undefined : await backend.create();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    AUTH_SECRET: shared?.config.authSecret ?? randomBytes(32).toString('hex'),
    DATABASE_URL: shared?.config.database.url ?? created!.url,
    SMS_PROVIDER: 'webhook',
    SMS_WEBHOOK_URL: sink.url,
    SMS_TIMEOUT_MS: '1000',
    REDIS_KEY_PREFIX: shared?.config.redis.keyPrefix ?? `t${randomBytes(4).toString('hex')}:`,
    ...options.env,
  });
  // SQLite :memory: is private to a connection, so a second instance must share the handle itself.
  const database = shared && backend.name === 'sqlite' ? shared.database : createDatabase(config.database);
  if (!shared) await migrateToLatest(database);
  const clock = options.clock ?? shared?.clock ?? testClock();
  const logs = logCapture();
  const app = await buildApp(config, { database, now: clock.now, logStream: logs.stream });
  const departures = checkEveryAnswer(app);
  await app.ready();
  if (config.redis.url) await untilRedisCounts(app);

  const call = async (opts: InjectOptions) => {
    const res = await app.inject(opts);
    let body: unknown = null;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, unknown> };
  };

  return {
    app,
    config,
    database,
    sink,
    clock,
    logs,
    inject: (opts) => app.inject(opts),
    post: (url, body, headers = {}) =>
      call({ method: 'POST', url, payload: body as InjectOptions['payload'], headers }),
    get: (url, headers = {}) => call({ method: 'GET', url, headers }),
    async close() {
      await app.close();
      await sink.close();
      if (database !== shared?.database) await database.close();
      await created?.drop();
      // Every test app checks its answers against the API reference, so a code or status a route does not
      // declare fails the test that brought it about, whatever that test is about.
      assert.deepEqual(departures, [], 'answers that depart from the API reference (/api/v1/openapi.json)');
    },
  };
}

/**
 * Until its Redis connection is ready the rate limiter counts in the database (otp-redis.ts's
 * `untilCountingInRedis` shows it by the counters' keys, for tests that look at them). A test that sets REDIS_URL
 * means Redis, and must not depend on how fast the connection comes up on a busy machine; one whose Redis
 * is meant to be away goes on after the wait.
 */
async function untilRedisCounts(app: FastifyInstance, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const health = await app.inject({ method: 'GET', url: '/api/v1/otp/health' });
    if (health.json()?.rate_limit?.store === 'redis') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs `suite` once per database backend as `<name> on <backend>`. Where a backend is not configured, a
 * skipped test with the reason stands in its place, so the runner's summary counts it as skipped.
 */
export function forEachDatabase(name: string, suite: (backend: DatabaseBackend) => void): void {
  for (const backend of DATABASES) {
    if (backend.skip) it(`${name} on ${backend.name}`, { skip: backend.skip }, () => {});
    else describe(`${name} on ${backend.name}`, () => suite(backend));
  }
}

export { DATABASES };
