import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SmsError, type SmsMessage, type SmsProvider, type SmsRejectionReason } from '../../src/sms/provider.ts';
import { createConsoleProvider } from '../../src/sms/providers/console.ts';
import { createMelipayamakProvider } from '../../src/sms/providers/melipayamak.ts';
import { createWebhookProvider } from '../../src/sms/providers/webhook.ts';
import { startFakeMelipayamak, type FakeMelipayamak, type MelipayamakScenario } from '../helpers/fake-melipayamak.ts';
import { startFakeWebhookSink, type FakeWebhookSink, type SinkAnswer } from '../helpers/fake-webhook-sink.ts';

const CODE = '482915';
const PASSWORD = 'mp-pass-Zx81q';
const WRONG_PASSWORD = 'mp-wrong-Yw72r';
const SECRET = 'whsec-0123456789abcdef';
const MESSAGE: SmsMessage = {
  to: '+989123456789',
  text: `کد ورود شما: ${CODE}\n\n@shop.example #${CODE}`,
  template: 'otp_login',
  params: { code: CODE, minutes: '2' },
};

interface Failure {
  readonly title: string;
  /** Sets the fake up to fail and returns the provider to send with. */
  arrange(): SmsProvider;
  readonly kind: 'rejected' | 'transport';
  readonly providerCode: string;
  readonly reason: SmsRejectionReason | null;
}

const rejected = (title: string, arrange: () => SmsProvider, providerCode: string, reason: SmsRejectionReason) =>
  ({ title, arrange, kind: 'rejected', providerCode, reason }) as const;

/** One provider over its fake, in the words the contract needs. */
interface Harness {
  readonly name: string;
  start(): Promise<void>;
  close(): Promise<void>;
  /** A provider aimed at the fake, or at `url` when given. */
  provider(timeoutMs?: number, url?: string): SmsProvider;
  /** The id the fake handed out for the last message it accepted. */
  lastIssuedId(): string | null;
  /** Asserts that the fake's last request carried `sent` in the provider's documented form. */
  assertReceived(sent: SmsMessage): void;
  failNext(how: 'server-error' | 'hang'): void;
  readonly failures: readonly Failure[];
}

function melipayamak(): Harness {
  let fake: FakeMelipayamak;
  const build = (timeoutMs = 2000, baseUrl = fake.url, password = PASSWORD) =>
    createMelipayamakProvider({ username: 'shop', password, from: '50004001', baseUrl, timeoutMs });
  const answering = (scenario: MelipayamakScenario) => () => (fake.answerNext(scenario), build());
  const ok200 = (body: string) => ({ status: 200, body });
  return {
    name: 'melipayamak',
    start: async () => void (fake = await startFakeMelipayamak({ username: 'shop', password: PASSWORD })),
    close: () => fake.close(),
    provider: (timeoutMs, url) => build(timeoutMs, url),
    lastIssuedId: () => fake.recIds.at(-1) ?? null,
    assertReceived(sent) {
      const request = fake.requests.at(-1);
      assert.equal(request?.path, '/api/SendSMS/SendSMS');
      assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded; charset=UTF-8');
      const to = sent.to.startsWith('+98') ? `0${sent.to.slice(3)}` : sent.to.slice(1);
      const form = { username: 'shop', password: PASSWORD, to, from: '50004001', text: sent.text, isFlash: 'false' };
      assert.deepEqual(request.fields, form);
    },
    failNext: (how) => fake.answerNext(how === 'hang' ? 'hang' : 'http-500'),
    failures: [
      rejected('wrong credentials', () => build(2000, fake.url, WRONG_PASSWORD), '0', 'account'),
      rejected('no credit', answering('no-credit'), '2', 'account'),
      rejected('a recipient on the advertising blacklist', answering('blacklist'), '35', 'recipient'),
      rejected('an "Ok" envelope with an error code in Value', answering('ok-envelope-error'), '11', 'recipient'),
      rejected(
        'no Value, the code in RetStatus',
        answering(ok200('{"Value":null,"RetStatus":19}')),
        '19',
        'rate_limited',
      ),
      rejected('a Value too short for a recId', answering(ok200('{"Value":"999","RetStatus":1}')), '999', 'unknown'),
      {
        title: 'a body that is not JSON',
        arrange: answering('malformed'),
        kind: 'transport',
        providerCode: 'BAD_RESPONSE',
        reason: null,
      },
    ],
  };
}

