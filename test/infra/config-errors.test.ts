import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withAuthSecret } from '../../src/config/auth-secret.ts';
import { ConfigError, loadConfig } from '../../src/config/index.ts';
import { EnvSchema } from '../../src/config/schema.ts';
import { maskCredentials } from '../../src/log/credentials.ts';
import { runCli, tempDir } from '../helpers/infra-cli.ts';

interface VariableSchema {
  readonly type?: string;
  readonly anyOf?: unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
}

const SCHEMA = EnvSchema.properties as Record<string, VariableSchema>;

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError for ${JSON.stringify(env)}, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`${JSON.stringify(env)} was accepted`);
}

/**
 * Values the schema alone refuses, for every variable that has any, derived from the schema so that a
 * variable added later is covered without a line here.
 */
function badValues(schema: VariableSchema): string[] {
  if (schema.anyOf) return ['nonsense', 'Verbose'];
  if (schema.type === 'boolean') return ['maybe', 'yes'];
  if (schema.type === 'integer') {
    const values = ['abc', '1.5', '1e3'];
    if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
    if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
    return values;
  }
  if (schema.pattern) return ['not valid at all!'];
  if (schema.minLength && schema.minLength > 1) return ['x'.repeat(schema.minLength - 1)];
  return [];
}

/** Variables whose values are credentials: their value never appears in a message, not even in part. */
const SECRETS = [
  'AUTH_SECRET',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_OIDC_CLIENT_SECRET',
  'TELEGRAM_WEBHOOK_SECRET',
  'SMS_WEBHOOK_SECRET',
  'EVENTS_WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'MELIPAYAMAK_PASSWORD',
  'KAVENEGAR_API_KEY',
  'TELEGRAM_GATEWAY_TOKEN',
];

describe('configuration errors name the variable, what it allows and what was found', () => {
  const cases = Object.entries(SCHEMA).flatMap(([variable, schema]) =>
    badValues(schema).map((value) => [variable, value] as const),
  );

  it('the table covers every kind of variable the schema has', () => {
    assert.ok(cases.length > 80, `only ${cases.length} cases`);
    for (const variable of ['LOG_LEVEL', 'NODE_ENV', 'SMS_PROVIDER', 'DATABASE_URL', 'PORT', 'SMS_ENABLED']) {
      assert.ok(
        cases.some(([name]) => name === variable),
        `${variable} has no case`,
      );
    }
  });

  for (const [variable, value] of cases) {
    it(`${variable}=${value}`, () => {
      const message = refusal({ [variable]: value });
      assert.doesNotMatch(message, /[\r\n]/);
      assert.ok(message.startsWith(`Invalid configuration: ${variable}: expected `), message);
      // The validator's own words and the schema's regular expressions say nothing to an operator.
      assert.doesNotMatch(message, /union|Expected|must match|\^|\$\)|\\d/, message);
      const pattern = SCHEMA[variable]!.pattern;
      if (pattern) assert.ok(!message.includes(pattern), `"${message}" shows the pattern`);
      if (SECRETS.includes(variable)) {
        assert.ok(message.endsWith(`; got a value of ${value.length} characters`), message);
      } else {
        assert.ok(message.endsWith(`; got ${JSON.stringify(value)}`), message);
      }
    });
  }

  it('the messages read as the documentation promises', () => {
    assert.equal(
      refusal({ LOG_LEVEL: 'verbose' }),
      'Invalid configuration: LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent; got "verbose"',
    );
    assert.equal(
      refusal({ DATABASE_URL: 'mysql://u:hunter2@h/db' }),
      'Invalid configuration: DATABASE_URL: expected sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db; got "mysql://u:***@h/db"',
    );
    assert.equal(
      refusal({ NODE_ENV: 'prod' }),
      'Invalid configuration: NODE_ENV: expected one of development, production, test; got "prod"',
    );
    assert.equal(
      refusal({ PORT: '3000.5' }),
      'Invalid configuration: PORT: expected a whole number from 0 to 65535; got "3000.5"',
    );
    assert.equal(
      refusal({ SMS_ENABLED: 'maybe' }),
      'Invalid configuration: SMS_ENABLED: expected true or false; got "maybe"',
    );
  });

  it('rules across variables and the variables with their own parser say the same three things', () => {
    const cases: ReadonlyArray<readonly [env: Record<string, string>, variable: string, found: string]> = [
      [{ TRUST_PROXY: '10.0.0.1, garbage' }, 'TRUST_PROXY', '"10.0.0.1, garbage" ("garbage" is none of these)'],
      [{ PHONE_ALLOWED_COUNTRIES: 'IR,XX' }, 'PHONE_ALLOWED_COUNTRIES', '"IR,XX" (XX is not a country code'],
      [{ SMS_PROVIDER: 'webhook' }, 'SMS_PROVIDER', '"webhook" (SMS_WEBHOOK_URL is not set)'],
      [{ SMS_PROVIDERS: 'console,webhook' }, 'SMS_PROVIDERS', '"console,webhook" (console is the development'],
      [{ SMS_PROVIDERS: 'console,console' }, 'SMS_PROVIDERS', '"console,console" (console is listed twice)'],
      [{ SMS_PROVIDER: 'console', SMS_PROVIDERS: 'console' }, 'SMS_PROVIDERS', '"console" (SMS_PROVIDER=console'],
      [{ NODE_ENV: 'production' }, 'AUTH_SECRET', 'nothing'],
      [{ SMS_TEST_NUMBERS: '+989000000001' }, 'SMS_TEST_NUMBERS', 'a value of 13 characters (entry 1 is not'],
    ];
    for (const [env, variable, found] of cases) {
      const message = refusal(env);
      assert.match(message, new RegExp(`^Invalid configuration: ${variable}: expected [^;]+; got `), message);
      assert.ok(message.includes(`; got ${found}`), `"${message}" shows ${found}`);
    }
  });
});

