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

describe('requests Node answers before any route', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await startTestApp(sqlite);
    port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
  });
  after(() => t?.close());

  /** Sends `head` on a socket and resolves everything the server wrote before closing it. */
  const raw = (head: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
    });

  const split = (answer: string) => {
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    return { status: head.split(' ')[1], head: head.toLowerCase(), body: JSON.parse(body) };
  };

  it('an Expect other than 100-continue answers 417 EXPECTATION_FAILED in the envelope, in the asked language', async () => {
    const body = '{"phone_number":"09123459101"}';
    const answer = split(
      await raw(
        'POST /api/v1/otp/phone/login/request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          `Expect: something\r\nAccept-Language: fa\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      ),
    );
    assert.equal(answer.status, '417');
    assert.equal(answer.body.success, false);
    assert.equal(answer.body.code, 'EXPECTATION_FAILED');
    assert.match(answer.body.message, /[\u0600-\u06ff]/, 'the message is in Persian');
    assert.match(answer.head, /content-type: application\/json/);
    assert.match(answer.head, /x-content-type-options: nosniff/);
  });

  it('CONNECT answers 404 NOT_FOUND in the envelope instead of a closed socket', async () => {
    const answer = split(await raw('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
    assert.equal(answer.status, '404');
    assert.deepEqual(Object.keys(answer.body).sort(), ['code', 'message', 'success']);
    assert.equal(answer.body.code, 'NOT_FOUND');
  });
});