function webhook(): Harness {
  let sink: FakeWebhookSink;
  const build = (timeoutMs = 2000, url = sink.url) => createWebhookProvider({ url, secret: SECRET, timeoutMs });
  const answering = (answer: SinkAnswer) => () => (sink.answerNext(answer), build());
  return {
    name: 'webhook',
    start: async () => void (sink = await startFakeWebhookSink()),
    close: () => sink.close(),
    provider: build,
    lastIssuedId: () => sink.requests.at(-1)?.id ?? null,
    assertReceived(sent) {
      const request = sink.requests.at(-1);
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.deepEqual(request.message, { to: sent.to, text: sent.text, template: sent.template, params: sent.params });
      const signature = createHmac('sha256', SECRET).update(request.rawBody).digest('hex');
      assert.equal(request.headers['x-signature'], `sha256=${signature}`);
    },
    failNext: (how) => sink.answerNext(how === 'hang' ? 'hang' : { status: 500 }),
    failures: [
      // The body echoes the code, as some gateways do, to prove the provider keeps it out of the error.
      rejected('HTTP 400', answering({ status: 400, body: `{"error":"bad","echo":"${CODE}"}` }), 'HTTP_400', 'unknown'),
      rejected('HTTP 429', answering({ status: 429 }), 'HTTP_429', 'rate_limited'),
    ],
  };
}

for (const harness of [melipayamak(), webhook()]) {
  describe(`SmsProvider contract: ${harness.name}`, () => {
    before(() => harness.start());
    after(() => harness.close());

    it('an accepted message resolves with the id the provider gave', async () => {
      const receipt = await harness.provider().send(MESSAGE);
      assert.match(harness.lastIssuedId() ?? '', /^[\w-]{13,}$/);
      assert.deepEqual(receipt, { messageId: harness.lastIssuedId() });
    });

    it('the provider receives the documented fields, for Iranian and foreign numbers', async () => {
      for (const to of ['+989123456789', '+447700900123']) {
        await harness.provider().send({ ...MESSAGE, to });
        harness.assertReceived({ ...MESSAGE, to });
      }
    });

    for (const failure of harness.failures) {
      it(`${failure.title} is ${failure.kind} ${failure.providerCode} (reason ${failure.reason})`, async () => {
        const error = await sendExpectingError(failure.arrange());
        const expected = [failure.kind, failure.providerCode, failure.reason];
        assert.deepEqual([error.kind, error.providerCode, error.reason], expected);
      });
    }

    it('HTTP 500 is a transport failure', async () => {
      harness.failNext('server-error');
      const error = await sendExpectingError(harness.provider());
      assert.deepEqual([error.kind, error.providerCode, error.reason], ['transport', 'HTTP_500', null]);
    });

    it('a provider that accepts the connection and never answers times out within the budget', async () => {
      harness.failNext('hang');
      const started = performance.now();
      const error = await sendExpectingError(harness.provider(300));
      const elapsedMs = performance.now() - started;
      assert.equal(error.kind, 'timeout');
      assert.ok(elapsedMs >= 290 && elapsedMs < 1300, `settled after ${Math.round(elapsedMs)} ms`);
    });

    it('a refused connection is a transport failure', async () => {
      const error = await sendExpectingError(harness.provider(2000, await closedPortUrl()));
      assert.deepEqual([error.kind, error.providerCode], ['transport', 'ECONNREFUSED']);
    });
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
    assert.deepEqual(lines, [
      {
        obj: { to: '+98912***6789', template: 'otp_login', code: CODE, text: MESSAGE.text },
        msg: 'development SMS fallback: message not sent',
      },
    ]);
  });
});

/** Sends, expecting an SmsError from this provider that leaks neither a secret nor the code. */
async function sendExpectingError(provider: SmsProvider): Promise<SmsError> {
  const error: unknown = await provider.send(MESSAGE).then(
    () => assert.fail('send resolved; expected an SmsError'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof SmsError, `expected an SmsError, got ${String(error)}`);
  assert.equal(error.provider, provider.name);
  for (const secret of [PASSWORD, WRONG_PASSWORD, SECRET, CODE]) {
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
