import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const MELIPAYAMAK = { MELIPAYAMAK_USERNAME: 'shop', MELIPAYAMAK_PASSWORD: 'mp-pass-Lk28v', SMS_SENDER_NUMBER: '5000' };
const KAVENEGAR = { KAVENEGAR_API_KEY: 'kn-secret-Pz41Xq' };
const SMSIR = { SMSIR_API_KEY: 'smsir-secret-Wd93Ha', SMSIR_LINE_NUMBER: '30007732' };
const ALL = { ...MELIPAYAMAK, ...KAVENEGAR, ...SMSIR };
/** No refusal may contain any of these. */
const SECRETS = ['Lk28v', 'Pz41Xq', 'Wd93Ha', '123456', '654321'];
const PRODUCTION = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };

/** The one-line message `env` is refused with; it must name `variable` first and leak no secret. */
function refusal(env: Record<string, string>, variable: string): string {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(env)}, got ${String(caught)}`);
  const { message } = caught;
  assert.doesNotMatch(message, /[\r\n]/);
  assert.ok(message.startsWith(`Invalid configuration: ${variable}: `), `"${message}" names ${variable} first`);
  for (const secret of SECRETS) assert.ok(!message.includes(secret), `"${message}" leaks ${secret}`);
  return message;
}

const providers = (env: Record<string, string>) => loadConfig(env).sms.providers;

describe('SMS configuration', () => {
  describe('which providers, in which order', () => {
    it('SMS_PROVIDERS is taken in its order, and the first is `provider`', () => {
      const config = loadConfig({ ...ALL, SMS_PROVIDERS: 'smsir, melipayamak,kavenegar' });
      assert.deepEqual(config.sms.providers, ['smsir', 'melipayamak', 'kavenegar']);
      assert.equal(config.sms.provider, 'smsir');
    });

    it('SMS_PROVIDER is the one-provider form, for every provider', () => {
      assert.deepEqual(providers({ ...ALL, SMS_PROVIDER: 'kavenegar' }), ['kavenegar']);
      assert.deepEqual(providers({ ...ALL, SMS_PROVIDER: 'smsir' }), ['smsir']);
      assert.deepEqual(providers({ SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' }), ['webhook']);
    });

    it('unset, every provider whose settings are complete, in the order melipayamak, kavenegar, smsir', () => {
      assert.deepEqual(providers(ALL), ['melipayamak', 'kavenegar', 'smsir']);
      assert.deepEqual(providers({ ...SMSIR, ...KAVENEGAR }), ['kavenegar', 'smsir']);
      assert.deepEqual(providers({ ...SMSIR, ...MELIPAYAMAK }), ['melipayamak', 'smsir']);
      assert.deepEqual(providers({ ...SMSIR, SMSIR_LINE_NUMBER: '' }), ['console'], 'SMS.ir without its line');
      assert.deepEqual(providers({ SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' }), ['console'], 'never the webhook');
      assert.deepEqual(providers({}), ['console']);
    });

    it('SMS_ENABLED=false forces the console fallback, whatever is listed', () => {
      assert.deepEqual(providers({ ...ALL, SMS_ENABLED: 'false', SMS_PROVIDERS: 'kavenegar,smsir' }), ['console']);
    });

    it('refuses SMS_PROVIDER and SMS_PROVIDERS together', () => {
      const message = refusal({ ...ALL, SMS_PROVIDER: 'kavenegar', SMS_PROVIDERS: 'kavenegar,smsir' }, 'SMS_PROVIDERS');
      assert.match(message, /either SMS_PROVIDER .* or SMS_PROVIDERS .*, not both/);
    });

    it('refuses a listed provider without its settings, naming what it needs and never the keys', () => {
      const cases: ReadonlyArray<readonly [Record<string, string>, string, RegExp]> = [
        [
          { ...MELIPAYAMAK, SMS_PROVIDERS: 'melipayamak,kavenegar' },
          'SMS_PROVIDERS',
          /kavenegar needs KAVENEGAR_API_KEY\); got .* \(KAVENEGAR_API_KEY is not set\)$/,
        ],
        [
          { ...ALL, SMSIR_LINE_NUMBER: '', SMS_PROVIDERS: 'kavenegar,smsir' },
          'SMS_PROVIDERS',
          /smsir needs SMSIR_API_KEY and SMSIR_LINE_NUMBER\); got .* \(SMSIR_LINE_NUMBER is not set\)$/,
        ],
        [
          { ...KAVENEGAR, SMS_PROVIDERS: 'kavenegar,melipayamak' },
          'SMS_PROVIDERS',
          /melipayamak needs MELIPAYAMAK_USERNAME, MELIPAYAMAK_PASSWORD and SMS_SENDER_NUMBER\)/,
        ],
        [
          { ...SMSIR, SMS_PROVIDER: 'kavenegar' },
          'SMS_PROVIDER',
          /kavenegar needs KAVENEGAR_API_KEY\); got .* \(KAVENEGAR_API_KEY is not set\)$/,
        ],
        [
          { ...ALL, SMS_PROVIDERS: 'kavenegar,webhook' },
          'SMS_PROVIDERS',
          /webhook needs SMS_WEBHOOK_URL\); got .* \(SMS_WEBHOOK_URL is not set\)$/,
        ],
      ];
      for (const [env, variable, expected] of cases) assert.match(refusal(env, variable), expected);
    });

    it('refuses a name it does not know, a name listed twice, and the console fallback among others', () => {
      assert.match(refusal({ SMS_PROVIDERS: 'kavenegar,twilio' }, 'SMS_PROVIDERS'), /"kavenegar,twilio"/);
      assert.match(refusal({ SMS_PROVIDERS: 'kavenegar,' }, 'SMS_PROVIDERS'), /"kavenegar,"/);
      assert.match(
        refusal({ ...ALL, SMS_PROVIDERS: 'kavenegar,smsir,kavenegar' }, 'SMS_PROVIDERS'),
        /; got "kavenegar,smsir,kavenegar" \(kavenegar is listed twice\)$/,
      );
      assert.match(
        refusal({ ...ALL, SMS_PROVIDERS: 'kavenegar,console' }, 'SMS_PROVIDERS'),
        /; got "kavenegar,console" \(console .* cannot be listed with other providers\)$/,
      );
      assert.deepEqual(providers({ SMS_PROVIDERS: 'console' }), ['console']);
    });
  });

  it('provider settings, with defaults; base URLs lose trailing slashes', () => {
    const { sms } = loadConfig({
      ...ALL,
      KAVENEGAR_SENDER: '10004346',
      KAVENEGAR_BASE_URL: 'http://127.0.0.1:8081/',
    });
    assert.deepEqual(sms.kavenegar, {
      apiKey: KAVENEGAR.KAVENEGAR_API_KEY,
      sender: '10004346',
      baseUrl: 'http://127.0.0.1:8081',
    });
    assert.deepEqual(sms.smsir, { apiKey: SMSIR.SMSIR_API_KEY, lineNumber: '30007732', baseUrl: 'https://api.sms.ir' });
    assert.equal(loadConfig({}).sms.kavenegar.baseUrl, 'https://api.kavenegar.com');
  });

  it('breaker and deadline settings, with defaults 5, 60 and 8000', () => {
    assert.deepEqual(loadConfig({}).sms.breaker, { failures: 5, cooldownSeconds: 60 });
    assert.equal(loadConfig({}).sms.otpDeadlineMs, 8000);
    const config = loadConfig({
      SMS_BREAKER_FAILURES: '2',
      SMS_BREAKER_COOLDOWN_SECONDS: '15',
      SMS_OTP_DEADLINE_MS: '3000',
    });
    assert.deepEqual(config.sms.breaker, { failures: 2, cooldownSeconds: 15 });
    assert.equal(config.sms.otpDeadlineMs, 3000);
  });

  describe('a bad value is refused with one line naming the variable and showing the value', () => {
    for (const [variable, value] of [
      ['SMS_BREAKER_FAILURES', '0'],
      ['SMS_BREAKER_COOLDOWN_SECONDS', '1.5'],
      ['SMS_OTP_DEADLINE_MS', '50'],
      ['SMS_TEST_NUMBERS_IN_PRODUCTION', 'yes'],
      ['KAVENEGAR_SENDER', 'my-line'],
      ['SMSIR_LINE_NUMBER', '3000x'],
      ['KAVENEGAR_BASE_URL', 'api.kavenegar.com'],
      ['SMSIR_BASE_URL', 'ftp://api.sms.ir'],
      ['SMS_PROVIDER', 'twilio'],
    ] as const) {
      it(`${variable}=${value}`, () => assert.ok(refusal({ [variable]: value }, variable).includes(value)));
    }
  });

  describe("the queue's connections and pace", () => {
    it('SMS_QUEUE_CONCURRENCY is refused above the 64 connections the queue may hold to a provider', () => {
      assert.equal(loadConfig({ SMS_QUEUE_CONCURRENCY: '64' }).sms.queue.concurrency, 64);
      for (const value of ['65', '150']) {
        assert.match(refusal({ SMS_QUEUE_CONCURRENCY: value }, 'SMS_QUEUE_CONCURRENCY'), /from 1 to 64/);
      }
    });

    it('SMS_QUEUE_RATE_PER_SECOND sets every provider, or each one named and a bare number the rest', () => {
      const rates = (value: string) => loadConfig({ SMS_QUEUE_RATE_PER_SECOND: value }).sms.queue.ratePerSecond;
      assert.deepEqual(rates('20'), {
        melipayamak: 20,
        kavenegar: 20,
        smsir: 20,
        webhook: 20,
        telegram_gateway: 20,
        console: 20,
      });
      assert.deepEqual(rates('melipayamak:20, kavenegar:10'), {
        melipayamak: 20,
        kavenegar: 10,
        smsir: 50,
        webhook: 50,
        telegram_gateway: 50,
        console: 50,
      });
      assert.deepEqual(rates('kavenegar:2.5,5'), {
        melipayamak: 5,
        kavenegar: 2.5,
        smsir: 5,
        webhook: 5,
        telegram_gateway: 5,
        console: 5,
      });
    });

    for (const [value, why] of [
      ['fast', /PROVIDER:NUMBER/],
      ['0', /0 is out of range/],
      ['twilio:5', /twilio is not a provider/],
      ['kavenegar:1,kavenegar:2', /kavenegar is listed twice/],
      ['5,6', /more than one rate without a provider/],
    ] as const) {
      it(`SMS_QUEUE_RATE_PER_SECOND=${value} is refused`, () => {
        assert.match(refusal({ SMS_QUEUE_RATE_PER_SECOND: value }, 'SMS_QUEUE_RATE_PER_SECOND'), why);
      });
    }
  });

  describe('SMS_TEST_NUMBERS', () => {
    it('parses each number as a code request would, keeping its code', () => {
      const config = loadConfig({ SMS_TEST_NUMBERS: '+989000000001:123456, ۰۹۰۰ ۰۰۰ ۰۰۰۲ : 654321' });
      assert.deepEqual(config.sms.testNumbers, [
        { phoneNumber: '+989000000001', code: '123456' },
        { phoneNumber: '+989000000002', code: '654321' },
      ]);
      assert.deepEqual(loadConfig({}).sms.testNumbers, []);
    });

    it('codes are OTP_LENGTH digits', () => {
      const eight = loadConfig({ OTP_LENGTH: '8', SMS_TEST_NUMBERS: '+989000000001:12345678' });
      assert.equal(eight.sms.testNumbers[0]?.code, '12345678');
      assert.match(
        refusal({ SMS_TEST_NUMBERS: '+989000000001:123456,+989000000002:65432' }, 'SMS_TEST_NUMBERS'),
        /\(entry 2 \(\+989000000002\): the code must be 6 digits \(OTP_LENGTH\)\)$/,
      );
      assert.match(
        refusal({ OTP_LENGTH: '8', SMS_TEST_NUMBERS: '+989000000001:123456' }, 'SMS_TEST_NUMBERS'),
        /must be 8 digits/,
      );
      assert.match(refusal({ SMS_TEST_NUMBERS: '+989000000001:12345a' }, 'SMS_TEST_NUMBERS'), /must be 6 digits/);
    });

    it('refuses what is not a mobile number of PHONE_ALLOWED_COUNTRIES, a missing code and a number listed twice', () => {
      assert.match(
        refusal({ SMS_TEST_NUMBERS: '+4915199887766:123456' }, 'SMS_TEST_NUMBERS'),
        /\(entry 1 \("\+4915199887766"\) is not a mobile number of PHONE_ALLOWED_COUNTRIES\)$/,
      );
      assert.match(refusal({ SMS_TEST_NUMBERS: '+982188776655:123456' }, 'SMS_TEST_NUMBERS'), /is not a mobile number/);
      assert.match(
        refusal({ SMS_TEST_NUMBERS: '+989000000001' }, 'SMS_TEST_NUMBERS'),
        /\(entry 1 is not NUMBER:CODE\)$/,
      );
      assert.match(
        refusal({ SMS_TEST_NUMBERS: '+989000000001:123456,09000000001:654321' }, 'SMS_TEST_NUMBERS'),
        /\(entry 2: \+989000000001 is listed twice\)$/,
      );
      const german = loadConfig({ PHONE_ALLOWED_COUNTRIES: 'IR,DE', SMS_TEST_NUMBERS: '+4915199887766:123456' });
      assert.equal(german.sms.testNumbers[0]?.phoneNumber, '+4915199887766');
    });

    it('are refused in production unless SMS_TEST_NUMBERS_IN_PRODUCTION=true', () => {
      const env = { ...PRODUCTION, SMS_TEST_NUMBERS: '+989000000001:123456' };
      assert.match(
        refusal(env, 'SMS_TEST_NUMBERS'),
        /expected no test numbers in production, unless SMS_TEST_NUMBERS_IN_PRODUCTION=true; got a value of 20 characters \(NODE_ENV=production\)$/,
      );
      const allowed = loadConfig({ ...env, SMS_TEST_NUMBERS_IN_PRODUCTION: 'true' });
      assert.equal(allowed.sms.testNumbers.length, 1);
      assert.equal(loadConfig(PRODUCTION).sms.testNumbers.length, 0);
    });
  });
});
