import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const TOKEN = '123456:AAE-bot-Qz81Vw';
const SECRET = 'w'.repeat(40);
const PRODUCTION = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.ok(!error.message.includes('Qz81Vw') && !error.message.includes(SECRET), error.message);
    return error.message;
  }
  return assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('Telegram bot configuration', () => {
  it('no token, no bot', () => {
    assert.equal(loadConfig({}).telegram.bot, null);
  });

  it('how updates arrive when TELEGRAM_UPDATES is unset: polling in development, nothing in tests', () => {
    const development = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }).telegram.bot;
    assert.deepEqual(development, {
      token: TOKEN,
      apiRoot: 'https://api.telegram.org',
      updates: 'polling',
      webhookSecret: null,
      codeTimeoutMs: 3000,
      discloseCodeChannel: false,
    });
    assert.equal(loadConfig({ NODE_ENV: 'test', TELEGRAM_BOT_TOKEN: TOKEN }).telegram.bot?.updates, 'off');
  });

  it('production takes the webhook when its secret is set, and otherwise leaves updates off', () => {
    const withSecret = loadConfig({ ...PRODUCTION, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET });
    assert.equal(withSecret.telegram.bot?.updates, 'webhook');
    assert.equal(withSecret.telegram.bot?.webhookSecret, SECRET);
    assert.equal(loadConfig({ ...PRODUCTION, TELEGRAM_BOT_TOKEN: TOKEN }).telegram.bot?.updates, 'off');
  });

  it('a webhook without its secret would take updates from anyone: refused at start', () => {
    assert.match(
      refusal({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_UPDATES: 'webhook' }),
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET: expected set when the bot takes updates by webhook/,
    );
    assert.match(
      refusal({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'short' }),
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET: expected 32 to 256 characters/,
    );
  });

  it('TELEGRAM_API_ROOT: https in production unless it is this machine, never a trailing /', () => {
    const env = { ...PRODUCTION, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_UPDATES: 'polling' };
    assert.match(
      refusal({ ...env, TELEGRAM_API_ROOT: 'http://relay.example.com' }),
      /^Invalid configuration: TELEGRAM_API_ROOT: expected an https:\/\/ URL in production/,
    );
    assert.equal(
      loadConfig({ ...env, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' }).telegram.bot?.apiRoot,
      'http://127.0.0.1:8081',
    );
    assert.match(
      refusal({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'https://relay.example.com/' }),
      /TELEGRAM_API_ROOT/,
    );
  });

  it('TELEGRAM_CODE_TIMEOUT_MS leaves the SMS after it a whole call within SMS_OTP_DEADLINE_MS', () => {
    const sms = { SMS_OTP_DEADLINE_MS: '6000', SMS_TIMEOUT_MS: '2000' };
    const env = { ...sms, TELEGRAM_BOT_TOKEN: TOKEN };
    assert.equal(loadConfig({ ...env, TELEGRAM_CODE_TIMEOUT_MS: '4000' }).telegram.bot?.codeTimeoutMs, 4000);
    assert.match(
      refusal({ ...env, TELEGRAM_CODE_TIMEOUT_MS: '4001' }),
      /^Invalid configuration: TELEGRAM_CODE_TIMEOUT_MS: expected at most SMS_OTP_DEADLINE_MS minus SMS_TIMEOUT_MS \(4000\)/,
    );
    // Without the bot the setting has nothing to say.
    assert.equal(loadConfig({ ...sms, TELEGRAM_CODE_TIMEOUT_MS: '9000' }).telegram.bot, null);
  });
});
