import assert from 'node:assert/strict';
import type { SmsRejectionReason } from '../../../src/sms/provider.ts';
import { createSmsirProvider, type SmsirOptions } from '../../../src/sms/providers/smsir.ts';
import { startFakeSmsir, type FakeSmsir, type SmsirScenario } from '../fake-smsir.ts';
import {
  SMSIR_KEY,
  WRONG_KEY,
  MESSAGE,
  NATIONAL,
  ARGS,
  templated,
  sending,
  statusOf,
  creditOf,
  rejected,
  transport,
  DELIVERED,
  UNDELIVERED,
  FAILED,
  PENDING,
  type Harness,
  HTML_404,
  national,
} from './common.ts';

export function smsir(): Harness {
  let fake: FakeSmsir;
  const build = (timeoutMs = 2000, baseUrl = fake.url, options: Partial<SmsirOptions> = {}) =>
    createSmsirProvider({ apiKey: SMSIR_KEY, lineNumber: '30007732000000', baseUrl, timeoutMs, ...options });
  const answering = (scenario: SmsirScenario) => () => (fake.answerNext(scenario), build());
  const wrongKey = () => build(2000, fake.url, { apiKey: WRONG_KEY });
  const approved = templated('100200');
  const byCode: ReadonlyArray<readonly [number, SmsRejectionReason]> = [
    [104, 'recipient'],
    [115, 'recipient'],
    ...[10, 11, 12, 13, 14, 15, 101, 102, 113, 117, 119, 123, 124].map((code) => [code, 'account'] as const),
    ...[103, 116].map((code) => [code, 'content'] as const),
    ...[20, 118].map((code) => [code, 'rate_limited'] as const),
    ...[0, 16, 105, 109].map((code) => [code, 'unknown'] as const),
  ];
  const oneArg = templated('100200', ARGS.slice(0, 1));
  const tooLong = templated('100200', [{ name: 'code', value: 'x'.repeat(26) }, ARGS[1]!]);
  const named = templated('otp-login');
  const withoutLine = () => build(2000, fake.url, { lineNumber: undefined });
  const noData = { status: 200, body: '{"status":1,"message":"موفق","data":null}' };
  return {
    name: 'smsir',
    start: async () =>
      void (fake = await startFakeSmsir({
        apiKey: SMSIR_KEY,
        templates: { '100200': ['code', 'minutes'] },
        lineNumbers: ['30007732000000'],
      })),
    close: () => fake.close(),
    provider: (timeoutMs, url) => build(timeoutMs, url),
    lastReceipt() {
      const last = fake.issued.at(-1);
      return last ? { messageId: String(last.messageId), cost: last.cost } : null;
    },
    // SMS.ir documents Iranian forms only.
    numbers: ['+989123456789', '+989351234567'],
    assertReceived(sent) {
      const request = fake.requests.at(-1);
      assert.deepEqual([request?.method, request?.path], ['POST', '/v1/send/bulk']);
      assert.equal(request?.headers['x-api-key'], SMSIR_KEY);
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.equal(request?.headers.accept, 'application/json');
      assert.deepEqual(request?.json, {
        lineNumber: 30007732000000,
        messageText: sent.text,
        mobiles: [national(sent.to)],
      });
    },
    template: {
      message: approved,
      assertReceived() {
        const request = fake.requests.at(-1);
        assert.equal(request?.path, '/v1/send/verify');
        assert.deepEqual(request?.json, { mobile: NATIONAL, templateId: 100200, parameters: ARGS });
      },
    },
    answerWith: ({ id, cost, state }) => {
      const data = state === undefined ? { packId: 'p-1', messageIds: [id], cost } : { deliveryState: state };
      fake.answerNext({ status: 200, body: JSON.stringify({ status: 1, message: 'موفق', data }) });
    },
    failNext: (how) => fake.answerNext(how === 'hang' ? 'hang' : 'http-500'),
    failures: [
      rejected('a wrong API key (HTTP 401, status 10)', wrongKey, '10', 'account'),
      rejected('HTTP 401 without a body', answering({ status: 401, body: '' }), 'HTTP_401', 'account'),
      rejected('HTTP 429 without a body', answering('throttled'), 'HTTP_429', 'rate_limited'),
      rejected('HTTP 429 with status 20', answering({ code: 20, http: 429 }), '20', 'rate_limited'),
      ...byCode.map(([code, reason]) =>
        rejected(`HTTP 400 with status ${code}`, answering({ code }), String(code), reason),
      ),
      rejected('a logic error on HTTP 200', answering({ code: 102, http: 200 }), '102', 'account'),
      rejected('a template it does not know (113)', build, '113', 'account', sending(templated('999999'))),
      rejected('a template parameter left out (116)', build, '116', 'content', sending(oneArg)),
      rejected('a value over 25 characters (114, refused here)', build, '114', 'content', sending(tooLong)),
      rejected('a template id that is not a number', build, 'INVALID_TEMPLATE_ID', 'account', sending(named)),
      rejected('free text without a line number', withoutLine, 'NO_LINE_NUMBER', 'account'),
      transport("an HTML 404 that is not the API's", answering(HTML_404), 'HTTP_404'),
      transport('HTTP 502 with a JSON body', answering({ status: 502, body: '{"status":0}' }), 'HTTP_502'),
      transport('a body that is not JSON', answering('malformed'), 'BAD_RESPONSE'),
      rejected('the status of an unknown message', build, 'UNKNOWN_MESSAGE', 'unknown', statusOf('123')),
      rejected('status with a wrong API key', wrongKey, '10', 'account', statusOf('123')),
      rejected('credit with a wrong API key', wrongKey, '10', 'account', creditOf),
      transport('credit answered without a number', answering(noData), 'BAD_RESPONSE', creditOf),
    ],
    delivery: {
      async sentWith(code) {
        const { messageId } = await build().send(MESSAGE);
        fake.setDelivery(messageId!, code);
        return messageId!;
      },
      cases: [
        [1, DELIVERED],
        ...[2, 4].map((code) => [code, UNDELIVERED] as const),
        ...[6, 7].map((code) => [code, FAILED] as const),
        ...[3, 5, 8, 77].map((code) => [code, PENDING] as const),
      ],
    },
    credit: { set: (amount) => fake.setCredit(amount), unit: 'sms' },
    quirks: [
      {
        title: 'a value SMS.ir would refuse, and free text without a line, never reach it',
        async run() {
          const before = fake.requests.length;
          await assert.rejects(build().send(tooLong));
          await assert.rejects(withoutLine().send(MESSAGE));
          assert.equal(fake.requests.length, before);
        },
      },
      {
        title: 'a send answered with data.messageId instead of data.messageIds is read too',
        async run() {
          const body = JSON.stringify({ status: 1, message: 'موفق', data: { messageId: 123456789, cost: 1.5 } });
          fake.answerNext({ status: 200, body });
          assert.deepEqual(await build().send(MESSAGE), { messageId: '123456789', cost: 1.5 });
        },
      },
    ],
  };
}
