import assert from 'node:assert/strict';
import {
  createTelegramGatewayProvider,
  type TelegramGatewayOptions,
} from '../../../src/sms/providers/telegram-gateway.ts';
import { startFakeTelegramGateway, type FakeTelegramGateway, type GatewayScenario } from '../fake-telegram-gateway.ts';
import {
  BOTH_NUMBERS,
  CODE,
  GATEWAY_TOKEN,
  HTML_404,
  MESSAGE,
  WRONG_KEY,
  rejected,
  sending,
  transport,
  type Harness,
} from './common.ts';

const CALLBACK = 'https://auth.example.com/api/v1/telegram/gateway/report';

export function telegramGateway(): Harness {
  let fake: FakeTelegramGateway;
  const build = (timeoutMs = 2000, baseUrl = fake.url, options: Partial<TelegramGatewayOptions> = {}) =>
    createTelegramGatewayProvider({ token: GATEWAY_TOKEN, baseUrl, timeoutMs, ...options });
  const answering = (scenario: GatewayScenario) => () => (fake.answerNext(scenario), build());
  const offline = { ...MESSAGE, to: '+989350000001' };
  const text = { ...MESSAGE, code: undefined, template: 'text' };
  return {
    name: 'telegram_gateway',
    async start() {
      fake = await startFakeTelegramGateway({ token: GATEWAY_TOKEN });
      fake.unreachable(offline.to);
    },
    close: () => fake.close(),
    provider: (timeoutMs, url) => build(timeoutMs, url),
    lastReceipt() {
      const last = fake.sent.at(-1);
      return last ? { messageId: last.request_id, cost: last.request_cost } : null;
    },
    numbers: BOTH_NUMBERS,
    assertReceived(sent) {
      const request = fake.requests.at(-1);
      assert.deepEqual([request?.method, request?.call], ['POST', 'sendVerificationMessage']);
      assert.equal(request?.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);
      assert.equal(request?.headers['content-type'], 'application/json');
      // Our code and its lifetime, never the text: Telegram writes the message itself.
      assert.deepEqual(request?.params, { phone_number: sent.to, code: sent.code?.value, ttl: sent.code?.ttlSeconds });
    },
    answerWith: ({ id, cost }) =>
      fake.answerNext({
        status: 200,
        body: JSON.stringify({ ok: true, result: { request_id: id, request_cost: cost } }),
      }),
    failNext: (how) => fake.answerNext(how === 'hang' ? 'hang' : 'http-500'),
    failures: [
      rejected(
        'a wrong token (ACCESS_TOKEN_INVALID)',
        () => build(2000, fake.url, { token: WRONG_KEY }),
        'ACCESS_TOKEN_INVALID',
        'account',
      ),
      rejected(
        'no balance left (BALANCE_NOT_ENOUGH)',
        answering({ error: 'BALANCE_NOT_ENOUGH' }),
        'BALANCE_NOT_ENOUGH',
        'account',
      ),
      rejected('a number with no Telegram account', build, 'PHONE_NUMBER_NOT_FOUND', 'unreachable', sending(offline)),
      rejected(
        'a number Telegram refuses',
        answering({ error: 'PHONE_NUMBER_INVALID' }),
        'PHONE_NUMBER_INVALID',
        'unreachable',
      ),
      rejected('FLOOD_WAIT_7', answering({ error: 'FLOOD_WAIT_7', http: 429 }), 'FLOOD_WAIT', 'rate_limited'),
      rejected('a bare HTTP 429', answering('throttled'), 'HTTP_429', 'rate_limited'),
      rejected('a bare HTTP 401', answering({ status: 401, body: '' }), 'HTTP_401', 'account'),
      rejected('an error it does not document', answering({ error: 'SOMETHING_NEW' }), 'SOMETHING_NEW', 'unknown'),
      rejected('free text, which it cannot carry', build, 'NOT_A_CODE', 'unknown', sending(text)),
      transport("an HTML 404 that is not the API's", answering(HTML_404), 'HTTP_404'),
      transport('HTTP 502 with a JSON body', answering({ status: 502, body: '{"ok":false}' }), 'HTTP_502'),
      transport('a body that is not JSON', answering('malformed'), 'BAD_RESPONSE'),
      transport('an error that is not a name', answering({ error: 'x'.repeat(500) }), 'HTTP_400'),
    ],
    quirks: [
      {
        title: 'one call per code: sendVerificationMessage, no checkSendAbility first (it would cost the same)',
        async run() {
          const before = fake.requests.length;
          await build().send(MESSAGE);
          assert.deepEqual(
            fake.requests.slice(before).map(({ call }) => call),
            ['sendVerificationMessage'],
          );
        },
      },
      {
        title: 'free text never reaches Telegram',
        async run() {
          const before = fake.requests.length;
          await assert.rejects(build().send(text));
          assert.equal(fake.requests.length, before);
        },
      },
      {
        title: 'the log row id goes as payload and the report route as callback_url',
        async run() {
          await build(2000, fake.url, { callbackUrl: CALLBACK }).send({ ...MESSAGE, reference: 'log-42' });
          const last = fake.sent.at(-1);
          assert.deepEqual([last?.payload, last?.callback_url, last?.code], ['log-42', CALLBACK, CODE]);
        },
      },
      {
        title: 'a code with under a minute left goes with the shortest ttl Telegram takes, 60 seconds',
        async run() {
          await build().send({ ...MESSAGE, code: { value: CODE, ttlSeconds: 25 } });
          assert.equal(fake.sent.at(-1)?.ttl, 60);
        },
      },
      {
        title: "FLOOD_WAIT_<n> is the wait Telegram asks for, kept as the refusal's Retry-After",
        async run() {
          fake.answerNext({ error: 'FLOOD_WAIT_7', http: 429 });
          const error = await build()
            .send(MESSAGE)
            .catch((caught: unknown) => caught);
          assert.equal((error as { retryAfter?: string }).retryAfter, '7');
        },
      },
    ],
  };
}
