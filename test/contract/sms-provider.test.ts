import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SmsError, type SmsProvider } from '../../src/sms/provider.ts';
import { createConsoleProvider } from '../../src/sms/providers/console.ts';
import { createWebhookProvider } from '../../src/sms/providers/webhook.ts';
import { startFakeHostileProvider, type FakeHostileProvider } from '../helpers/fake-hostile-provider.ts';
import { startFakeWebhookSink, type FakeWebhookSink } from '../helpers/fake-webhook-sink.ts';
import { listenOnLoopback } from '../helpers/local-server.ts';
import {
  CODE,
  kavenegar,
  melipayamak,
  MESSAGE,
  SECRETS,
  smsir,
  telegramGateway,
  webhook,
  type Harness,
} from '../helpers/provider-harness/index.ts';

type Call = (provider: SmsProvider) => Promise<unknown>;
const statusCall: Call = (provider) => provider.status!('5082938271652');

/** Every call the provider has: each must fail the same way when the network does. */
function calls(harness: Harness): Array<readonly [string, Call]> {
  return [
    ['send', (provider) => provider.send(MESSAGE)],
    ...(harness.delivery ? [['status', (provider: SmsProvider) => provider.status!('5082938271652')] as const] : []),
    ...(harness.credit ? [['credit', (provider: SmsProvider) => provider.credit!()] as const] : []),
  ];
}

/** One provider answering too much, for ever, or nested deep, shared by every harness below. */
let hostile: FakeHostileProvider;
before(async () => void (hostile = await startFakeHostileProvider({ mode: 'huge' })));
after(() => hostile.close());

