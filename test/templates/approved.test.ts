import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import type { FakeKavenegar } from '../helpers/fake-kavenegar.ts';
import type { FakeMelipayamak } from '../helpers/fake-melipayamak.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { startProviderFakes, type ProviderFakes } from '../helpers/sms-fakes.ts';
import { adminHeaders, filled, LOGIN_EN, LOGIN_FA, putTemplate } from './helpers.ts';

const WEBOTP = 'shop.example';

/**
 * Melipayamak then Kavenegar, each with templates approved on its side: a provider that approved the
 * message's template gets its template call, the other gets the rendered text.
 */
forEachDatabase('approved provider templates', (backend) => {
  let fakes: ProviderFakes;
  let melipayamak: FakeMelipayamak;
  let kavenegar: FakeKavenegar;
  let t: TestApp;

  before(async () => {
    fakes = await startProviderFakes({ melipayamak: { '112233': 2 }, kavenegar: ['otp-login-en'] });
    ({ melipayamak, kavenegar } = fakes);
    t = await startTestApp(backend, {
      env: { ...fakes.env(['melipayamak', 'kavenegar']), WEBOTP_DOMAIN: WEBOTP },
    });
    const admin = await adminHeaders(t, ['templates:write']);
    const fa = await putTemplate(
      t,
      'otp_login',
      'fa',
      {
        body: filled(LOGIN_FA, '{code}', '{minutes}'),
        approved: { melipayamak: { id: '112233', args: ['code', 'minutes'] } },
      },
      admin,
    );
    assert.equal(fa.status, 200, JSON.stringify(fa.body));
    const en = await putTemplate(
      t,
      'otp_login',
      'en',
      {
        body: filled(LOGIN_EN, '{code}', '{minutes}'),
        approved: { kavenegar: { id: 'otp-login-en', args: ['code'] } },
      },
      admin,
    );
    assert.equal(en.status, 200, JSON.stringify(en.body));
  });
  after(async () => {
    await t?.close();
    await fakes?.close();
  });

  it('Melipayamak, which approved the Persian template, gets the shared-line call with the values in order', async () => {
    const phone = mobile(9001);
    assert.equal((await requestCode(t, phone)).status, 200);
    const [request, ...more] = melipayamak.requests;
    assert.equal(more.length, 0);
    assert.equal(request?.path, '/api/SendSMS/BaseServiceNumber');
    assert.equal(request?.fields.bodyId, '112233');
    assert.match(request?.fields.text ?? '', /^\d{6};5$/);
    assert.equal(kavenegar.requests.length, 0);
  });

  it('Kavenegar, which did not approve it, gets the rendered text with the WebOTP line last on failover', async () => {
    const phone = mobile(9002);
    melipayamak.answerNext('http-500');
    assert.equal((await requestCode(t, phone)).status, 200);
    assert.equal(melipayamak.requests.at(-1)?.path, '/api/SendSMS/BaseServiceNumber');
    const sent = kavenegar.requests.at(-1);
    assert.equal(sent?.call, 'sms/send');
    const code = /\d{6}/.exec(sent?.fields.message ?? '')?.[0] ?? '';
    assert.equal(sent?.fields.message, `${filled(LOGIN_FA, code)}\n\n@${WEBOTP} #${code}`);
    assert.equal(sent?.fields.template, undefined);
  });

  it("each provider gets its own approval: the English message is text at Melipayamak, Kavenegar's lookup after", async () => {
    const phone = mobile(9003);
    const before = melipayamak.requests.length;
    melipayamak.answerNext('http-500');
    const answer = await requestCode(t, phone, { headers: { 'accept-language': 'en' } });
    assert.equal(answer.status, 200, answer.raw);
    const tried = melipayamak.requests.slice(before);
    assert.deepEqual(
      tried.map((r) => r.path),
      ['/api/SendSMS/SendSMS'],
    );
    assert.match(tried[0]?.fields.text ?? '', /^Your sign-in code: \d{6}\n/);
    const lookup = kavenegar.requests.at(-1);
    assert.equal(lookup?.call, 'verify/lookup');
    assert.equal(lookup?.fields.template, 'otp-login-en');
    assert.match(lookup?.fields.token ?? '', /^\d{6}$/);
    assert.equal(lookup?.fields.token2, undefined);
    assert.equal(kavenegar.issued.length, 2, 'the lookup was accepted');
  });
});
