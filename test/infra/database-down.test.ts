import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { DATABASES, type DatabaseBackend } from '../helpers/backends.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/infra-tcp-proxy.ts';
import { logCapture } from '../helpers/log-capture.ts';

const PHONE = '+989123456789';
const WITHIN_MS = 2000;
/**
 * A database that accepts and then says nothing is given up on after the pool's 1.8 s query timeout;
 * the margin above 2 s is for scheduling on a busy test machine, not for the service.
 */
const HANG_WITHIN_MS = 2300;
const postgresBackend = DATABASES.find((b) => b.name === 'postgres')!;
/** Health shares one database probe's answer for a second (health/shared-probe.ts): a change shows after it. */
const PROBE_MAX_AGE_MS = 1000;

interface Timed {
  readonly status: number;
  readonly body: any;
  readonly ms: number;
}

async function timed(call: () => Promise<{ status: number; body: any }>): Promise<Timed> {
  const started = performance.now();
  const { status, body } = await call();
  return { status, body, ms: Math.round(performance.now() - started) };
}

/** What every request must answer while the database is away, and soon. */
function assertUnavailable(answer: Timed, what: string, withinMs = WITHIN_MS): void {
  assert.equal(answer.status, 503, `${what}: ${JSON.stringify(answer.body)}`);
  assert.deepEqual(answer.body, {
    success: false,
    message: 'The database is not available; try again shortly',
    code: 'DATABASE_UNAVAILABLE',
  });
  assert.ok(answer.ms < withinMs, `${what} answered after ${answer.ms} ms`);
}

function assertHealthDegraded(answer: Timed, withinMs = WITHIN_MS): void {
  assert.equal(answer.status, 503);
  assert.equal(answer.body.success, false);
  assert.equal(answer.body.status, 'degraded');
  assert.equal(answer.body.database.status, 'unavailable');
  assert.equal(answer.body.database.schema_version, null);
  assert.ok(answer.ms < withinMs, `health answered after ${answer.ms} ms`);
}

const goesAway = 'PostgreSQL goes away and comes back';
if (postgresBackend.skip) it(goesAway, { skip: postgresBackend.skip }, () => {});
else
  describe(goesAway, () => {
    let proxy: TcpProxy;
    let t: TestApp;
    before(async () => {
      const target = new URL(process.env.TEST_DATABASE_URL!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      // The real backend, reached through the proxy: a fresh schema, migrated, then the app on top.
      const throughProxy: DatabaseBackend = {
        ...postgresBackend,
        async create() {
          const created = await postgresBackend.create();
          return { url: proxy.rewrite(created.url), drop: created.drop };
        },
      };
      t = await startTestApp(throughProxy);
    });
    after(async () => {
      await proxy?.resume();
      await t?.close();
      await proxy?.close();
    });

    const requestCode = () => timed(() => t.post('/api/v1/otp/phone/login/request', { phone_number: PHONE }));
    const verify = (code: string) =>
      timed(() => t.post('/api/v1/otp/phone/login/verify', { phone_number: PHONE, code }));
    const health = () => timed(() => t.get('/api/v1/otp/health'));
    /**
     * Health until it answers `status`: each answer must come within `eachWithinMs`, and the change must show
     * within the probe's shared second plus that. Returns the answer that showed it.
     */
    async function healthUntil(status: number, eachWithinMs: number): Promise<Timed> {
      const started = performance.now();
      for (;;) {
        const answer = await health();
        assert.ok(answer.ms < eachWithinMs, `health answered after ${answer.ms} ms`);
        if (answer.status === status) return answer;
        const waited = performance.now() - started;
        assert.ok(
          waited < PROBE_MAX_AGE_MS + eachWithinMs,
          `health still answered ${answer.status} after ${waited} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    it('while it refuses connections: requests and health answer 503 within 2 s; then the same app serves again', async () => {
      assert.equal((await requestCode()).status, 200);
      const code = t.sink.lastCode(PHONE)!;

      await proxy.pause();
      assertUnavailable(await requestCode(), 'code request');
      assertUnavailable(await verify(code), 'verify');
      assertHealthDegraded(await healthUntil(503, WITHIN_MS));

      await proxy.resume();
      const healthy = await healthUntil(200, WITHIN_MS);
      assert.equal(healthy.status, 200);
      assert.equal(healthy.body.database.status, 'ok');
      const signedIn = await verify(code);
      assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
      assert.equal(signedIn.body.user.phone_number, PHONE);
      assert.equal(t.sink.messagesTo(PHONE).length, 1, 'no SMS went out while the database was away');
    });

    it('while it stops answering: requests and health answer 503 within 2 s; then the same app serves again', async () => {
      // Fill the pool with connections that will be left hanging, as well as new ones that will hang at connect.
      await Promise.all(Array.from({ length: 5 }, () => health()));
      proxy.hang();
      const [request, verified, status] = await Promise.all([
        requestCode(),
        verify('000000'),
        healthUntil(503, HANG_WITHIN_MS),
      ]);
      assertUnavailable(request, 'code request', HANG_WITHIN_MS);
      assertUnavailable(verified, 'verify', HANG_WITHIN_MS);
      assertHealthDegraded(status, HANG_WITHIN_MS);

      await proxy.resume();
      const other = '+989121111111';
      const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: other });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      const signedIn = await t.post('/api/v1/otp/phone/login/verify', {
        phone_number: other,
        code: t.sink.lastCode(other),
      });
      assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    });
  });

describe('a PostgreSQL that is not there at all', () => {
  let app: FastifyInstance;
  const logs = logCapture();
  before(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/otpgate',
    });
    app = await buildApp(config, { logStream: logs.stream });
    await app.ready();
  });
  after(() => app?.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
    timed(async () => {
      const res = await app.inject({ method, url, payload });
      return { status: res.statusCode, body: res.json() };
    });

  it('code requests and verifies answer 503 DATABASE_UNAVAILABLE within 2 s, and health says degraded', async () => {
    assertUnavailable(await call('POST', '/api/v1/otp/phone/login/request', { phone_number: PHONE }), 'request');
    assertUnavailable(
      await call('POST', '/api/v1/otp/phone/login/verify', { phone_number: PHONE, code: '123456' }),
      'verify',
    );
    assertUnavailable(await call('POST', '/api/v1/auth/refresh', { refresh_token: 'x'.repeat(43) }), 'refresh');
    assertHealthDegraded(await call('GET', '/api/v1/otp/health'));
    // Liveness does not depend on the database: the process is fine, only its dependency is not.
    assert.equal((await call('GET', '/livez')).status, 200);
    assert.doesNotMatch(logs.text(), /"level":50/, 'an unavailable database is a warning, not an unhandled error');
  });
});