for (const harness of [melipayamak(), kavenegar(), smsir(), webhook(), telegramGateway()]) {
  describe(`SmsProvider contract: ${harness.name}`, () => {
    before(() => harness.start());
    after(() => harness.close());

    it('an accepted message resolves with the id the provider gave', async () => {
      const receipt = await harness.provider().send(MESSAGE);
      assert.match(harness.lastReceipt()?.messageId ?? '', /^[\w-]{6,}$/);
      assert.deepEqual(receipt, harness.lastReceipt());
    });

    it('the provider receives the documented fields, for every kind of number it takes', async () => {
      for (const to of harness.numbers) {
        await harness.provider().send({ ...MESSAGE, to });
        harness.assertReceived({ ...MESSAGE, to });
      }
    });

    const { template } = harness;
    if (template) {
      it('an approved template goes through the template call, its arguments in order', async () => {
        const receipt = await harness.provider().send(template.message);
        assert.deepEqual(receipt, harness.lastReceipt());
        template.assertReceived();
      });
    }

    for (const failure of harness.failures) {
      it(`${failure.title} is ${failure.kind} ${failure.providerCode} (reason ${failure.reason})`, async () => {
        const error = await expectError(failure.arrange(), failure.act);
        const expected = [failure.kind, failure.providerCode, failure.reason];
        assert.deepEqual([error.kind, error.providerCode, error.reason], expected);
        if (failure.kind === 'rejected') assert.equal(error.mayHaveSent, failure.mayHaveSent ?? false);
      });
    }

    for (const [name, call] of calls(harness)) {
      it(`${name}: HTTP 500 is a transport failure`, async () => {
        harness.failNext('server-error');
        const error = await expectError(harness.provider(), call);
        assert.deepEqual([error.kind, error.providerCode, error.reason], ['transport', 'HTTP_500', null]);
        assert.equal(error.mayHaveSent, true, 'the provider may have sent it before failing');
      });

      // The test's own timeout turns a provider that ignores its budget into a failure instead of a hung run.
      const title = `${name}: a provider that accepts the connection and never answers times out within the budget`;
      it(title, { timeout: 5000 }, async () => {
        harness.failNext('hang');
        const started = performance.now();
        const error = await expectError(harness.provider(300), call);
        const elapsedMs = performance.now() - started;
        assert.equal(error.kind, 'timeout');
        assert.equal(error.mayHaveSent, true);
        assert.ok(elapsedMs >= 290 && elapsedMs < 1300, `settled after ${Math.round(elapsedMs)} ms`);
      });

      for (const mode of ['huge', 'endless'] as const) {
        it(`${name}: an answer ${mode === 'huge' ? 'of 50 MB' : 'that never ends'} is a provider failure, not read on`, async () => {
          hostile.setMode(mode);
          const error = await expectError(harness.provider(5000, hostile.url), call);
          assert.deepEqual([error.kind, error.providerCode], ['transport', 'ANSWER_TOO_LARGE']);
          assert.equal(error.mayHaveSent, true, 'a 2xx: the provider may have taken the message');
          const answer = hostile.answers.at(-1)!;
          await answer.over;
          assert.ok(answer.bytesWritten < 16 * 1024 * 1024, `the fake wrote ${answer.bytesWritten} bytes`);
        });
      }

      it(`${name}: arrays nested ten thousand deep are an answer that is not the API's`, async () => {
        hostile.setMode('nested');
        const provider = harness.provider(5000, hostile.url);
        // Any 2xx is the webhook's success, whatever its body says.
        if (harness.name === 'webhook') return assert.deepEqual(await call(provider), { messageId: null });
        const error = await expectError(provider, call);
        assert.deepEqual([error.kind, error.providerCode], ['transport', 'BAD_RESPONSE']);
      });

      it(`${name}: a refused connection is a transport failure`, async () => {
        const error = await expectError(harness.provider(2000, await closedPortUrl()), call);
        assert.deepEqual([error.kind, error.providerCode], ['transport', 'ECONNREFUSED']);
        assert.equal(error.mayHaveSent, false, 'no connection, no request: nothing can have gone out');
      });
    }

    it('send: a connection dropped after the request was read may have sent the message', async () => {
      const dropping = await droppingServer();
      try {
        const error = await expectError(harness.provider(2000, dropping.url), (provider) => provider.send(MESSAGE));
        assert.equal(error.kind, 'transport');
        assert.equal(error.mayHaveSent, true, `${error.providerCode} after the request was read`);
      } finally {
        await dropping.close();
      }
    });

    it('an id of up to 128 printable characters is kept; a cost that is not a price is dropped', async () => {
      const id = '7'.repeat(128);
      for (const cost of [-5, 1e12, 'free', { amount: 1 }]) {
        harness.answerWith({ id, cost });
        assert.deepEqual(await harness.provider().send(MESSAGE), { messageId: id }, `cost ${JSON.stringify(cost)}`);
      }
    });

    // Digits, so that Melipayamak too reads them as a recId; the others take any printable token.
    const notIds: unknown[] = ['7'.repeat(129), '7'.repeat(60_000)];
    if (harness.name !== 'melipayamak') notIds.push('ab cd', 'ab\u0000cd', 'تایید', { nested: [1] }, [42], true);
    it('an accepted message whose id is not one fails as a send that may have gone out; the id is kept nowhere', async () => {
      for (const id of notIds) {
        harness.answerWith({ id });
        const error = await expectError(harness.provider(), (provider) => provider.send(MESSAGE));
        const what = JSON.stringify(id).slice(0, 40);
        assert.deepEqual(
          [error.kind, error.providerCode, error.mayHaveSent],
          ['transport', 'BAD_MESSAGE_ID', true],
          what,
        );
        assert.ok(error.message.length < 200 && !error.message.includes('7777'), error.message);
      }
    });

    const { delivery } = harness;
    if (delivery) {
      it("status() with a delivery state that is not a code is an answer that is not the API's", async () => {
        for (const state of ['1'.repeat(7), '1'.repeat(60_000), 'delivered']) {
          harness.answerWith({ state });
          const error = await expectError(harness.provider(), statusCall);
          assert.deepEqual([error.kind, error.providerCode], ['transport', 'BAD_RESPONSE'], state.slice(0, 20));
        }
      });

      it('status() of a message just sent is sent, not final', async () => {
        await harness.provider().send(MESSAGE);
        const report = await harness.provider().status!(harness.lastReceipt()!.messageId!);
        assert.deepEqual([report.status, report.final], ['sent', false]);
      });

      it('status() reads every delivery code: delivered, undelivered, failed and pending', async () => {
        const seen = new Set(delivery.cases.map(([, expected]) => `${expected.status}/${expected.final}`));
        assert.deepEqual([...seen].sort(), ['delivered/true', 'failed/true', 'sent/false', 'undelivered/true']);
        for (const [code, expected] of delivery.cases) {
          const report = await harness.provider().status!(await delivery.sentWith(code));
          assert.deepEqual(report, { ...expected, providerStatus: String(code) }, `delivery code ${code}`);
        }
      });
    }

    const { credit } = harness;
    if (credit) {
      it(`credit() is the account's remaining credit in ${credit.unit}`, async () => {
        credit.set(1234.5);
        assert.deepEqual(await harness.provider().credit!(), { amount: 1234.5, unit: credit.unit });
        credit.set(0);
        assert.deepEqual(await harness.provider().credit!(), { amount: 0, unit: credit.unit });
      });
    }

    for (const quirk of harness.quirks) it(quirk.title, () => quirk.run());
  });
}

