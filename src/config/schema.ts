import { Type, type Static } from '@sinclair/typebox';

/**
 * Every environment variable otpgate reads, with its default. The README's configuration table mirrors this
 * file; nothing else in the code reads `process.env`.
 */
/** Every SMS provider otpgate has a driver for, as SMS_PROVIDER and SMS_PROVIDERS name them. */
export const SMS_PROVIDER_NAMES = ['melipayamak', 'kavenegar', 'smsir', 'webhook', 'console'] as const;
const PROVIDER_NAME = SMS_PROVIDER_NAMES.join('|');

export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.String({ pattern: '^(sqlite:.+|postgres(ql)?://.+)$', default: 'sqlite:./data/otpgate.db' }),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://.+' })),
  REDIS_KEY_PREFIX: Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,64}$', default: 'otpgate:' }),
  AUTH_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  TRUST_PROXY: Type.String({ minLength: 1, default: 'false' }),
  MIGRATE_ON_START: Type.Optional(Type.Boolean()),
  PHONE_ALLOWED_COUNTRIES: Type.String({ pattern: '^[A-Za-z]{2}( *, *[A-Za-z]{2})*$', default: 'IR' }),
  // Six digits is the floor NIST 800-63B and ASVS 2.7.6 set (20 bits of entropy).
  OTP_LENGTH: Type.Integer({ minimum: 6, maximum: 10, default: 6 }),
  // NIST 800-63B 5.1.3.2: a code sent over SMS is invalid after 10 minutes at the most.
  OTP_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 600, default: 300 }),
  OTP_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  OTP_RESEND_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  OTP_PHONE_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  OTP_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  // Code requests whose send failed, per number and per client address: what bounds the provider calls an
  // anonymous client can cause with numbers that are refused, since such a send gives its other limits back.
  OTP_FAILED_SEND_PHONE_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  OTP_FAILED_SEND_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  OTP_VERIFY_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100 }),
  SMS_DAILY_LIMIT: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 10_000 }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 86_400, default: 900 }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 300, maximum: 31_536_000, default: 2_592_000 }),
  SMS_ENABLED: Type.Boolean({ default: true }),
  SMS_PROVIDER: Type.Optional(Type.Union(SMS_PROVIDER_NAMES.map((name) => Type.Literal(name)))),
  // An ordered list of the same names: each message goes to the first healthy one, then the next.
  SMS_PROVIDERS: Type.Optional(Type.String({ pattern: `^(${PROVIDER_NAME})( *, *(${PROVIDER_NAME}))*$` })),
  SMS_DEV_FALLBACK: Type.Boolean({ default: false }),
  SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5000 }),
  SMS_SENDER_NUMBER: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_USERNAME: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_BASE_URL: Type.String({ pattern: '^https?://.+', default: 'https://rest.payamak-panel.com' }),
  SMS_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://.+' })),
  SMS_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  KAVENEGAR_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  KAVENEGAR_SENDER: Type.Optional(Type.String({ pattern: '^\\d{3,20}$' })),
  KAVENEGAR_BASE_URL: Type.String({ pattern: '^https?://.+', default: 'https://api.kavenegar.com' }),
  SMSIR_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  SMSIR_LINE_NUMBER: Type.Optional(Type.String({ pattern: '^\\d{3,20}$' })),
  SMSIR_BASE_URL: Type.String({ pattern: '^https?://.+', default: 'https://api.sms.ir' }),
  SMS_BREAKER_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  SMS_BREAKER_COOLDOWN_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  // Covers every provider a code message is tried on; the user is waiting for the answer.
  SMS_OTP_DEADLINE_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 8000 }),
  // Queued messages (the admin send route): delivery tries before a message is given up as failed.
  SMS_QUEUE_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
  // Messages one instance's worker delivers at once.
  SMS_QUEUE_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 200, default: 8 }),
  // False: this instance queues messages but runs no worker and no delivery poller (others deliver them).
  SMS_QUEUE_WORKER: Type.Boolean({ default: true }),
  SMS_DELIVERY_POLL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  // `+989000000001:123456,...`: numbers that get no SMS and whose code is the one listed (parsed in index.ts).
  SMS_TEST_NUMBERS: Type.Optional(Type.String({ minLength: 1 })),
  SMS_TEST_NUMBERS_IN_PRODUCTION: Type.Boolean({ default: false }),
  WEBOTP_DOMAIN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' })),
  METRICS_ENABLED: Type.Boolean({ default: true }),
  // When set, GET /metrics needs `Authorization: Bearer <token>`.
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16, pattern: '^\\S+$' })),
});

export type Env = Static<typeof EnvSchema>;

/** Names whose values never appear in an error message. */
export const SECRET_VARIABLES = new Set([
  'AUTH_SECRET',
  'MELIPAYAMAK_PASSWORD',
  'SMS_WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'KAVENEGAR_API_KEY',
  'SMSIR_API_KEY',
  // A test number's code signs anyone in as that number.
  'SMS_TEST_NUMBERS',
]);
