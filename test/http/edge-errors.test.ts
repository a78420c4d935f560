import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

describe('errors Fastify raises before routing', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(sqlite);
  });
  after(() => t?.close());

  it('a malformed path (/%) answers 400 VALIDATION_ERROR in the envelope, with the security headers, and is logged', async () => {
    const res = await t.inject({ method: 'GET', url: '/%' });
    assertError({ status: res.statusCode, body: res.json(), headers: res.headers }, 'VALIDATION_ERROR');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const entries = t.logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.url === '/%');
    assert.deepEqual(
      entries.map((entry) => [entry.msg, entry.statusCode]),
      [['request completed', 400]],
    );
  });

  it("a path parameter past Fastify's length limit answers 400 VALIDATION_ERROR in the envelope", async () => {
    const res = await t.inject({ method: 'GET', url: `/api/v1/admin/sms/logs/${'1'.repeat(200)}` });
    assertError({ status: res.statusCode, body: res.json(), headers: res.headers }, 'VALIDATION_ERROR');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});

describe('a client that goes away mid-body', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(sqlite);
  });
  after(() => t?.close());

  it('is logged as a client abort below warn, never as "database unavailable"', async () => {
    const address = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    const socket = connect(Number(address.port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/v1/otp/phone/login/request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"phone',
    );
    // The server has read the headers once it logs nothing yet but holds the request; wait for the body read.
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    const aborted = await waitFor(() =>
      t.logs.lines.map((line) => JSON.parse(line)).find((e) => e.msg === 'client aborted'),
    );
    assert.ok(aborted, `a "client aborted" line:\n${t.logs.text()}`);
    assert.ok(aborted.level <= 30, 'info or below');
    assert.doesNotMatch(t.logs.text(), /database unavailable/);
    const warnings = t.logs.lines.map((line) => JSON.parse(line)).filter((e) => e.level >= 40);
    assert.deepEqual(warnings, []);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