describe('webhook provider', () => {
  let sink: FakeWebhookSink;
  before(async () => void (sink = await startFakeWebhookSink()));
  after(() => sink.close());

  it('sends no X-Signature without a secret, and takes a 2xx without JSON as sent', async () => {
    sink.answerNext({ status: 204 });
    const receipt = await createWebhookProvider({ url: sink.url, timeoutMs: 2000 }).send(MESSAGE);
    assert.deepEqual(receipt, { messageId: null });
    assert.equal(sink.requests.at(-1)?.headers['x-signature'], undefined);
    assert.equal(sink.lastCode(MESSAGE.to), CODE);
  });

  it('reads a numeric message_id as the receipt id', async () => {
    sink.answerNext({ status: 202, body: '{"message_id":42}' });
    const receipt = await createWebhookProvider({ url: sink.url, timeoutMs: 2000 }).send(MESSAGE);
    assert.deepEqual(receipt, { messageId: '42' });
  });
});

describe('console provider', () => {
  it('logs the masked number, template, code and text, and sends nothing', async () => {
    const lines: Array<{ obj: object; msg: string }> = [];
    const provider = createConsoleProvider({ info: (obj, msg) => lines.push({ obj, msg }) });
    assert.deepEqual(await provider.send(MESSAGE), { messageId: null });
    assert.equal(provider.live, false);
    assert.equal(provider.status, undefined);
    assert.equal(provider.credit, undefined);
    assert.deepEqual(lines, [
      {
        obj: { to: '+98912***6789', template: 'otp_login', code: CODE, text: MESSAGE.text },
        msg: 'development SMS fallback: message not sent',
      },
    ]);
  });
});

/** Runs `call`, expecting an SmsError from this provider that leaks neither a secret nor the code. */
async function expectError(provider: SmsProvider, call: Call): Promise<SmsError> {
  const error: unknown = await call(provider).then(
    () => assert.fail('the call resolved; expected an SmsError'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof SmsError, `expected an SmsError, got ${String(error)}`);
  assert.equal(error.provider, provider.name);
  for (const secret of SECRETS) {
    assert.ok(!error.message.includes(secret), `"${error.message}" leaks ${secret}`);
  }
  return error;
}

/** A URL on which nothing listens: a port the OS just handed out and took back. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A server that reads each request whole and then drops the connection without answering. */
async function droppingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req) => {
    req.resume();
    req.on('end', () => req.socket.destroy());
  });
  const { port, close } = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}/sms`, close };
}
