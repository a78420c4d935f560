import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { freePort, startCli, tempDir, waitUntilServing, type CliProcess } from '../helpers/infra-cli.ts';

const REQUEST_TIMEOUT_MS = 2000;
const KEEP_ALIVE_TIMEOUT_MS = 2000;
/** Far past the limits (and Node's once-a-second check), yet far short of "never": the machine is noisy. */
const CUT_OFF_WITHIN_MS = 12_000;
const TRICKLE_EVERY_MS = 250;

let dir: string;
let port: number;
let server: CliProcess;

before(async () => {
  dir = tempDir();
  port = await freePort();
  server = startCli(
    ['serve'],
    {
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'otpgate.db')}`,
      DATA_DIR: join(dir, 'data'),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    },
    dir,
  );
  await waitUntilServing(`http://127.0.0.1:${port}/livez`, server);
});

after(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens a socket, writes `start`, then one more byte every TRICKLE_EVERY_MS (never finishing the request),
 * until the server closes the connection or CUT_OFF_WITHIN_MS pass. Resolves with what the server said and
 * whether it closed the connection in time.
 */
function trickle(start: string): Promise<{ closedInTime: boolean; answer: string }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => {});
    socket.once('connect', () => socket.write(start));
    const drip = setInterval(() => socket.writable && socket.write('a'), TRICKLE_EVERY_MS);
    const giveUp = setTimeout(() => finish(false), CUT_OFF_WITHIN_MS);
    const finish = (closedInTime: boolean) => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedInTime, answer });
    };
    socket.once('close', () => finish(true));
  });
}

it('a client that trickles its headers is answered 408 and cut off', async () => {
  const { closedInTime, answer } = await trickle('GET /api/v1/otp/health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
  assert.ok(closedInTime, 'the connection was still open');
  assert.match(answer, /^HTTP\/1\.1 408 /);
  assert.match(answer, /"code":"REQUEST_TIMEOUT"/);
});

it('a client that trickles its body is answered 408 and cut off', async () => {
  const { closedInTime, answer } = await trickle(
    'POST /api/v1/otp/phone/login/request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 1000\r\n\r\n{"phone_number":"',
  );
  assert.ok(closedInTime, 'the connection was still open');
  assert.match(answer, /^HTTP\/1\.1 408 /);
});

it('a normal request is answered, and its idle kept-alive connection is then closed', async () => {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
  const closed = new Promise<boolean>((resolve) => {
    const giveUp = setTimeout(() => resolve(false), CUT_OFF_WITHIN_MS);
    socket.once('close', () => {
      clearTimeout(giveUp);
      resolve(true);
    });
  });
  socket.write('GET /api/v1/otp/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  const closedInTime = await closed;
  socket.destroy();
  assert.match(answer, /^HTTP\/1\.1 200 /);
  assert.match(answer, /keep-alive/i);
  assert.ok(closedInTime, 'the idle connection was still open');
});
