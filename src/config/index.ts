import { Value } from '@sinclair/typebox/value';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { EnvSchema, SECRET_VARIABLES, type Env } from './schema.ts';
import { ConfigError } from './config-error.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

export { ConfigError };

export type SmsProviderName = 'melipayamak' | 'webhook' | 'console';

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly isProduction: boolean;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly dataDir: string;
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly trustProxy: TrustProxy;
    readonly bodyLimitBytes: number;
  };
  readonly database: {
    readonly url: string;
    readonly dialect: 'sqlite' | 'postgres';
    readonly poolSize: number;
    readonly migrateOnStart: boolean;
  };
  readonly redis: { readonly url: string | undefined; readonly keyPrefix: string };
  /** Undefined only in development before `withAuthSecret` has filled it in. */
  readonly authSecret: string | undefined;
  readonly phone: { readonly allowedCountries: readonly string[] };
  readonly otp: {
    readonly length: number;
    readonly ttlSeconds: number;
    readonly maxAttempts: number;
    readonly resendSeconds: number;
    readonly phoneHourlyLimit: number;
    readonly ipHourlyLimit: number;
    readonly verifyIpHourlyLimit: number;
    readonly webOtpDomain: string | undefined;
  };
  readonly tokens: {
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly sms: {
    readonly enabled: boolean;
    /** What SMS_PROVIDER says, or what the credentials that are set imply. */
    readonly provider: SmsProviderName;
    readonly devFallback: boolean;
    readonly timeoutMs: number;
    readonly dailyLimit: number;
    readonly senderNumber: string | undefined;
    readonly melipayamak: {
      readonly username: string | undefined;
      readonly password: string | undefined;
      readonly baseUrl: string;
    };
    readonly webhook: { readonly url: string | undefined; readonly secret: string | undefined };
  };
}

/**
 * Reads, validates and freezes the configuration. Throws a ConfigError whose message is one line naming the
 * variable and what is wrong with it. Empty strings count as unset, as they do in most `.env` tooling.
 */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  // Convert works in place, so it gets a copy: `raw` keeps what was written.
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, { ...raw })) as Record<string, unknown>;
  // Convert reads "3000.5" as 3000 and "1e3" as 1; a number setting must be digits, or it is refused below.
  for (const [key, value] of Object.entries(raw)) {
    const type = (EnvSchema.properties as Record<string, { type?: string }>)[key]?.type;
    if (type === 'integer' && !/^\d+$/.test(String(value))) converted[key] = value;
  }
  const firstError = Value.Errors(EnvSchema, converted).First();
  if (firstError) {
    const name = firstError.path.replace(/^\//, '').split('/')[0] ?? '';
    const shown = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(raw[name])})`;
    throw new ConfigError(`Invalid configuration: ${name}: ${firstError.message}${shown}`);
  }
  return buildConfig(converted as Env);
}

function buildConfig(env: Env): Config {
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction && !env.AUTH_SECRET) {
    throw new ConfigError('Invalid configuration: AUTH_SECRET: required in production (at least 32 characters)');
  }
  const dialect = env.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const allowedCountries = env.PHONE_ALLOWED_COUNTRIES.split(',').map((c) => c.trim().toUpperCase());
  const unknownCountry = allowedCountries.find((country) => !isSupportedCountry(country));
  if (unknownCountry) {
    throw new ConfigError(
      `Invalid configuration: PHONE_ALLOWED_COUNTRIES: ${unknownCountry} is not a country code with phone numbers (got ${JSON.stringify(env.PHONE_ALLOWED_COUNTRIES)})`,
    );
  }
  const provider = chooseProvider(env);
  return deepFreeze({
    env: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    http: { port: env.PORT, host: env.HOST, trustProxy: parseTrustProxy(env.TRUST_PROXY), bodyLimitBytes: 64 * 1024 },
    database: {
      url: env.DATABASE_URL,
      dialect,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.MIGRATE_ON_START ?? dialect === 'sqlite',
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    authSecret: env.AUTH_SECRET,
    phone: { allowedCountries },
    otp: {
      length: env.OTP_LENGTH,
      ttlSeconds: env.OTP_TTL_SECONDS,
      maxAttempts: env.OTP_MAX_ATTEMPTS,
      resendSeconds: env.OTP_RESEND_SECONDS,
      phoneHourlyLimit: env.OTP_PHONE_HOURLY_LIMIT,
      ipHourlyLimit: env.OTP_IP_HOURLY_LIMIT,
      verifyIpHourlyLimit: env.OTP_VERIFY_IP_HOURLY_LIMIT,
      webOtpDomain: env.WEBOTP_DOMAIN,
    },
    tokens: {
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      issuer: 'otpgate',
      audience: 'otpgate',
    },
    sms: {
      enabled: env.SMS_ENABLED,
      provider,
      devFallback: env.SMS_DEV_FALLBACK,
      timeoutMs: env.SMS_TIMEOUT_MS,
      dailyLimit: env.SMS_DAILY_LIMIT,
      senderNumber: env.SMS_SENDER_NUMBER,
      melipayamak: {
        username: env.MELIPAYAMAK_USERNAME,
        password: env.MELIPAYAMAK_PASSWORD,
        baseUrl: env.MELIPAYAMAK_BASE_URL.replace(/\/+$/, ''),
      },
      webhook: { url: env.SMS_WEBHOOK_URL, secret: env.SMS_WEBHOOK_SECRET },
    },
  });
}

/**
 * SMS_ENABLED=false forces the console fallback; otherwise SMS_PROVIDER wins; otherwise Melipayamak when all
 * three of its settings are present. A named provider whose settings are missing stops the start, because
 * an operator who asked for it would otherwise get the fallback without noticing.
 */
function chooseProvider(env: Env): SmsProviderName {
  if (!env.SMS_ENABLED) return 'console';
  const melipayamakReady = Boolean(env.MELIPAYAMAK_USERNAME && env.MELIPAYAMAK_PASSWORD && env.SMS_SENDER_NUMBER);
  if (env.SMS_PROVIDER === 'melipayamak' && !melipayamakReady) {
    throw new ConfigError(
      'Invalid configuration: SMS_PROVIDER: melipayamak needs MELIPAYAMAK_USERNAME, MELIPAYAMAK_PASSWORD and SMS_SENDER_NUMBER',
    );
  }
  if (env.SMS_PROVIDER === 'webhook' && !env.SMS_WEBHOOK_URL) {
    throw new ConfigError('Invalid configuration: SMS_PROVIDER: webhook needs SMS_WEBHOOK_URL');
  }
  if (env.SMS_PROVIDER) return env.SMS_PROVIDER;
  return melipayamakReady ? 'melipayamak' : 'console';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
