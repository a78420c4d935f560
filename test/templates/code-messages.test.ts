import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { CHANGE_EN, filled, lastLogOf, LOGIN_EN, LOGIN_FA } from './helpers.ts';

const WEBOTP = 'shop.example';

forEachDatabase('the locale of code messages', (backend) => {
  let t: TestApp;
  before(async () => {
    // One code per number per second, so that a test can ask the same number twice (the limits run on real time).
    t = await startTestApp(backend, { env: { WEBOTP_DOMAIN: WEBOTP, OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  /** The text the provider was handed for the last message to `phone`, and the code in it. */
  const delivered = (phone: string) => {
    const message = t.sink.messagesTo(phone).at(-1)?.message;
    assert.ok(message, `nothing was sent to ${phone}`);
    return { text: message.text, code: message.params.code! };
  };
  const withWebOtp = (text: string, code: string) => `${text}\n\n@${WEBOTP} #${code}`;

  it('sends the English sign-in code when Accept-Language prefers English, WebOTP line last', async () => {
    const phone = mobile(8001);
    const answer = await requestCode(t, phone, { headers: { 'accept-language': 'en-GB,en;q=0.9,fa;q=0.8' } });
    assert.equal(answer.status, 200, answer.raw);
    const { text, code } = delivered(phone);
    assert.equal(text, withWebOtp(filled(LOGIN_EN, code), code));
    assert.equal(text.split('\n').at(-1), `@${WEBOTP} #${code}`);
    const log = await lastLogOf(t, phone);
    assert.deepEqual(log, {
      locale: 'en',
      template: 'otp_login',
      text: withWebOtp(filled(LOGIN_EN, '******'), '******'),
    });
  });

  it('sends Persian, byte for byte as before templates, without a header or for a language with no template', async () => {
    for (const [n, headers] of [
      [8002, {}],
      [8003, { 'accept-language': 'de-DE,de;q=0.9' }],
    ] as const) {
      const phone = mobile(n);
      assert.equal((await requestCode(t, phone, { headers })).status, 200);
      const { text, code } = delivered(phone);
      assert.equal(text, withWebOtp(filled(LOGIN_FA, code), code));
      assert.equal((await lastLogOf(t, phone)).locale, 'fa');
    }
  });

  it("uses the user's stored locale when the request has no Accept-Language, and the header over it", async () => {
    const user = await signIn(t, mobile(8004));
    const stored = await t.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { locale: 'en' },
      headers: bearer(user.accessToken),
    });
    assert.equal(stored.statusCode, 200, stored.body);
    assert.equal(stored.json().user.locale, 'en');
    assert.equal((await t.get('/api/v1/auth/me', bearer(user.accessToken))).body.user.locale, 'en');

    await setTimeout(1100);
    assert.equal((await requestCode(t, user.phone)).status, 200);
    const english = delivered(user.phone);
    assert.equal(english.text, withWebOtp(filled(LOGIN_EN, english.code), english.code));

    await setTimeout(1100);
    assert.equal((await requestCode(t, user.phone, { headers: { 'accept-language': 'fa' } })).status, 200);
    const persian = delivered(user.phone);
    assert.equal(persian.text, withWebOtp(filled(LOGIN_FA, persian.code), persian.code));
  });

  it("sends a phone-change code in the signed-in user's stored locale", async () => {
    const user = await signIn(t, mobile(8005));
    const headers = bearer(user.accessToken);
    const set = await t.inject({ method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'en' }, headers });
    assert.equal(set.statusCode, 200);
    const target = mobile(8006);
    const answer = await t.post('/api/v1/otp/phone/change/request', { phone_number: target }, headers);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { text, code } = delivered(target);
    assert.equal(text, withWebOtp(filled(CHANGE_EN, code), code));
  });

  it('takes a language tag as browsers send it (en-US, fa-IR, fa_IR, EN) and stores its language', async () => {
    const user = await signIn(t, mobile(8008));
    const patch = (locale: string) =>
      t.inject({ method: 'PATCH', url: '/api/v1/auth/me', payload: { locale }, headers: bearer(user.accessToken) });
    for (const [tag, stored] of [
      ['en-US', 'en'],
      ['fa-IR', 'fa'],
      ['en_GB', 'en'],
      ['fa_IR', 'fa'],
      ['EN', 'en'],
      ['zh-Hant-TW', 'zh'],
      ['ckb-IQ', 'ckb'],
    ]) {
      const answer = await patch(tag!);
      assert.equal(answer.statusCode, 200, `${tag}: ${answer.body}`);
      assert.equal(answer.json().user.locale, stored, tag);
      assert.equal((await t.get('/api/v1/auth/me', bearer(user.accessToken))).body.user.locale, stored, tag);
    }
    // What is stored is what the templates are kept under: en-US picks the English code message.
    assert.equal((await patch('en-US')).statusCode, 200);
    await setTimeout(1100);
    assert.equal((await requestCode(t, user.phone)).status, 200);
    const english = delivered(user.phone);
    assert.equal(english.text, withWebOtp(filled(LOGIN_EN, english.code), english.code));
  });

  it('clears a stored locale with null and refuses one that is not a language code', async () => {
    const user = await signIn(t, mobile(8007));
    const patch = (payload: object, headers: Record<string, string> = bearer(user.accessToken)) =>
      t.inject({ method: 'PATCH', url: '/api/v1/auth/me', payload, headers });
    assert.equal((await patch({ locale: 'en' })).statusCode, 200);
    const cleared = await patch({ locale: null });
    assert.deepEqual([cleared.statusCode, cleared.json().user.locale], [200, null]);
    for (const bad of [
      { locale: 'english' },
      { locale: 'e' },
      { locale: 'en-' },
      { locale: 'en US' },
      { locale: 3 },
      {},
    ]) {
      const refused = await patch(bad);
      assert.deepEqual([refused.statusCode, refused.json().code], [400, 'VALIDATION_ERROR'], JSON.stringify(bad));
    }
    const anonymous = await patch({ locale: 'en' }, {});
    assert.deepEqual([anonymous.statusCode, anonymous.json().code], [401, 'UNAUTHORIZED']);
  });
});
