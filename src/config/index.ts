import { Value } from '@sinclair/typebox/value';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { EnvSchema, type Env } from './schema.ts';
import { ConfigError } from './config-error.ts';
import { browserConfig, type BrowserConfig } from './browser.ts';
import { eventsConfig, type EventsConfig } from './events.ts';
import { telegramConfig, type TelegramConfig } from './telegram.ts';
import { alertsConfig, type AlertsConfig } from './alerts.ts';
import { metricsConfig, type MetricsConfig } from './metrics.ts';
import { invalid, isUnreadableUrl } from './explain.ts';
import {
  checkGatewayCodeLength,
  chooseProviders,
  parseQueueRates,
  parseTestNumbers,
  type SmsProviderName,
  type TestNumber,
} from './sms.ts';
import { checkProviderTransport } from './provider-transport.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

export { ConfigError };
export type { BrowserConfig, SmsProviderName, TestNumber };

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
    /** Headers and body must both have arrived within this, counted from the request's first byte. */
    readonly requestTimeoutMs: number;
    /** An idle kept-alive connection is closed after this. */
    readonly keepAliveTimeoutMs: number;
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
  readonly phone: {
    readonly allowedCountries: readonly string[];
    /** A phone change is refused when the session's sign-in is older than this (ASVS 5.0 7.5.1). */
    readonly changeMaxAuthAgeSeconds: number;
  };
  readonly otp: {
    readonly length: number;
    readonly ttlSeconds: number;
    readonly maxAttempts: number;
    readonly resendSeconds: number;
    readonly phoneHourlyLimit: number;
    readonly ipHourlyLimit: number;
    readonly verifyIpHourlyLimit: number;
    /** Per-address limits count an IPv6 client by its network of this many bits. */
    readonly ipv6PrefixBits: number;
    /** Failed sends (see the schema) per number and per client address, each per hour. */
    readonly failedSendPhoneHourlyLimit: number;
    readonly failedSendIpHourlyLimit: number;
    readonly webOtpDomain: string | undefined;
  };
  readonly tokens: {
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
    /** After this long from its sign-in a session cannot be refreshed, however recently it was rotated. */
    readonly sessionMaxAgeSeconds: number;
    /** PUBLIC_URL without a trailing slash: the `iss` of access tokens; `http://localhost:PORT` when unset. */
    readonly issuer: string;
    /** Whether PUBLIC_URL was set: `serve` in production needs it (see requirePublicUrl). */
    readonly issuerSet: boolean;
    /** TOKEN_AUDIENCE: the `aud` of access tokens. */
    readonly audience: string;
  };
  readonly sms: {
    readonly enabled: boolean;
    /** The first of `providers`. */
    readonly provider: SmsProviderName;
    /** What SMS_PROVIDERS or SMS_PROVIDER say, or what the settings that are complete imply; never empty. */
    readonly providers: readonly SmsProviderName[];
    readonly devFallback: boolean;
    /** One provider call. */
    readonly timeoutMs: number;
    /** A code message across every provider it is tried on. */
    readonly otpDeadlineMs: number;
    /** A provider is skipped for `cooldownSeconds` after `failures` failures in a row. */
    readonly breaker: { readonly failures: number; readonly cooldownSeconds: number };
    readonly dailyLimit: number;
    /** SMS_MAX_PARTS: the most SMS one message may go out as. */
    readonly maxParts: number;
    readonly senderNumber: string | undefined;
    readonly melipayamak: {
      readonly username: string | undefined;
      readonly password: string | undefined;
      readonly baseUrl: string;
    };
    readonly webhook: { readonly url: string | undefined; readonly secret: string | undefined };
    readonly kavenegar: {
      readonly apiKey: string | undefined;
      readonly sender: string | undefined;
      readonly baseUrl: string;
    };
    readonly smsir: {
      readonly apiKey: string | undefined;
      readonly lineNumber: string | undefined;
      readonly baseUrl: string;
    };
    readonly telegramGateway: {
      readonly token: string | undefined;
      readonly baseUrl: string;
      /**
       * Our delivery-report route under PUBLIC_URL, sent with each code as `callback_url`; undefined unless
       * PUBLIC_URL is https, the only scheme Telegram calls back on.
       */
      readonly callbackUrl: string | undefined;
    };
    /** Numbers that get no SMS; each one's code is the one listed (SMS_TEST_NUMBERS). */
    readonly testNumbers: readonly TestNumber[];
    /** Delivery-log rows older than this are purged (queued and sending ones never); 0 keeps them for ever. */
    readonly logRetentionDays: number;
    /** Queued messages (everything but codes): the worker and the delivery poller. */
    readonly queue: {
      /** Delivery tries before a message is `failed`. */
      readonly maxAttempts: number;
      /** Messages this instance's worker sends at once, and so the queue's connections to each provider. */
      readonly concurrency: number;
      /** The most calls a second this instance's queue makes to each provider (SMS_QUEUE_RATE_PER_SECOND). */
      readonly ratePerSecond: Readonly<Record<SmsProviderName, number>>;
      /** Whether this instance runs the worker and the delivery poller. */
      readonly worker: boolean;
      readonly deliveryPollSeconds: number;
      /** SMS_KEY_SEND_RATE_PER_MINUTE: messages one admin API key may queue per minute. */
      readonly keySendRatePerMinute: number;
      /** SMS_KEY_QUEUED_MAX: messages of one admin API key waiting at once (queued or being sent). */
      readonly keyQueuedMax: number;
    };
  };
  /** `GET /metrics`: absent when disabled; with a token, only for scrapes that send it as a Bearer token. */
  readonly metrics: MetricsConfig;
  /** Browser front ends: CORS, the session cookie and the origins cookie requests may come from. */
  readonly browser: BrowserConfig;
  /** Events to the shop's backend (EVENTS_WEBHOOK_URL); `webhook` null when off. */
  readonly events: EventsConfig;
  readonly telegram: TelegramConfig;
  /** Back-in-stock alerts. */
  readonly alerts: AlertsConfig;
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
  const unreadable = Object.keys(raw).find((key) => isUnreadableUrl(key, raw[key]));
  if (unreadable) throw invalid(unreadable, raw[unreadable]);
  const firstError = Value.Errors(EnvSchema, converted).First();
  if (firstError) {
    // What the schema allows, in words, rather than the validator's message ("Expected union value").
    const name = firstError.path.replace(/^\//, '').split('/')[0] ?? '';
    throw invalid(name, raw[name]);
  }
  return buildConfig(converted as Env);
}

