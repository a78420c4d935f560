import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { errorBody, mobile, requestCode, verifyCode, withApp } from '../helpers/otp-flow.ts';
import { smsLogsOf } from '../helpers/sms-fakes.ts';
import { detailedHealth } from '../helpers/health.ts';

const TEST_NUMBER = '+989000000001';
const TEST_CODE = '123456';
/** Written as people type it; stored and matched as +989000000002. */
const SECOND = { typed: '0900 000 0002', e164: '+989000000002', code: '654321' };
const TEST_NUMBERS = `${TEST_NUMBER}:${TEST_CODE},${SECOND.typed}:${SECOND.code}`;

forEachDatabase('test numbers', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { SMS_TEST_NUMBERS: TEST_NUMBERS, OTP_MAX_ATTEMPTS: '3' } });
  });
  after(() => t?.close());

  it('get no SMS: no provider is called, and the log has one row from provider "test" with the code masked', async () => {
    const answer = await requestCode(t, TEST_NUMBER);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.expires_in, t.config.otp.ttlSeconds);
    assert.equal(t.sink.requests.length, 0);
    assert.deepEqual(await smsLogsOf(t, TEST_NUMBER), [
      { provider: 'test', status: 'sent', attempts: 0, error_code: null, provider_message_id: null },
    ]);
    const { text } = await t.database.db
      .selectFrom('sms_logs')
      .select('text')
      .where('phone_number', '=', TEST_NUMBER)
      .executeTakeFirstOrThrow();
    assert.ok(text.includes('******') && !text.includes(TEST_CODE), text);
  });

  it('sign in with the listed code', async () => {
    const verified = await verifyCode(t, TEST_NUMBER, TEST_CODE);
    assert.equal(verified.status, 200);
    assert.equal(verified.body.user.phone_number, TEST_NUMBER);
  });

  it('keep every other rule: one use, the resend limit, the attempts', async () => {
    assert.deepEqual((await verifyCode(t, TEST_NUMBER, TEST_CODE)).body, errorBody('OTP_EXPIRED'), 'used once');
    assert.equal((await requestCode(t, TEST_NUMBER)).body.code, 'RATE_LIMITED', 'OTP_RESEND_SECONDS holds');

    assert.equal((await requestCode(t, SECOND.e164)).status, 200);
    for (const left of [2, 1, 0]) {
      const wrong = await verifyCode(t, SECOND.e164, '111111');
      assert.deepEqual(wrong.body, errorBody('OTP_INVALID', { attempts_left: left }));
    }
    assert.deepEqual((await verifyCode(t, SECOND.e164, SECOND.code)).body, errorBody('OTP_ATTEMPTS_EXCEEDED'));
    assert.equal(t.sink.requests.length, 0);
  });

  it('expire like any code', async () => {
    const expiring = await startTestApp(backend, { env: { SMS_TEST_NUMBERS: TEST_NUMBERS } });
    try {
      assert.equal((await requestCode(expiring, TEST_NUMBER)).status, 200);
      expiring.clock.advance(expiring.config.otp.ttlSeconds * 1000);
      assert.deepEqual((await verifyCode(expiring, TEST_NUMBER, TEST_CODE)).body, errorBody('OTP_EXPIRED'));
    } finally {
      await expiring.close();
    }
  });

  it('change nothing for other numbers, which get a random code by SMS', async () => {
    const other = mobile(7301);
    assert.equal((await requestCode(t, other)).status, 200);
    assert.equal(t.sink.messagesTo(other).length, 1);
    assert.deepEqual(
      (await smsLogsOf(t, other)).map(({ provider, attempts }) => ({ provider, attempts })),
      [{ provider: 'webhook', attempts: 1 }],
    );
  });

  it('are counted in health', async () => {
    const health = await detailedHealth(t);
    assert.equal(health.body.sms.test_numbers, 2);
  });

  it('work in production when allowed, even where no provider could send', async () => {
    const env = {
      NODE_ENV: 'production',
      SMS_PROVIDER: '',
      SMS_TEST_NUMBERS: TEST_NUMBERS,
      SMS_TEST_NUMBERS_IN_PRODUCTION: 'true',
    };
    await withApp(backend, env, async (production) => {
      assert.equal((await requestCode(production, TEST_NUMBER)).status, 200);
      assert.equal((await verifyCode(production, TEST_NUMBER, TEST_CODE)).status, 200);
      const refused = await requestCode(production, mobile(7302));
      assert.equal(refused.status, 503);
      assert.equal(refused.body.message, 'SMS service not available');
    });
  });
});
