import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createWebhookProvider } from '../../../src/sms/providers/webhook.ts';
import { verifyStandardWebhook } from '../standard-webhooks.ts';
import { startFakeWebhookSink, type FakeWebhookSink, type SinkAnswer } from '../fake-webhook-sink.ts';
import { CODE, SECRET, MESSAGE, templated, rejected, transport, type Harness, BOTH_NUMBERS } from './common.ts';

export function webhook(): Harness {
  let sink: FakeWebhookSink;
  const build = (timeoutMs = 2000, url = sink.url) => createWebhookProvider({ url, secret: SECRET, timeoutMs });
  const answering = (answer: SinkAnswer) => () => (sink.answerNext(answer), build());
  return {
    name: 'webhook',
    start: async () => void (sink = await startFakeWebhookSink()),
    close: () => sink.close(),
    provider: build,
    lastReceipt: () => {
      const id = sink.requests.at(-1)?.id;
      return id ? { messageId: id } : null;
    },
    numbers: BOTH_NUMBERS,
    assertReceived(sent) {
      const request = sink.requests.at(-1);
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.deepEqual(request.message, { to: sent.to, text: sent.text, template: sent.template, params: sent.params });
      const signature = createHmac('sha256', SECRET).update(request.rawBody).digest('hex');
      assert.equal(request.headers['x-signature'], `sha256=${signature}`);
      assert.equal(verifyStandardWebhook(SECRET, request.headers, request.rawBody, Date.now() / 1000), null);
    },
    answerWith: ({ id }) => sink.answerNext({ status: 200, body: JSON.stringify({ id }) }),
    failNext: (how) => sink.answerNext(how === 'hang' ? 'hang' : { status: 500 }),
    failures: [
      // The body echoes the code, as some gateways do, to prove the provider keeps it out of the error.
      // The webhook contract: only 400 and 422 refuse this message; every other 4xx is the gateway's side
      // (its credentials, account or setup, such as a wrong path in the URL), and 408 and 429 are too.
      rejected('HTTP 400', answering({ status: 400, body: `{"error":"bad","echo":"${CODE}"}` }), 'HTTP_400', 'message'),
      rejected('HTTP 422', answering({ status: 422 }), 'HTTP_422', 'message'),
      ...[401, 402, 403, 404, 405, 409, 410, 413, 415, 418, 451].map((status) =>
        rejected(`HTTP ${status}`, answering({ status }), `HTTP_${status}`, 'account'),
      ),
      rejected('HTTP 429', answering({ status: 429 }), 'HTTP_429', 'rate_limited'),
      transport('HTTP 408', answering({ status: 408 }), 'HTTP_408'),
      transport('HTTP 503', answering({ status: 503 }), 'HTTP_503'),
    ],
    quirks: [
      {
        title: 'the reference goes in the body, the same on every try, for a receiver to deduplicate on',
        async run() {
          await build().send({ ...MESSAGE, reference: 'sms-42' });
          assert.equal(sink.requests.at(-1)?.message?.reference, 'sms-42');
        },
      },
      {
        title: "an approved template is not the webhook's business: it gets the rendered text",
        async run() {
          await build().send(templated('112233'));
          assert.deepEqual(sink.requests.at(-1)?.message?.text, MESSAGE.text);
        },
      },
    ],
  };
}
