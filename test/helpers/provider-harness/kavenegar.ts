import assert from 'node:assert/strict';
import type { SmsRejectionReason } from '../../../src/sms/provider.ts';
import { createKavenegarProvider, type KavenegarOptions } from '../../../src/sms/providers/kavenegar.ts';
import { startFakeKavenegar, type FakeKavenegar, type KavenegarScenario } from '../fake-kavenegar.ts';
import {
  CODE,
  KAVENEGAR_KEY,
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
  BOTH_NUMBERS,
  national,
} from './common.ts';

export function kavenegar(): Harness {
  let fake: FakeKavenegar;
  const build = (timeoutMs = 2000, baseUrl = fake.url, options: Partial<KavenegarOptions> = {}) =>
    createKavenegarProvider({ apiKey: KAVENEGAR_KEY, sender: '10004346', baseUrl, timeoutMs, ...options });
  const answering = (scenario: KavenegarScenario) => () => (fake.answerNext(scenario), build());
  const wrongKey = () => build(2000, fake.url, { apiKey: WRONG_KEY });
  const lastFields = () => fake.requests.at(-1)?.fields;
  const approved = templated('otp-login');
  const onTemplate = sending(approved);
  const FIVE = ['1', '2', '3', 'ten', 'twenty'].map((value, i) => ({ name: `t${i}`, value }));
  const seven = templated('otp-login', [...FIVE, ...ARGS]);
  const byCode: ReadonlyArray<readonly [number, SmsRejectionReason, string]> = [
    [411, 'recipient', 'an invalid receptor'],
    [418, 'account', 'no credit'],
    [401, 'account', 'a disabled account'],
    [412, 'account', 'an invalid sender'],
    [416, 'account', 'a caller IP that is not registered'],
    [413, 'content', 'a message too long'],
    [422, 'content', 'invalid characters'],
    [414, 'unknown', 'too many records'],
    [402, 'unknown', '"operation failed"'],
  ];
  return {
    name: 'kavenegar',
    start: async () => void (fake = await startFakeKavenegar({ apiKey: KAVENEGAR_KEY, templates: ['otp-login'] })),
    close: () => fake.close(),
    provider: (timeoutMs, url) => build(timeoutMs, url),
    lastReceipt() {
      const last = fake.issued.at(-1);
      return last ? { messageId: String(last.messageid), cost: last.cost } : null;
    },
    numbers: BOTH_NUMBERS,
    assertReceived(sent) {
      const request = fake.requests.at(-1);
      assert.deepEqual([request?.method, request?.call, request?.apiKey], ['POST', 'sms/send', KAVENEGAR_KEY]);
      assert.equal(request?.headers['content-type'], 'application/x-www-form-urlencoded; charset=UTF-8');
      assert.equal(request?.headers.accept, 'application/json');
      assert.deepEqual(request?.fields, { receptor: national(sent.to), message: sent.text, sender: '10004346' });
    },
    template: {
      message: approved,
      assertReceived() {
        assert.equal(fake.requests.at(-1)?.call, 'verify/lookup');
        assert.deepEqual(lastFields(), { receptor: NATIONAL, template: 'otp-login', token: CODE, token2: '2' });
      },
    },
    answerWith: ({ id, cost, state }) => {
      const entries = [{ messageid: id, cost, status: state, receptor: NATIONAL }];
      fake.answerNext({ status: 200, body: JSON.stringify({ return: { status: 200, message: 'تایید شد' }, entries }) });
    },
    failNext: (how) => fake.answerNext(how === 'hang' ? 'hang' : { status: 500, body: '<html>Error</html>' }),
    failures: [
      rejected('a wrong API key (HTTP 403 with the envelope)', wrongKey, '403', 'account'),
      ...byCode.flatMap(([code, reason, title]) => [
        rejected(`${title} as HTTP ${code}`, answering({ code, style: 'http' }), String(code), reason),
        rejected(`${title} as HTTP 200`, answering({ code, style: 'body' }), String(code), reason),
      ]),
      transport('"retry later" (409) as HTTP 409', answering({ code: 409, style: 'http' }), '409'),
      transport('"retry later" (409) as HTTP 200', answering({ code: 409, style: 'body' }), '409'),
      rejected('a template that is not approved (424)', build, '424', 'account', sending(templated('not-approved'))),
      rejected(
        'a token Kavenegar still refuses (431)',
        answering({ code: 431, style: 'body' }),
        '431',
        'content',
        onTemplate,
      ),
      rejected('more arguments than lookup has tokens', build, 'TOO_MANY_TOKENS', 'account', sending(seven)),
      transport('HTTP 502 without the envelope', answering('http-502'), 'HTTP_502'),
      transport("an HTML 404 that is not the API's", answering(HTML_404), 'HTTP_404'),
      transport('a body that is not JSON', answering('malformed'), 'BAD_RESPONSE'),
      rejected('the status of an unknown messageid (100)', build, 'UNKNOWN_MESSAGE', 'unknown', statusOf('123')),
      rejected('status with a wrong API key', wrongKey, '403', 'account', statusOf('123')),
      rejected('credit with a wrong API key', wrongKey, '403', 'account', creditOf),
      transport('credit as "retry later"', answering({ code: 409, style: 'body' }), '409', creditOf),
    ],
    delivery: {
      async sentWith(code) {
        const { messageId } = await build().send(MESSAGE);
        fake.setDelivery(messageId!, code);
        return messageId!;
      },
      cases: [
        [10, DELIVERED],
        [11, UNDELIVERED],
        ...[6, 13, 14].map((code) => [code, FAILED] as const),
        ...[1, 2, 4, 5, 50, 77].map((code) => [code, PENDING] as const),
      ],
    },
    credit: { set: (rials) => fake.setCredit(rials), unit: 'rial' },
    quirks: [
      {
        title: "`entries` as one object (the README's shape) reads like the array (the Go SDK's)",
        async run() {
          for (const message of [MESSAGE, approved]) {
            fake.answerNext('entries-object');
            const receipt = await build().send(message);
            assert.deepEqual(receipt, {
              messageId: String(fake.issued.at(-1)?.messageid),
              cost: fake.issued.at(-1)?.cost,
            });
          }
          fake.answerNext('entries-object');
          assert.equal((await build().status!(String(fake.issued.at(-1)?.messageid))).providerStatus, '1');
        },
      },
      {
        title: 'spaces, newlines and underscores in a token become ZWNJ, which Kavenegar does not refuse',
        async run() {
          await build().send(templated('otp-login', [ARGS[0]!, { name: 'name', value: ' Ali  Reza_M\nX ' }]));
          assert.equal(lastFields()?.token2, 'Ali\u200CReza\u200CM\u200CX');
        },
      },
      {
        title: 'the fourth and fifth arguments fill token10 and token20',
        async run() {
          await build().send(templated('otp-login', FIVE));
          const { token, token2, token3, token10, token20 } = lastFields() ?? {};
          assert.deepEqual([token, token2, token3, token10, token20], ['1', '2', '3', 'ten', 'twenty']);
        },
      },
      {
        title: 'the reference goes as localid, so a retried message comes back with the first messageid',
        async run() {
          const first = await build().send({ ...MESSAGE, reference: 'sms-42' });
          const again = await build().send({ ...MESSAGE, reference: 'sms-42' });
          assert.equal(lastFields()?.localid, 'sms-42');
          assert.deepEqual(again, first);
          assert.equal(fake.issued.filter(({ messageid }) => String(messageid) === first.messageId).length, 1);
        },
      },
      {
        title: 'without a configured sender, Kavenegar picks the line',
        async run() {
          await build(2000, fake.url, { sender: undefined }).send(MESSAGE);
          assert.equal(lastFields()?.sender, undefined);
        },
      },
    ],
  };
}
