import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const TOKEN = 'AAGw-token-Hs62Kp';
const KAVENEGAR = { KAVENEGAR_API_KEY: 'kn-secret-Pz41Xq' };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.ok(!error.message.includes('Hs62Kp'), `"${error.message}" leaks the token`);
    return error.message;
  }
  return assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('Telegram Gateway configuration', () => {
  it('takes its place in SMS_PROVIDERS like any provider, with its token and the default API', () => {
    const config = loadConfig({
      ...KAVENEGAR,
      SMS_PROVIDERS: 'telegram_gateway,kavenegar',
      TELEGRAM_GATEWAY_TOKEN: TOKEN,
    });
    assert.deepEqual(config.sms.providers, ['telegram_gateway', 'kavenegar']);
    assert.deepEqual(config.sms.telegramGateway, {
      token: TOKEN,
      baseUrl: 'https://gatewayapi.telegram.org',
      callbackUrl: undefined,
    });
  });

  it('is never picked without being named: a token alone changes nothing', () => {
    assert.deepEqual(loadConfig({ ...KAVENEGAR, TELEGRAM_GATEWAY_TOKEN: TOKEN }).sms.providers, ['kavenegar']);
  });

  it('listed without TELEGRAM_GATEWAY_TOKEN, the start stops and names it', () => {
    assert.match(
      refusal({ SMS_PROVIDERS: 'telegram_gateway,kavenegar', ...KAVENEGAR }),
      /^Invalid configuration: SMS_PROVIDERS: .*telegram_gateway needs TELEGRAM_GATEWAY_TOKEN.*TELEGRAM_GATEWAY_TOKEN is not set/,
    );
  });

  it('a token with a space in it is refused without being shown', () => {
    const message = refusal({ TELEGRAM_GATEWAY_TOKEN: `AAGw ${TOKEN}` });
    assert.match(
      message,
      /^Invalid configuration: TELEGRAM_GATEWAY_TOKEN: expected .*; got a value of \d+ characters$/,
    );
  });

  it('reports come back to PUBLIC_URL, and only when it is https (Telegram calls nothing else)', () => {
    const env = { SMS_PROVIDER: 'telegram_gateway', TELEGRAM_GATEWAY_TOKEN: TOKEN };
    const callback = (publicUrl: string) =>
      loadConfig({ ...env, PUBLIC_URL: publicUrl }).sms.telegramGateway.callbackUrl;
    assert.equal(callback('https://auth.example.com/'), 'https://auth.example.com/api/v1/telegram/gateway/report');
    assert.equal(callback('https://example.com/auth'), 'https://example.com/auth/api/v1/telegram/gateway/report');
    assert.equal(callback('http://auth.example.com'), undefined);
  });

  it('OTP_LENGTH above the 8 digits the Gateway takes stops the start, only when it is listed', () => {
    const env = { SMS_PROVIDER: 'telegram_gateway', TELEGRAM_GATEWAY_TOKEN: TOKEN };
    assert.match(
      refusal({ ...env, OTP_LENGTH: '9' }),
      /^Invalid configuration: OTP_LENGTH: expected at most 8 digits while telegram_gateway is listed; got "9"/,
    );
    assert.equal(loadConfig({ ...env, OTP_LENGTH: '8' }).otp.length, 8);
    assert.equal(loadConfig({ ...KAVENEGAR, TELEGRAM_GATEWAY_TOKEN: TOKEN, OTP_LENGTH: '9' }).otp.length, 9);
  });

  it('TELEGRAM_GATEWAY_BASE_URL must be https in production unless it is this machine', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };
    const env = { ...production, SMS_PROVIDER: 'telegram_gateway', TELEGRAM_GATEWAY_TOKEN: TOKEN };
    assert.match(
      refusal({ ...env, TELEGRAM_GATEWAY_BASE_URL: 'http://gateway.example.com' }),
      /^Invalid configuration: TELEGRAM_GATEWAY_BASE_URL: expected an https:\/\/ URL in production/,
    );
    const local = loadConfig({ ...env, TELEGRAM_GATEWAY_BASE_URL: 'http://127.0.0.1:8081/' });
    assert.equal(local.sms.telegramGateway.baseUrl, 'http://127.0.0.1:8081');
  });
});
