import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { signGatewayReport, type FakeTelegramGateway } from '../helpers/fake-telegram-gateway.ts';
import { errorBody, mobile, requestCode } from '../helpers/otp-flow.ts';
import { GATEWAY_TOKEN, withGateway } from '../helpers/telegram-gateway-app.ts';

const REPORT = '/api/v1/telegram/gateway/report';
const MINUTE_MS = 60_000;

/** Posts `body` as it is, signed (unless `headers` says otherwise) at the app's `now` plus `skewMs`. */
function post(t: TestApp, body: string, headers?: Record<string, string>, skewMs = 0) {
  const at = Math.floor((t.clock.now() + skewMs) / 1000);
  const signed = headers ?? signGatewayReport(GATEWAY_TOKEN, body, at);
  return t.inject({
    method: 'POST',
    url: REPORT,
    payload: body,
    headers: { 'content-type': 'application/json', ...signed },
  });
}

/** Sends a code through the Gateway; returns its request_id and its log row's id. */
async function codeSent(t: TestApp, gateway: FakeTelegramGateway, n: number) {
  assert.equal((await requestCode(t, mobile(n))).status, 200);
  const sent = gateway.sent.at(-1)!;
  return { requestId: sent.request_id, logId: sent.payload! };
}

const rowOf = (t: TestApp, id: string) =>
  t.database.db
    .selectFrom('sms_logs')
    .select(['status', 'provider_status', 'final_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

forEachDatabase('Telegram Gateway delivery reports', (backend) => {
  const gatewayOnly = ['telegram_gateway'];

  it('a signed report is written to the message: sent, then read (delivered, final)', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9001);
      const sent = await post(t, gateway.report(requestId, 'sent'));
      assert.deepEqual([sent.statusCode, sent.json()], [200, { success: true }]);
      assert.deepEqual(await rowOf(t, logId), { status: 'sent', provider_status: 'sent', final_at: null });
      assert.equal((await post(t, gateway.report(requestId, 'read'))).statusCode, 200);
      const read = await rowOf(t, logId);
      assert.deepEqual([read.status, read.provider_status], ['delivered', 'read']);
      assert.ok(read.final_at !== null);
    });
  });

  it('a revoked message (deleted unread) is undelivered', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9002);
      assert.equal((await post(t, gateway.report(requestId, 'revoked'))).statusCode, 200);
      const row = await rowOf(t, logId);
      assert.deepEqual([row.status, row.provider_status], ['undelivered', 'revoked']);
    });
  });

  it('the signature is over the raw bytes: a body in any spacing or key order, as sent, is taken', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9003);
      const body = `{ "delivery_status" : {"updated_at":1, "status":"read"},\n  "payload":"${logId}", "request_id":"${requestId}" }`;
      assert.equal((await post(t, body)).statusCode, 200);
      assert.equal((await rowOf(t, logId)).status, 'delivered');
    });
  });

  it('a forged signature is refused (401) and writes nothing: another token, a changed body, none at all', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9004);
      const body = gateway.report(requestId, 'read');
      const at = Math.floor(t.clock.now() / 1000);
      const forgeries = [
        signGatewayReport('AAGw-some-other-token', body, at),
        signGatewayReport(GATEWAY_TOKEN, body.replace('"read"', '"sent"'), at),
        { 'x-request-timestamp': String(at) },
        { 'x-request-timestamp': String(at), 'x-request-signature': 'not hex at all' },
      ];
      for (const headers of forgeries) {
        const answer = await post(t, body, headers);
        assert.equal(answer.statusCode, 401, JSON.stringify(headers));
        assert.deepEqual(answer.json(), errorBody('UNAUTHORIZED', { message: answer.json().message }));
      }
      assert.deepEqual(await rowOf(t, logId), { status: 'sent', provider_status: null, final_at: null });
    });
  });

  it('a timestamp more than 5 minutes old or more than 1 minute ahead is refused; inside those, taken', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9005);
      const body = gateway.report(requestId, 'read');
      for (const skewMs of [-5 * MINUTE_MS - 5000, 1 * MINUTE_MS + 5000]) {
        const answer = await post(t, body, undefined, skewMs);
        assert.equal(answer.statusCode, 401, `${skewMs} ms`);
        assert.match(answer.json().message, /too old, or dated in the future/);
      }
      assert.equal((await rowOf(t, logId)).status, 'sent');
      assert.equal((await post(t, body, undefined, -5 * MINUTE_MS + 5000)).statusCode, 200);
      assert.equal((await rowOf(t, logId)).status, 'delivered');
    });
  });

  it('a report captured and replayed once it is old is refused', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9006);
      const body = gateway.report(requestId, 'revoked');
      const captured = signGatewayReport(GATEWAY_TOKEN, body, Math.floor(t.clock.now() / 1000));
      t.clock.advance(6 * MINUTE_MS);
      assert.equal((await post(t, body, captured)).statusCode, 401);
      assert.deepEqual(await rowOf(t, logId), { status: 'sent', provider_status: null, final_at: null });
    });
  });

  it('a signed report naming no message of ours is answered 200, so that Telegram stops retrying', async () => {
    await withGateway(backend, gatewayOnly, {}, async (t, gateway) => {
      const { requestId, logId } = await codeSent(t, gateway, 9007);
      const other = await codeSent(t, gateway, 9008);
      const unknown = gateway.report('no-such-request', 'read');
      assert.deepEqual(
        [(await post(t, unknown)).statusCode, (await post(t, unknown)).json()],
        [200, { success: true }],
      );
      // Our row id with another message's request_id: a report names its row twice, and both must match.
      const crossed = gateway.report(requestId, 'read').replace(logId, other.logId);
      assert.equal((await post(t, crossed)).statusCode, 200);
      // Signed, but nothing we can use: retried, it would stay so.
      for (const body of ['not json', '[1]', `{"request_id":"${requestId}","payload":"${logId}"}`]) {
        assert.equal((await post(t, body)).statusCode, 200, body);
      }
      assert.equal((await rowOf(t, logId)).status, 'sent');
      assert.equal((await rowOf(t, other.logId)).status, 'sent');
    });
  });

  it('without TELEGRAM_GATEWAY_TOKEN there is nothing to report to: 404', async () => {
    await withGateway(backend, ['kavenegar'], { TELEGRAM_GATEWAY_TOKEN: '' }, async (t, gateway) => {
      const answer = await post(t, gateway.report('any', 'read'));
      assert.deepEqual([answer.statusCode, answer.json().code], [404, 'NOT_FOUND']);
    });
  });
});
