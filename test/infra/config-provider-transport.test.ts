import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const PRODUCTION = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };
const WEBHOOK_SECRET = 'webhook-secret-Hq73Zr';
const URLS = ['MELIPAYAMAK_BASE_URL', 'KAVENEGAR_BASE_URL', 'SMSIR_BASE_URL', 'SMS_WEBHOOK_URL'];

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.doesNotMatch(error.message, /[\r\n]/);
    assert.ok(!error.message.includes(WEBHOOK_SECRET), 'the secret stays out');
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('provider transport in production', () => {
  for (const variable of URLS) {
    it(`${variable}: plain http:// to another host is refused, naming the variable`, () => {
      const message = refusal({
        ...PRODUCTION,
        SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        [variable]: 'http://sms.example.com/api',
      });
      assert.match(message, new RegExp(`^Invalid configuration: ${variable}: expected an https:// URL in production`));
      assert.match(message, /NODE_ENV=production/);
    });

    it(`${variable}: https:// anywhere, and http:// to this machine, are taken`, () => {
      for (const url of [
        'https://sms.example.com/api',
        'http://127.0.0.1:8080/sms',
        'http://127.3.4.5/sms',
        'http://localhost:9000/sms',
        'http://[::1]:9000/sms',
      ]) {
        assert.doesNotThrow(
          () => loadConfig({ ...PRODUCTION, SMS_WEBHOOK_SECRET: WEBHOOK_SECRET, [variable]: url }),
          url,
        );
      }
    });
  }

  it('hosts that only look local are not loopback', () => {
    for (const url of [
      'http://128.0.0.1/sms',
      'http://localhost.example.com/sms',
      'http://10.0.0.5/sms',
      'http://[::2]/sms',
    ]) {
      assert.match(refusal({ ...PRODUCTION, KAVENEGAR_BASE_URL: url }), /KAVENEGAR_BASE_URL: expected an https:/, url);
    }
  });

  it('outside production plain http:// is still taken (local fakes, staging)', () => {
    for (const NODE_ENV of ['development', 'test']) {
      assert.equal(
        loadConfig({ NODE_ENV, SMSIR_BASE_URL: 'http://sms.example.com' }).sms.smsir.baseUrl,
        'http://sms.example.com',
      );
    }
  });

  it('the webhook in production needs SMS_WEBHOOK_SECRET', () => {
    const env = { ...PRODUCTION, SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://gateway.example.com/sms' };
    assert.match(
      refusal(env),
      /^Invalid configuration: SMS_WEBHOOK_SECRET: expected .*required in production when the webhook provider is used/,
    );
    assert.deepEqual(loadConfig({ ...env, SMS_WEBHOOK_SECRET: WEBHOOK_SECRET }).sms.providers, ['webhook']);
    // Not when the webhook is only configured and not used, nor outside production.
    assert.doesNotThrow(() => loadConfig({ ...PRODUCTION, SMS_WEBHOOK_URL: 'https://gateway.example.com/sms' }));
    assert.doesNotThrow(() => loadConfig({ ...env, NODE_ENV: 'development' }));
  });

  it('a whsec_ secret must hold base64 after the prefix', () => {
    assert.match(
      refusal({ SMS_WEBHOOK_SECRET: 'whsec_not base64 at all!!' }),
      /^Invalid configuration: SMS_WEBHOOK_SECRET: expected whsec_ followed by base64.*got a value of 25 characters/,
    );
    assert.doesNotThrow(() => loadConfig({ SMS_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }));
  });
});
