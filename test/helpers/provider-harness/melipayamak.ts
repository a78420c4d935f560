import assert from 'node:assert/strict';
import { createMelipayamakProvider } from '../../../src/sms/providers/melipayamak.ts';
import { startFakeMelipayamak, type FakeMelipayamak, type MelipayamakScenario } from '../fake-melipayamak.ts';
import {
  CODE,
  PASSWORD,
  WRONG_PASSWORD,
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
  BOTH_NUMBERS,
  national,
} from './common.ts';

export function melipayamak(): Harness {
  let fake: FakeMelipayamak;
  const build = (timeoutMs = 2000, baseUrl = fake.url, password = PASSWORD) =>
    createMelipayamakProvider({ username: 'shop', password, from: '50004001', baseUrl, timeoutMs });
  const answering = (scenario: MelipayamakScenario) => () => (fake.answerNext(scenario), build());
  const wrongPassword = () => build(2000, fake.url, WRONG_PASSWORD);
  const returning = (Value: string | null, RetStatus: number) =>
    answering({ status: 200, body: JSON.stringify({ Value, RetStatus }) });
  const approved = templated('112233');
  const oneArg = templated('112233', ARGS.slice(0, 1));
  const onTemplate = sending(approved);
  const onStatus = statusOf('5082938271652');
  const noReports = () => (fake.setDelivery('5082938271652', null), build());
  return {
    name: 'melipayamak',
    start: async () =>
      void (fake = await startFakeMelipayamak({ username: 'shop', password: PASSWORD, templates: { '112233': 2 } })),
    close: () => fake.close(),
    provider: (timeoutMs, url) => build(timeoutMs, url),
    lastReceipt: () => (fake.recIds.length ? { messageId: fake.recIds.at(-1)! } : null),
    numbers: BOTH_NUMBERS,
    assertReceived(sent) {
      const request = fake.requests.at(-1);
      assert.equal(request?.path, '/api/SendSMS/SendSMS');
      assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded; charset=UTF-8');
      const form = { username: 'shop', password: PASSWORD, to: national(sent.to), from: '50004001' };
      assert.deepEqual(request.fields, { ...form, text: sent.text, isFlash: 'false' });
    },
    template: {
      message: approved,
      assertReceived() {
        const request = fake.requests.at(-1);
        assert.equal(request?.path, '/api/SendSMS/BaseServiceNumber');
        const form = { username: 'shop', password: PASSWORD, to: NATIONAL, bodyId: '112233' };
        assert.deepEqual(request.fields, { ...form, text: `${CODE};2` });
      },
    },
    // Value is the recId after a send and the delivery code after GetDeliveries2.
    answerWith: ({ id, state }) =>
      fake.answerNext({ status: 200, body: JSON.stringify({ Value: id ?? state, RetStatus: 1, StrRetStatus: 'Ok' }) }),
    failNext: (how) => fake.answerNext(how === 'hang' ? 'hang' : 'http-500'),
    failures: [
      rejected('wrong credentials', wrongPassword, '0', 'account'),
      rejected('no credit', answering('no-credit'), '2', 'account'),
      rejected('a recipient on the advertising blacklist', answering('blacklist'), '35', 'recipient'),
      // 11 and 19 have readings about the recipient and about the account: neither side counts them.
      rejected('an "Ok" envelope with an error code in Value', answering('ok-envelope-error'), '11', 'unknown'),
      rejected('no Value, the code in RetStatus', returning(null, 19), '19', 'unknown'),
      // 18 is "invalid recipient" in one map and "in send queue" in another: this message either way, and
      // under the second reading it may go out.
      { ...rejected('code 18, invalid recipient or queued', returning('18', 0), '18', 'recipient'), mayHaveSent: true },
      rejected('a Value too short for a recId', returning('999', 1), '999', 'unknown'),
      transport('a body that is not JSON', answering('malformed'), 'BAD_RESPONSE'),
      rejected('a template with wrong credentials', wrongPassword, '0', 'account', onTemplate),
      rejected('a template that is not approved (-4)', build, '-4', 'account', sending(templated('404404'))),
      rejected('variables that do not fit the template (-5)', build, '-5', 'account', sending(oneArg)),
      rejected('the shared line disabled (-1)', answering('shared-line-disabled'), '-1', 'account', onTemplate),
      rejected('more than one number (-2)', returning('-2', 0), '-2', 'unknown', onTemplate),
      rejected('a variable with a link (-10)', returning('-10', 0), '-10', 'content', onTemplate),
      transport('an internal error on the shared line (-6)', answering('internal-error'), '-6', onTemplate),
      rejected('delivery reports disabled (null Value)', noReports, 'DELIVERY_REPORTS_DISABLED', 'account', onStatus),
      rejected('delivery for a recId it never issued (-1)', build, '-1', 'unknown', statusOf('1111111111111')),
      rejected('delivery with wrong credentials (-3)', wrongPassword, '-3', 'account', onStatus),
      transport('a delivery answer that is not JSON', answering('malformed'), 'BAD_RESPONSE', onStatus),
      rejected('credit with wrong credentials ("NULL")', wrongPassword, 'NULL', 'account', creditOf),
      rejected('credit refused with a code', returning('12', 12), '12', 'account', creditOf),
    ],
    delivery: {
      async sentWith(code) {
        const { messageId } = await build().send(MESSAGE);
        fake.setDelivery(messageId!, code);
        return messageId!;
      },
      cases: [
        [1, DELIVERED],
        ...[2, 16].map((code) => [code, UNDELIVERED] as const),
        ...[35, 300, 500].map((code) => [code, FAILED] as const),
        ...[0, 3, 5, 8, 100, 200, 400, 77].map((code) => [code, PENDING] as const),
      ],
    },
    credit: { set: (amount) => fake.setCredit(amount), unit: 'sms' },
    quirks: [
      {
        title: 'a ";" inside a template value becomes the Persian comma, so the variables still line up',
        async run() {
          await build().send(templated('112233', [{ name: 'name', value: 'Ali;Reza' }, ARGS[0]!]));
          assert.equal(fake.requests.at(-1)?.fields.text, `Ali،Reza;${CODE}`);
        },
      },
    ],
  };
}
