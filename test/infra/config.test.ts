import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, type Config } from '../../src/config/index.ts';

const SECRET = 'a-production-secret-of-40-characters-xyz';
const MELIPAYAMAK = {
  MELIPAYAMAK_USERNAME: 'shop',
  MELIPAYAMAK_PASSWORD: 'mp-pass-Zx81q',
  SMS_SENDER_NUMBER: '50004001',
};

/** The ConfigError that `env` is refused with. */
function refusal(env: Record<string, string>): ConfigError {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(env)}, got ${String(caught)}`);
  return caught;
}

function assertOneLineNaming(error: ConfigError, variable: string): void {
  assert.doesNotMatch(error.message, /[\r\n]/);
  assert.ok(
    error.message.startsWith(`Invalid configuration: ${variable}: `),
    `"${error.message}" names ${variable} first`,
  );
}

describe('configuration', () => {
  it('with nothing set, every value is the documented default', () => {
    const config = loadConfig({});
    assert.equal(config.env, 'development');
    assert.equal(config.isProduction, false);
    assert.deepEqual(config.http, {
      port: 3000,
      host: '127.0.0.1',
      trustProxy: false,
      bodyLimitBytes: 65536,
      requestTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
    });
    assert.deepEqual(config.database, {
      url: 'sqlite:./data/otpgate.db',
      dialect: 'sqlite',
      poolSize: 10,
      migrateOnStart: true,
    });
    assert.equal(config.redis.url, undefined);
    assert.equal(config.authSecret, undefined);
    assert.deepEqual(config.phone.allowedCountries, ['IR']);
    assert.deepEqual(config.otp, {
      length: 6,
      ttlSeconds: 300,
      maxAttempts: 5,
      resendSeconds: 60,
      phoneHourlyLimit: 5,
      ipHourlyLimit: 30,
      verifyIpHourlyLimit: 100,
      ipv6PrefixBits: 64,
      failedSendPhoneHourlyLimit: 3,
      failedSendIpHourlyLimit: 30,
      webOtpDomain: undefined,
    });
    assert.equal(config.tokens.accessTtlSeconds, 900);
    assert.equal(config.tokens.refreshTtlSeconds, 2_592_000);
    assert.deepEqual(config.sms, {
      enabled: true,
      provider: 'console',
      providers: ['console'],
      devFallback: false,
      timeoutMs: 5000,
      otpDeadlineMs: 8000,
      breaker: { failures: 5, cooldownSeconds: 60 },
      dailyLimit: 10_000,
      maxParts: 4,
      senderNumber: undefined,
      melipayamak: { username: undefined, password: undefined, baseUrl: 'https://rest.payamak-panel.com' },
      webhook: { url: undefined, secret: undefined },
      kavenegar: { apiKey: undefined, sender: undefined, baseUrl: 'https://api.kavenegar.com' },
      smsir: { apiKey: undefined, lineNumber: undefined, baseUrl: 'https://api.sms.ir' },
      telegramGateway: { token: undefined, baseUrl: 'https://gatewayapi.telegram.org', callbackUrl: undefined },
      testNumbers: [],
      logRetentionDays: 180,
      queue: {
        maxAttempts: 8,
        concurrency: 8,
        ratePerSecond: {
          melipayamak: 50,
          kavenegar: 50,
          smsir: 50,
          webhook: 50,
          telegram_gateway: 50,
          console: 50,
        },
        worker: true,
        deliveryPollSeconds: 60,
        keySendRatePerMinute: 600,
        keyQueuedMax: 1000,
      },
    });
  });

  describe('a bad value is refused with one line naming the variable', () => {
    const cases: ReadonlyArray<readonly [variable: string, value: string]> = [
      ['PORT', 'abc'],
      ['SMS_QUEUE_MAX_ATTEMPTS', '0'],
      ['SMS_DELIVERY_POLL_SECONDS', '1.5'],
      ['SMS_QUEUE_WORKER', 'maybe'],
      ['PORT', '70000'],
      ['OTP_LENGTH', '4'],
      ['OTP_TTL_SECONDS', '3600'],
      ['DATABASE_URL', 'mysql://x'],
      ['TRUST_PROXY', 'garbage'],
      ['TRUST_PROXY', '10.0.0.0/33'],
      ['PHONE_ALLOWED_COUNTRIES', 'Iran'],
      ['PHONE_ALLOWED_COUNTRIES', 'IR,XX'],
      ['NODE_ENV', 'prod'],
      ['SMS_ENABLED', 'maybe'],
      ['MIGRATE_ON_START', 'yes'],
      ['REDIS_URL', 'localhost:6379'],
      // Numbers are written as digits: neither truncated (3000.5 to 3000) nor read up to the first
      // non-digit (1e3 to 1), which would start the service on a port or with a code length nobody chose.
      ['PORT', '3000.5'],
      ['PORT', '1e3'],
      ['OTP_LENGTH', '6.9'],
      ['OTP_IPV6_PREFIX', '31'],
      ['OTP_IPV6_PREFIX', '129'],
      ['HTTP_REQUEST_TIMEOUT_MS', '999'],
      ['HTTP_KEEP_ALIVE_TIMEOUT_MS', '0'],
      ['METRICS_PORT', '0'],
    ];
    for (const [variable, value] of cases) {
      it(`${variable}=${value}`, () => {
        const error = refusal({ [variable]: value });
        assertOneLineNaming(error, variable);
        assert.ok(error.message.includes(value), `"${error.message}" shows what was given`);
      });
    }
  });

  it('a secret that is refused is named but its value is never shown', () => {
    for (const [variable, value] of [
      ['AUTH_SECRET', 'short-secret-Qw9'],
      ['SMS_WEBHOOK_SECRET', 'whsec-Qw9'],
    ] as const) {
      const error = refusal({ [variable]: value });
      assertOneLineNaming(error, variable);
      assert.ok(!error.message.includes(value), `"${error.message}" leaks the value`);
      assert.ok(!error.message.includes('Qw9'), `"${error.message}" leaks part of the value`);
    }
  });

  it('production refuses to start without AUTH_SECRET, and an empty one counts as missing', () => {
    const missing: Record<string, string>[] = [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', AUTH_SECRET: '   ' },
    ];
    for (const env of missing) {
      const error = refusal(env);
      assertOneLineNaming(error, 'AUTH_SECRET');
      assert.match(error.message, /required in production/);
    }
    const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET });
    assert.equal(config.isProduction, true);
    assert.equal(config.authSecret, SECRET);
  });

  it('SMS_PROVIDER=melipayamak without all of its credentials is refused, naming what it needs', () => {
    for (const missing of Object.keys(MELIPAYAMAK)) {
      const env: Record<string, string> = { ...MELIPAYAMAK, SMS_PROVIDER: 'melipayamak' };
      delete env[missing];
      const error = refusal(env);
      assertOneLineNaming(error, 'SMS_PROVIDER');
      assert.ok(error.message.includes(missing), `"${error.message}" mentions ${missing}`);
      assert.ok(!error.message.includes(MELIPAYAMAK.MELIPAYAMAK_PASSWORD), 'the password stays out');
    }
  });

  it('SMS_PROVIDER=webhook without SMS_WEBHOOK_URL is refused', () => {
    assertOneLineNaming(refusal({ SMS_PROVIDER: 'webhook' }), 'SMS_PROVIDER');
  });

  describe('the SMS provider is chosen by the documented rules', () => {
    const provider = (env: Record<string, string>) => loadConfig(env).sms.provider;

    it('Melipayamak when its username, password and sender number are all set', () => {
      assert.equal(provider(MELIPAYAMAK), 'melipayamak');
    });

    it('the console fallback when any one of the three is missing', () => {
      for (const missing of Object.keys(MELIPAYAMAK)) {
        const env: Record<string, string> = { ...MELIPAYAMAK };
        delete env[missing];
        assert.equal(provider(env), 'console', `without ${missing}`);
      }
    });

    it('SMS_PROVIDER wins over what the credentials imply', () => {
      assert.equal(provider({ ...MELIPAYAMAK, SMS_PROVIDER: 'console' }), 'console');
      assert.equal(
        provider({ ...MELIPAYAMAK, SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' }),
        'webhook',
      );
    });

    it('SMS_ENABLED=false forces the console fallback, whatever else is set', () => {
      assert.equal(provider({ ...MELIPAYAMAK, SMS_ENABLED: 'false' }), 'console');
      assert.equal(provider({ ...MELIPAYAMAK, SMS_ENABLED: 'false', SMS_PROVIDER: 'melipayamak' }), 'console');
      assert.equal(loadConfig({ SMS_ENABLED: 'false' }).sms.enabled, false);
    });
  });

  it('MIGRATE_ON_START defaults to true on SQLite and false on PostgreSQL, and an explicit value wins', () => {
    const migrate = (env: Record<string, string>) => loadConfig(env).database;
    assert.equal(migrate({}).migrateOnStart, true);
    assert.equal(migrate({ DATABASE_URL: 'sqlite::memory:' }).migrateOnStart, true);
    const postgres = migrate({ DATABASE_URL: 'postgres://u@db.internal:5432/otp' });
    assert.equal(postgres.dialect, 'postgres');
    assert.equal(postgres.migrateOnStart, false);
    assert.equal(migrate({ DATABASE_URL: 'postgresql://u@db/otp' }).dialect, 'postgres');
    assert.equal(migrate({ DATABASE_URL: 'postgres://u@db/otp', MIGRATE_ON_START: 'true' }).migrateOnStart, true);
    assert.equal(migrate({ MIGRATE_ON_START: 'false' }).migrateOnStart, false);
  });

  it('TRUST_PROXY takes false, true, a hop count or a list of addresses and CIDR ranges', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).http.trustProxy;
    assert.equal(trust('false'), false);
    assert.equal(trust('true'), true);
    assert.equal(trust('TRUE'), true);
    assert.equal(trust('2'), 2);
    assert.deepEqual(trust('10.0.0.0/8, 192.168.1.7 ,fd00::/8'), ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
  });

  it('an empty or blank value counts as unset', () => {
    const config = loadConfig({
      PORT: '',
      DATABASE_URL: '   ',
      REDIS_URL: '',
      AUTH_SECRET: '',
      SMS_PROVIDER: '',
      TRUST_PROXY: '',
      MELIPAYAMAK_USERNAME: '',
    });
    assert.equal(config.http.port, 3000);
    assert.equal(config.database.url, 'sqlite:./data/otpgate.db');
    assert.equal(config.redis.url, undefined);
    assert.equal(config.authSecret, undefined);
    assert.equal(config.sms.provider, 'console');
    assert.equal(config.http.trustProxy, false);
    assert.equal(config.sms.melipayamak.username, undefined);
  });

  it('values are trimmed and typed: numbers as numbers, booleans as booleans, countries upper-cased', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      OTP_LENGTH: '8',
      SMS_DEV_FALLBACK: 'true',
      PHONE_ALLOWED_COUNTRIES: 'ir, de',
      MELIPAYAMAK_BASE_URL: 'http://127.0.0.1:9999///',
    });
    assert.equal(config.http.port, 8080);
    assert.equal(config.otp.length, 8);
    assert.equal(config.sms.devFallback, true);
    assert.deepEqual(config.phone.allowedCountries, ['IR', 'DE']);
    assert.equal(config.sms.melipayamak.baseUrl, 'http://127.0.0.1:9999');
  });

  it('the configuration object is frozen all the way down', () => {
    const config = loadConfig({ ...MELIPAYAMAK, TRUST_PROXY: '10.0.0.0/8' });
    const nested: unknown[] = [config, config.http, config.database, config.otp, config.sms, config.sms.melipayamak];
    nested.push(config.phone.allowedCountries, config.http.trustProxy);
    for (const part of nested) assert.equal(Object.isFrozen(part), true);
    assert.throws(() => {
      (config as { -readonly [K in keyof Config]: Config[K] }).authSecret = 'changed';
    }, TypeError);
    assert.throws(() => {
      (config.otp as { length: number }).length = 4;
    }, TypeError);
    assert.throws(() => (config.phone.allowedCountries as string[]).push('US'), TypeError);
    assert.equal(config.otp.length, 6);
  });
});
