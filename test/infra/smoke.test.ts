import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LATEST_SCHEMA_VERSION } from '../../src/db/migrations/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { DATABASES } from '../helpers/backends.ts';
import { runCli } from '../helpers/infra-cli.ts';

const sqlite = DATABASES.find((b) => b.name === 'sqlite')!;
const PHONE = '+989123456789';

/** The report's check lines, as `PASS name` / `FAIL name` with the detail after a colon. */
const checkLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => /^ {2}(PASS|FAIL) {2}/.test(line))
    .map((line) => line.trim().replace(/ {2}/, ' '));

async function serve(env: Record<string, string> = {}): Promise<{ t: TestApp; base: string }> {
  const t = await startTestApp(sqlite, { env });
  return { t, base: await t.app.listen({ port: 0, host: '127.0.0.1' }) };
}

// Each run loads the whole command (about 1.5 s of CPU), so two at a time.
describe('otpgate smoke', { concurrency: 2 }, () => {
  let healthy: { t: TestApp; base: string };
  let forPhone: { t: TestApp; base: string };
  let unconfigured: { t: TestApp; base: string };
  let redisAway: { t: TestApp; base: string };
  before(async () => {
    redisAway = await serve({ REDIS_URL: 'redis://127.0.0.1:1' });
    healthy = await serve();
    forPhone = await serve();
    unconfigured = await serve({ NODE_ENV: 'production', SMS_PROVIDER: 'console' });
  });
  after(async () => {
    await healthy?.t.close();
    await forPhone?.t.close();
    await unconfigured?.t.close();
    await redisAway?.t.close();
  });

  it('fails while Redis is configured but unreachable, and says that rate limits are counted in the database', async () => {
    const result = await runCli(['smoke', redisAway.base], {});
    assert.equal(result.code, 1, result.stdout);
    const lines = checkLines(result.stdout);
    assert.ok(lines[0]?.startsWith('FAIL health: HTTP 200, degraded,'), lines[0]);
    assert.equal(lines[1], 'FAIL rate limits: counted in the database because Redis is configured but unreachable');
  });

  it('against a healthy deployment: a readable report of passed checks, exit 0, and no SMS', async () => {
    const result = await runCli(['smoke', `${healthy.base}/`], {});
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0, result.stdout);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], `otpgate smoke test of ${healthy.base}`);
    assert.deepEqual(checkLines(result.stdout), [
      `PASS health: HTTP 200, ok, database sqlite ok (schema ${LATEST_SCHEMA_VERSION}/${LATEST_SCHEMA_VERSION})`,
      'PASS sms: mode live, configured true',
      'PASS error envelope: HTTP 404 NOT_FOUND: No route for GET /api/v1/otp/no-such-route',
      'PASS number validation: HTTP 400 INVALID_PHONE: The phone number is not a valid mobile number for an accepted country',
    ]);
    assert.equal(lines.at(-2), 'all 4 checks passed');
    assert.equal(healthy.t.sink.requests.length, 0);
  });

  it('with --phone it requests a real code, which the SMS receiver gets', async () => {
    const result = await runCli(['smoke', forPhone.base, '--phone', '09123456789'], {});
    assert.equal(result.code, 0, result.stdout);
    assert.ok(
      checkLines(result.stdout).includes('PASS code request: HTTP 200'),
      `a passed code request in:\n${result.stdout}`,
    );
    assert.match(result.stdout, /all 5 checks passed/);
    assert.equal(forPhone.t.sink.messagesTo(PHONE).length, 1);
    assert.equal(forPhone.t.sink.requests.length, 1);
  });

  it('against production without an SMS provider: FAIL lines about SMS, exit 1', async () => {
    const result = await runCli(['smoke', unconfigured.base, '--phone', '09123456789'], {});
    assert.equal(result.code, 1, result.stdout);
    const lines = checkLines(result.stdout);
    assert.ok(
      lines.includes('FAIL sms: mode development, configured false: code requests will be refused'),
      result.stdout,
    );
    assert.ok(lines.includes('FAIL code request: HTTP 503 SMS_FAILED: SMS service not available'), result.stdout);
    assert.ok(
      lines.some((line) => line.startsWith('PASS health: HTTP 200')),
      'the rest is reported as it is',
    );
    assert.match(result.stdout, /\n2 of 5 checks failed\n$/);
  });

  it('against a port nothing listens on: the health check fails and the exit is 1', async () => {
    const result = await runCli(['smoke', 'http://127.0.0.1:1'], {});
    assert.equal(result.code, 1, result.stdout);
    const lines = checkLines(result.stdout);
    assert.match(lines[0] ?? '', /^FAIL health: no answer \(/);
    assert.ok(
      lines.every((line) => line.startsWith('FAIL')),
      result.stdout,
    );
  });
});
