import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { freePort, startCli, tempDir, waitUntilServing } from '../helpers/infra-cli.ts';
import { startSlowSink, type SlowSink } from '../helpers/infra-slow-sink.ts';

const PHONE = '+989123456789';
const SMS_DELAY_MS = 1500;

/**
 * 'refused' once nothing listens on the port any more; 'accepted' while something still does. A connection
 * that reached the backlog just as the listener closed is reset instead of refused: not served either.
 */
function tryConnect(port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' ? resolve('refused') : reject(error),
    );
  });
}

let sink: SlowSink;
let dir: string;
before(async () => {
  sink = await startSlowSink(SMS_DELAY_MS);
  dir = tempDir();
});
after(async () => {
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('on SIGTERM it finishes the request in flight, refuses new connections, and exits 0 within 10 s', async () => {
  const port = await freePort();
  const databaseUrl = `sqlite:${join(dir, 'otpgate.db')}`;
  const server = startCli(
    ['serve'],
    {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(dir, 'data'),
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: sink.url,
      SMS_TIMEOUT_MS: '5000',
    },
    dir,
  );
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/api/v1/otp/health`, server);

    const arrived = sink.nextMessage();
    let settled = false;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/otp/phone/login/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: PHONE }),
    }).then(async (response) => {
      settled = true;
      return { status: response.status, body: await response.json() };
    });
    await arrived;

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    let refusedAfterMs: number | undefined;
    while (Date.now() - signalledAt < SMS_DELAY_MS) {
      if ((await tryConnect(port)) === 'refused') {
        refusedAfterMs = Date.now() - signalledAt;
        break;
      }
      await sleep(25);
    }
    assert.notEqual(refusedAfterMs, undefined, 'new connections were still accepted after SIGTERM');
    assert.equal(settled, false, 'the request in flight was still in flight when new connections were refused');

    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { success: true, message: 'OTP code sent', expires_in: 300, resend_in: 60 });

    const exit = await server.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    assert.equal(exit.code, 0, `exit code; output: ${exit.stdout}${exit.stderr}`);
    assert.ok(exitedAfterMs < 10_000, `exited ${exitedAfterMs} ms after SIGTERM`);
    assert.match(exit.stdout, /"signal":"SIGTERM","msg":"shutting down"/);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }

  // The request finished its writes before the database was closed: one live code, one logged send.
  const database = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
  try {
    const codes = await database.db.selectFrom('otp_codes').select(['phone_number', 'consumed_at']).execute();
    assert.deepEqual(codes, [{ phone_number: PHONE, consumed_at: null }]);
    const logs = await database.db.selectFrom('sms_logs').select(['phone_number', 'status']).execute();
    assert.deepEqual(logs, [{ phone_number: PHONE, status: 'sent' }]);
  } finally {
    await database.close();
  }
});
