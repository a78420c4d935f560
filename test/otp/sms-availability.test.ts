import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { countRows, mobile, requestCode, verifyCode, withApp } from '../helpers/otp-flow.ts';
import { detailedHealth } from '../helpers/health.ts';

const PRODUCTION = { NODE_ENV: 'production' } as const;
/** The test app names the webhook provider; an empty value is unset, as in an `.env` file. */
const NO_PROVIDER = { SMS_PROVIDER: '' } as const;

const smsHealth = async (t: TestApp) => {
  const health = await detailedHealth(t);
  assert.equal(health.status, 200);
  return health.body.sms;
};

/** The code the console fallback wrote to its log line for the last message. */
function loggedCode(t: TestApp): string {
  const lines = t.logs.lines.map((line) => JSON.parse(line) as { msg?: string; code?: string });
  const code = lines.filter((line) => line.msg === 'development SMS fallback: message not sent').at(-1)?.code;
  assert.match(code ?? '', /^\d{6}$/, 'no code in the fallback log line');
  return code!;
}

forEachDatabase('SMS availability', (backend) => {
  describe('in production without a provider', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { ...PRODUCTION, ...NO_PROVIDER } });
    });
    after(() => t?.close());

    it('refuses code requests: 503 "SMS service not available", nothing sent, logged or kept', async () => {
      for (let i = 0; i < 2; i++) {
        // The second answer is the same: a refused request holds back no limit.
        const answer = await requestCode(t, mobile(6001));
        assert.equal(answer.status, 503);
        assert.deepEqual(answer.body, { success: false, message: 'SMS service not available', code: 'SMS_FAILED' });
      }
      assert.equal(t.sink.requests.length, 0);
      assert.equal(await countRows(t, 'sms_logs'), 0);
      assert.equal(await countRows(t, 'otp_codes'), 0);
      assert.doesNotMatch(t.logs.text(), /development SMS fallback/);
    });

    it('reports in health that SMS is neither configured nor available', async () => {
      assert.deepEqual(await smsHealth(t), {
        enabled: true,
        configured: false,
        available: false,
        provider: 'console',
        mode: 'development',
        providers: [
          { name: 'console', configured: false, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
        ],
        test_numbers: 0,
      });
    });
  });

  it('serves production from the console fallback with SMS_DEV_FALLBACK=true, the code in the log', async () => {
    await withApp(backend, { ...PRODUCTION, ...NO_PROVIDER, SMS_DEV_FALLBACK: 'true' }, async (t) => {
      const phone = mobile(6002);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal((await verifyCode(t, phone, loggedCode(t))).status, 200);
      assert.deepEqual(await smsHealth(t), {
        enabled: true,
        configured: false,
        available: true,
        provider: 'console',
        mode: 'development',
        providers: [
          { name: 'console', configured: false, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
        ],
        test_numbers: 0,
      });
    });
  });

  it('forces the console fallback with SMS_ENABLED=false even though a webhook is set up', async () => {
    await withApp(backend, { SMS_ENABLED: 'false' }, async (t) => {
      assert.equal(t.config.sms.webhook.url, t.sink.url);
      const phone = mobile(6003);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(t.sink.requests.length, 0);
      assert.equal((await verifyCode(t, phone, loggedCode(t))).status, 200);
      assert.deepEqual(await smsHealth(t), {
        enabled: false,
        configured: false,
        available: true,
        provider: 'console',
        mode: 'development',
        providers: [
          { name: 'console', configured: false, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
        ],
        test_numbers: 0,
      });
    });
  });

  it('refuses code requests in production when SMS_ENABLED=false forces the fallback', async () => {
    await withApp(backend, { ...PRODUCTION, SMS_ENABLED: 'false' }, async (t) => {
      const answer = await requestCode(t, mobile(6004));
      assert.equal(answer.status, 503);
      assert.equal(answer.body.message, 'SMS service not available');
      assert.equal(t.sink.requests.length, 0);
    });
  });

  it('sends through the webhook in production and reports it configured, available and live', async () => {
    // Production needs the webhook signed (SMS_WEBHOOK_SECRET).
    await withApp(backend, { ...PRODUCTION, SMS_WEBHOOK_SECRET: 'webhook-secret-of-24-chars' }, async (t) => {
      const phone = mobile(6005);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(t.sink.messagesTo(phone).length, 1);
      assert.deepEqual(await smsHealth(t), {
        enabled: true,
        configured: true,
        available: true,
        provider: 'webhook',
        mode: 'live',
        providers: [
          { name: 'webhook', configured: true, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
        ],
        test_numbers: 0,
      });
    });
  });
});
