import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { startFakeMelipayamak, type FakeMelipayamak } from '../helpers/fake-melipayamak.ts';
import { detailedHealth } from '../helpers/health.ts';

const PHONE = '+989121112233';
const CREDENTIALS = { username: 'shop', password: 'panel-password' };

/** The whole service configured for Melipayamak the way an operator would, against the local fake. */
forEachDatabase('sign-in through Melipayamak', (backend) => {
  let melipayamak: FakeMelipayamak;
  let t: TestApp;

  before(async () => {
    melipayamak = await startFakeMelipayamak(CREDENTIALS);
    t = await startTestApp(backend, {
      env: {
        SMS_PROVIDER: '',
        MELIPAYAMAK_USERNAME: CREDENTIALS.username,
        MELIPAYAMAK_PASSWORD: CREDENTIALS.password,
        SMS_SENDER_NUMBER: '50002710000000',
        MELIPAYAMAK_BASE_URL: melipayamak.url,
        SMS_TIMEOUT_MS: '400',
      },
    });
  });
  after(async () => {
    await t?.close();
    await melipayamak?.close();
  });

  it('is chosen when its three settings are present, and health says so', async () => {
    const health = await detailedHealth(t);
    assert.deepEqual(health.body.sms, {
      enabled: true,
      configured: true,
      available: true,
      provider: 'melipayamak',
      mode: 'live',
      providers: [
        { name: 'melipayamak', configured: true, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
      ],
      test_numbers: 0,
    });
  });

  it('delivers the code with the documented form fields and signs in with it', async () => {
    const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: PHONE });
    assert.equal(sent.status, 200);
    const request = melipayamak.requests.at(-1)!;
    assert.equal(request.path, '/api/SendSMS/SendSMS');
    assert.equal(request.fields.to, '09121112233');
    assert.equal(request.fields.from, '50002710000000');
    const code = /(\d{6})/.exec(request.fields.text ?? '')?.[1];
    assert.ok(code, 'the message text carries the code');

    const log = await t.database.db
      .selectFrom('sms_logs')
      .selectAll()
      .where('phone_number', '=', PHONE)
      .executeTakeFirstOrThrow();
    assert.equal(log.provider, 'melipayamak');
    assert.equal(log.status, 'sent');
    assert.equal(log.provider_message_id, melipayamak.recIds.at(-1));
    assert.ok(!log.text.includes(code), 'the stored text has the code masked');

    const verified = await t.post('/api/v1/otp/phone/login/verify', { phone_number: PHONE, code });
    assert.equal(verified.status, 200);
  });

  for (const [scenario, providerCode] of [
    ['blacklist', '35'],
    ['no-credit', '2'],
    ['http-500', 'HTTP_500'],
    ['hang', 'timeout'],
  ] as const) {
    it(`answers 503 SMS_FAILED when Melipayamak says ${scenario}, and logs its code ${providerCode}`, async () => {
      const phone = `+98912${String(1_000_000 + melipayamak.requests.length).slice(-7)}`;
      melipayamak.answerNext(scenario);
      const started = Date.now();
      const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
      assert.equal(sent.status, 503);
      assert.equal(sent.body.code, 'SMS_FAILED');
      assert.ok(Date.now() - started < 2000, 'a hang is cut off by SMS_TIMEOUT_MS');
      const log = await t.database.db
        .selectFrom('sms_logs')
        .selectAll()
        .where('phone_number', '=', phone)
        .executeTakeFirstOrThrow();
      assert.equal(log.status, 'failed');
      assert.equal(log.error_code, providerCode);
    });
  }
});