function buildConfig(env: Env): Config {
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction && !env.AUTH_SECRET) {
    throw invalid('AUTH_SECRET', undefined, { expected: 'at least 32 characters (required in production)' });
  }
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${env.DATA_DIR.replace(/\/+$/, '')}/otpgate.db`;
  const dialect = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const allowedCountries = env.PHONE_ALLOWED_COUNTRIES.split(',').map((c) => c.trim().toUpperCase());
  const unknownCountry = allowedCountries.find((country) => !isSupportedCountry(country));
  if (unknownCountry) {
    throw invalid('PHONE_ALLOWED_COUNTRIES', env.PHONE_ALLOWED_COUNTRIES, {
      note: `${unknownCountry} is not a country code with phone numbers`,
    });
  }
  const providers = chooseProviders(env);
  checkProviderTransport(env, providers);
  checkGatewayCodeLength(env, providers);
  const issuer = publicUrl(env, isProduction);
  const testNumbers = parseTestNumbers(env, allowedCountries);
  return deepFreeze({
    env: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    http: {
      port: env.PORT,
      host: env.HOST,
      trustProxy: parseTrustProxy(env.TRUST_PROXY, isProduction),
      bodyLimitBytes: 64 * 1024,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    database: {
      url: databaseUrl,
      dialect,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.MIGRATE_ON_START ?? dialect === 'sqlite',
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    authSecret: env.AUTH_SECRET,
    phone: { allowedCountries, changeMaxAuthAgeSeconds: env.PHONE_CHANGE_MAX_AUTH_AGE_SECONDS },
    otp: {
      length: env.OTP_LENGTH,
      ttlSeconds: env.OTP_TTL_SECONDS,
      maxAttempts: env.OTP_MAX_ATTEMPTS,
      resendSeconds: env.OTP_RESEND_SECONDS,
      phoneHourlyLimit: env.OTP_PHONE_HOURLY_LIMIT,
      ipHourlyLimit: env.OTP_IP_HOURLY_LIMIT,
      verifyIpHourlyLimit: env.OTP_VERIFY_IP_HOURLY_LIMIT,
      ipv6PrefixBits: env.OTP_IPV6_PREFIX,
      failedSendPhoneHourlyLimit: env.OTP_FAILED_SEND_PHONE_HOURLY_LIMIT,
      failedSendIpHourlyLimit: env.OTP_FAILED_SEND_IP_HOURLY_LIMIT,
      webOtpDomain: env.WEBOTP_DOMAIN,
    },
    tokens: {
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      sessionMaxAgeSeconds: env.SESSION_MAX_AGE_SECONDS,
      issuer,
      issuerSet: env.PUBLIC_URL !== undefined,
      audience: env.TOKEN_AUDIENCE,
    },
    sms: {
      enabled: env.SMS_ENABLED,
      provider: providers[0]!,
      providers,
      devFallback: env.SMS_DEV_FALLBACK,
      timeoutMs: env.SMS_TIMEOUT_MS,
      otpDeadlineMs: env.SMS_OTP_DEADLINE_MS,
      breaker: { failures: env.SMS_BREAKER_FAILURES, cooldownSeconds: env.SMS_BREAKER_COOLDOWN_SECONDS },
      dailyLimit: env.SMS_DAILY_LIMIT,
      maxParts: env.SMS_MAX_PARTS,
      senderNumber: env.SMS_SENDER_NUMBER,
      melipayamak: {
        username: env.MELIPAYAMAK_USERNAME,
        password: env.MELIPAYAMAK_PASSWORD,
        baseUrl: env.MELIPAYAMAK_BASE_URL.replace(/\/+$/, ''),
      },
      webhook: { url: env.SMS_WEBHOOK_URL, secret: env.SMS_WEBHOOK_SECRET },
      kavenegar: {
        apiKey: env.KAVENEGAR_API_KEY,
        sender: env.KAVENEGAR_SENDER,
        baseUrl: env.KAVENEGAR_BASE_URL.replace(/\/+$/, ''),
      },
      smsir: {
        apiKey: env.SMSIR_API_KEY,
        lineNumber: env.SMSIR_LINE_NUMBER,
        baseUrl: env.SMSIR_BASE_URL.replace(/\/+$/, ''),
      },
      telegramGateway: {
        token: env.TELEGRAM_GATEWAY_TOKEN,
        baseUrl: env.TELEGRAM_GATEWAY_BASE_URL.replace(/\/+$/, ''),
        callbackUrl:
          env.PUBLIC_URL !== undefined && issuer.startsWith('https://') ? `${issuer}${GATEWAY_REPORT_PATH}` : undefined,
      },
      testNumbers,
      logRetentionDays: env.SMS_LOG_RETENTION_DAYS,
      queue: {
        maxAttempts: env.SMS_QUEUE_MAX_ATTEMPTS,
        concurrency: env.SMS_QUEUE_CONCURRENCY,
        ratePerSecond: parseQueueRates(env),
        worker: env.SMS_QUEUE_WORKER,
        deliveryPollSeconds: env.SMS_DELIVERY_POLL_SECONDS,
        keySendRatePerMinute: env.SMS_KEY_SEND_RATE_PER_MINUTE,
        keyQueuedMax: env.SMS_KEY_QUEUED_MAX,
      },
    },
    metrics: metricsConfig(env, isProduction),
    browser: browserConfig(env),
    events: eventsConfig(env, isProduction),
    telegram: telegramConfig(env, isProduction, issuer),
    alerts: alertsConfig(env),
  });
}

/** Where Telegram Gateway posts delivery reports (sms/gateway-reports/routes.ts), under PUBLIC_URL. */
export const GATEWAY_REPORT_PATH = '/api/v1/telegram/gateway/report';

const PUBLIC_URL_IN_PRODUCTION = 'an https:// URL (required in production)';

/**
 * The issuer: PUBLIC_URL as written, less a trailing slash, or `http://localhost:PORT` when unset. In
 * production it must be https, since shops' backends fetch the signing keys from under it.
 */
function publicUrl(env: Env, isProduction: boolean): string {
  const url = env.PUBLIC_URL?.replace(/\/+$/, '');
  if (isProduction && url && !url.startsWith('https://')) {
    throw invalid('PUBLIC_URL', env.PUBLIC_URL, { expected: PUBLIC_URL_IN_PRODUCTION });
  }
  return url ?? `http://localhost:${env.PORT}`;
}

/**
 * `serve` in production needs PUBLIC_URL: tokens name it as their issuer. Checked where the service starts
 * rather than in loadConfig, so that commands that never issue a token (`migrate`, `limits`) need not set it.
 */
export function requirePublicUrl(config: Config): void {
  if (config.isProduction && !config.tokens.issuerSet) {
    throw invalid('PUBLIC_URL', undefined, { expected: PUBLIC_URL_IN_PRODUCTION });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