describe('no configuration error prints a credential', () => {
  const PASSWORD = 'Pw9sEcReT';
  const TOKEN = 'Tk7sEcReT';
  /** Malformed values of every URL-valued variable; the parser can read some of them and not others. */
  const malformed = [
    `mysql://user:${PASSWORD}@db.internal:3306/otp`,
    `ftp://user:${PASSWORD}@host/x?token=${TOKEN}`,
    `mysql://user:p@ss/w?rd-${PASSWORD}@host/db`,
    `http://user:${PASSWORD}@[::1/x`,
    `http://user:${PASSWORD}@host:99999/x`,
    `http://user:${PASSWORD}@ho st/x?token=${TOKEN}`,
    `redis//user:${PASSWORD}@host:6379`,
    `user:${PASSWORD}@host:5432/db`,
    `htps://host/x?apikey=${TOKEN}`,
    `htps://host/x?key=${TOKEN}&a=1`,
    `http:/host/x?access_token=${TOKEN}`,
  ];
  const urlVariables = Object.entries(SCHEMA)
    .filter(([name]) => name.endsWith('_URL'))
    .map(([name]) => name);

  it('every URL-valued variable is covered', () => {
    assert.deepEqual([...urlVariables].sort(), [
      'DATABASE_URL',
      'EVENTS_WEBHOOK_URL',
      'KAVENEGAR_BASE_URL',
      'MELIPAYAMAK_BASE_URL',
      'PUBLIC_URL',
      'REDIS_URL',
      'SMSIR_BASE_URL',
      'SMS_WEBHOOK_URL',
      'TELEGRAM_GATEWAY_BASE_URL',
    ]);
  });

  for (const variable of urlVariables) {
    it(`${variable}: passwords and tokens in a malformed URL are masked`, () => {
      for (const value of malformed) {
        const message = refusal({ [variable]: value });
        assert.ok(message.startsWith(`Invalid configuration: ${variable}: expected `), message);
        assert.ok(!message.includes(PASSWORD) && !message.includes(TOKEN), `"${message}" leaks a credential`);
        assert.ok(!message.includes('sEcReT'), `"${message}" leaks part of a credential`);
        assert.match(message, /\*\*\*/);
      }
    });
  }

  it('what can be read of a URL is kept: scheme, user, host, port, path and harmless parameters', () => {
    assert.equal(
      maskCredentials(`postgres://otp:${PASSWORD}@db:5432/otp?sslmode=require`),
      'postgres://otp:***@db:5432/otp?sslmode=require',
    );
    assert.equal(maskCredentials(`https://h/x?a=1&token=${TOKEN}&b=2`), 'https://h/x?a=1&token=***&b=2');
    assert.equal(maskCredentials(`redis://:${PASSWORD}@cache:6379/0`), 'redis://:***@cache:6379/0');
    assert.equal(maskCredentials('https://api.sms.ir'), 'https://api.sms.ir');
    // Unreadable: everything between `://` and the last `@`, and the whole query.
    assert.equal(maskCredentials(`mysql://u:p@ss@h/db?x=1`), 'mysql://***@h/db?***');
  });

  it('a secret-valued variable is never echoed, whatever is wrong with it', () => {
    for (const [variable, value] of [
      ['AUTH_SECRET', `short-${PASSWORD}`],
      ['SMS_WEBHOOK_SECRET', PASSWORD],
      ['METRICS_TOKEN', `with space ${TOKEN}`],
      ['METRICS_TOKEN', TOKEN],
      ['SMS_TEST_NUMBERS', `+989000000001:${TOKEN}`],
      ['TELEGRAM_GATEWAY_TOKEN', `with space ${TOKEN}`],
    ] as const) {
      const message = refusal({ [variable]: value });
      assert.ok(message.startsWith(`Invalid configuration: ${variable}: expected `), message);
      assert.ok(message.includes(`got a value of ${value.length} characters`), message);
      assert.ok(!message.includes('sEcReT'), `"${message}" leaks the value`);
    }
  });

  it('`otpgate serve` with a malformed DATABASE_URL prints one line on stderr, with no password', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: `mysql://otp:${PASSWORD}@db:3306/otp?token=${TOKEN}` });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'otpgate: Invalid configuration: DATABASE_URL: expected sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db; got "mysql://otp:***@db:3306/otp?token=***"\n',
    );
    assert.ok(!`${result.stdout}${result.stderr}`.includes('sEcReT'));
  });
});

