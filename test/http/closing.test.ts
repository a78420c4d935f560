import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { it } from 'node:test';
import { DATABASES, startTestApp } from '../helpers/app.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

it('a request that reaches a closing instance on a kept-alive connection gets 503 SERVICE_UNAVAILABLE in the envelope', async () => {
  const t = await startTestApp(sqlite);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  t.sink.answerNext('hang'); // the first request stays in flight until SMS_TIMEOUT_MS, holding the close open
  const body = JSON.stringify({ phone_number: '09120000001' });
  const socket = connect(port, '127.0.0.1');
  let raw = '';
  let secondSent = false;
  const ended = new Promise((resolve) => socket.on('close', resolve));
  socket.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    // The first answer came while the instance was closing; ask again on the same connection.
    if (!secondSent && raw.includes('SMS_FAILED')) {
      secondSent = true;
      socket.write('GET /api/v1/otp/health HTTP/1.1\r\nHost: x\r\n\r\n');
    }
  });
  socket.write(
    `POST /api/v1/otp/phone/login/request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  await Promise.all([t.close(), ended]);

  const answers = raw.split(/(?=HTTP\/1\.1 )/);
  assert.equal(answers.length, 2, raw);
  const second = answers[1]!;
  assert.match(second, /^HTTP\/1\.1 503 /);
  assert.match(second, /connection: close/i);
  const envelope = JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4));
  assert.deepEqual(envelope, {
    success: false,
    message: 'This instance is shutting down; try again',
    code: 'SERVICE_UNAVAILABLE',
  });
});
