import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

describe('unknown routes', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(sqlite);
  });
  after(() => t?.close());

  const misses: ReadonlyArray<[string, string]> = [
    ['GET', '/'],
    ['GET', '/api/v1/nothing'],
    ['POST', '/api/v1/otp/phone/login/nothing'],
    ['GET', '/api/v1/otp/phone/login/request'],
    ['DELETE', '/api/v1/auth/me'],
    ['PUT', '/api/v1/auth/refresh'],
    ['PATCH', '/api/v1/otp/health'],
    ['OPTIONS', '/api/v1/auth/me'],
  ];
  for (const [method, url] of misses) {
    it(`${method} ${url} answers 404 NOT_FOUND`, async () => {
      const res = await t.inject({ method: method as 'GET', url });
      assertError({ status: res.statusCode, body: res.json(), headers: res.headers }, 'NOT_FOUND');
    });
  }

  it('a request is logged once, when answered, with its method, url, status, client address and request id', async () => {
    const url = '/api/v1/nothing-logged-once';
    await t.get(url);
    const entries = t.logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.url === url);
    assert.equal(entries.length, 1, 'one line, not an incoming line and a completed line');
    const [entry] = entries;
    assert.deepEqual(
      [entry.msg, entry.level, entry.method, entry.statusCode, entry.ip],
      ['request completed', 30, 'GET', 404, '127.0.0.1'],
    );
    assert.match(entry.reqId, /^[0-9a-f-]{36}$/);
    assert.equal(typeof entry.responseTime, 'number');
  });

  it('methods no route uses (PURGE, LINK, TRACE, PROPFIND) answer 404 NOT_FOUND over a real socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    for (const method of ['PURGE', 'LINK', 'TRACE', 'PROPFIND']) {
      const answer = await new Promise<{ status: number; body: any; headers: Record<string, unknown> }>(
        (resolve, reject) => {
          const req = httpRequest(`${address}/api/v1/otp/health`, { method }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers }));
          });
          req.on('error', reject);
          req.end();
        },
      );
      assertError(answer, 'NOT_FOUND');
    }
  });

  it('a request Node cannot parse (method BREW) answers 400 VALIDATION_ERROR in the envelope', async () => {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = { port: (t.app.server.address() as AddressInfo).port, hostname: '127.0.0.1' };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(address.port), address.hostname, () =>
        socket.write('BREW /api/v1/otp/health HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    assert.match(head ?? '', /^HTTP\/1\.1 400 /);
    const contentType = /content-type: ([^\r\n]+)/i.exec(head ?? '')?.[1];
    assertError(
      { status: 400, body: JSON.parse(body ?? ''), headers: { 'content-type': contentType } },
      'VALIDATION_ERROR',
    );
  });
});

/**
 * An internal error forced honestly: a table the request needs is gone. The client gets the generic
 * envelope with a request id, the log carries that id with the cause, and no SQL leaks into the body.
 */
forEachDatabase('an unexpected failure', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(backend);
  });
  afterEach(() => t?.close());

  const assertInternal = (answer: { status: number; body: any; headers: Record<string, unknown> }, table: string) => {
    assertError(answer, 'INTERNAL_ERROR');
    assert.equal(answer.body.message, 'Internal error');
    assert.match(answer.body.request_id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const text = JSON.stringify(answer.body).toLowerCase();
    for (const leak of [table, 'no such table', 'does not exist', 'sqlite', 'relation', 'select', 'insert']) {
      assert.equal(text.includes(leak), false, `the body leaks "${leak}"`);
    }
    const entries = t.logs.lines.map((line) => JSON.parse(line));
    const logged = entries.find((entry) => entry.reqId === answer.body.request_id && entry.level === 50);
    assert.ok(logged, 'no error log line carries the request id');
    assert.equal(logged.msg, 'unhandled error');
    assert.match(logged.err.message, new RegExp(table));
  };

  it('a code request whose table is gone answers 500 INTERNAL_ERROR with a request id the log carries', async () => {
    await t.database.db.schema.dropTable('otp_codes').execute();
    const phone = freshPhone();
    const answer = await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    assertInternal(answer, 'otp_codes');
    assert.equal(t.sink.messagesTo(phone).length, 0);
  });

  it('/me whose users table is gone answers 500 INTERNAL_ERROR, not a bare 500', async () => {
    const user = await signIn(t);
    if (backend.name === 'sqlite') {
      // With foreign keys on, SQLite would first delete the user that sessions reference, and refuse.
      await sql`PRAGMA foreign_keys = OFF`.execute(t.database.db);
      await t.database.db.schema.dropTable('users').execute();
    } else {
      await t.database.db.schema.dropTable('users').cascade().execute();
    }
    assertInternal(await t.get('/api/v1/auth/me', bearer(user.accessToken)), 'users');
  });
});