describe('the AUTH_SECRET kept in DATA_DIR when none is set', () => {
  const folder = () => {
    const dir = tempDir();
    after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('a DATA_DIR that cannot be written is named, with why', () => {
    const file = join(folder(), 'a-file');
    writeFileSync(file, '');
    const config = loadConfig({ DATA_DIR: join(file, 'data') });
    assert.throws(
      () => withAuthSecret(config),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message.startsWith('Invalid configuration: DATA_DIR: expected a folder otpgate can write') &&
        error.message.includes(`; got ${JSON.stringify(join(file, 'data'))} (`),
    );
  });

  it('a kept secret that is too short is refused, and not shown', () => {
    const dir = folder();
    writeFileSync(join(dir, 'auth-secret'), 'kEpTsEcReT\n');
    let message = '';
    try {
      withAuthSecret(loadConfig({ DATA_DIR: dir }));
    } catch (error) {
      message = (error as Error).message;
    }
    assert.ok(message.startsWith('Invalid configuration: AUTH_SECRET: expected at least 32 characters'), message);
    assert.ok(message.includes('got a value of 10 characters'), message);
    assert.ok(!message.includes('sEcReT'), message);
  });

  it('one is generated on first start and read back on the next', () => {
    const dir = folder();
    const first = withAuthSecret(loadConfig({ DATA_DIR: dir })).authSecret;
    assert.ok(first && first.length >= 32);
    assert.equal(withAuthSecret(loadConfig({ DATA_DIR: dir })).authSecret, first);
  });
});
