import { Type, type Static } from '@sinclair/typebox';

/**
 * Every environment variable otpgate reads, with its default. The README's configuration table mirrors this
 * file; nothing else in the code reads `process.env`.
 */
/** Every SMS provider otpgate has a driver for, as SMS_PROVIDER and SMS_PROVIDERS name them. */
export const SMS_PROVIDER_NAMES = ['melipayamak', 'kavenegar', 'smsir', 'webhook', 'console'] as const;
const PROVIDER_NAME = SMS_PROVIDER_NAMES.join('|');
// `allowed` says in words what a `pattern` allows: configuration errors print it instead of the pattern.
const HTTP_URL = 'an http:// or https:// URL';
const COUNTRY_CODES = 'two-letter country codes separated by commas, such as IR or IR,DE';

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
  // Unset: SQLite at DATA_DIR/otpgate.db, so that DATA_DIR alone moves both the secret and the database.
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^(sqlite:.+|postgres(ql)?://.+)$',
      allowed: 'sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db',
    }),
  ),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  REDIS_URL: Type.Optional(
    Type.String({ pattern: '^rediss?://.+', allowed: 'redis://[user:pass@]host:port[/db] or rediss://...' }),
  ),
  REDIS_KEY_PREFIX: Type.String({
    pattern: '^[A-Za-z0-9_:.-]{1,64}$',
    allowed: '1 to 64 letters, digits, _ : . or -',
    default: 'otpgate:',
  }),
  AUTH_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  TRUST_PROXY: Type.String({ minLength: 1, default: 'false' }),
  // The whole request, headers and body, must arrive within this; a client that trickles it is cut off.
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 300_000, default: 10_000 }),
  // An idle kept-alive connection is closed after this. Longer than the 60 s idle timeout of common proxies
  // and load balancers, so that they never reuse a connection the server has just closed.
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 72_000 }),
  MIGRATE_ON_START: Type.Optional(Type.Boolean()),
  PHONE_ALLOWED_COUNTRIES: Type.String({
    pattern: '^[A-Za-z]{2}( *, *[A-Za-z]{2})*$',
    allowed: COUNTRY_CODES,
    default: 'IR',
  }),
  // Six digits is the floor NIST 800-63B and ASVS 2.7.6 set (20 bits of entropy).
  OTP_LENGTH: Type.Integer({ minimum: 6, maximum: 10, default: 6 }),
  // NIST 800-63B 5.1.3.2: a code sent over SMS is invalid after 10 minutes at the most.
  OTP_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 600, default: 300 }),
  OTP_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  OTP_RESEND_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  OTP_PHONE_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  OTP_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  // Per-address limits count an IPv6 client by its network of this many bits (a subscriber gets a whole /64).
  OTP_IPV6_PREFIX: Type.Integer({ minimum: 32, maximum: 128, default: 64 }),
  // Code requests whose send failed, per number and per client address: what bounds the provider calls an
  // anonymous client can cause with numbers that are refused, since such a send gives its other limits back.
  OTP_FAILED_SEND_PHONE_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  // The address budget is taken up front, so it also caps one address's sends in flight: as large as the
  // address's hourly limit by default, so that a burst from behind a shared address (carrier NAT) gets the
  // whole of that limit, and failed sends still cannot make the provider calls unbounded.
  OTP_FAILED_SEND_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  OTP_VERIFY_IP_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100 }),
  SMS_DAILY_LIMIT: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 10_000 }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 86_400, default: 900 }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 300, maximum: 31_536_000, default: 2_592_000 }),
  // A session's absolute lifetime from its sign-in, however often it is refreshed (90 days).
  SESSION_MAX_AGE_SECONDS: Type.Integer({ minimum: 300, maximum: 315_360_000, default: 7_776_000 }),
  // A phone change needs a sign-in (a verified code) at most this old: a stolen access token alone is not enough.
  PHONE_CHANGE_MAX_AUTH_AGE_SECONDS: Type.Integer({ minimum: 30, maximum: 86_400, default: 600 }),
  SMS_ENABLED: Type.Boolean({ default: true }),
  SMS_PROVIDER: Type.Optional(Type.Union(SMS_PROVIDER_NAMES.map((name) => Type.Literal(name)))),
  // An ordered list of the same names: each message goes to the first healthy one, then the next.
  SMS_PROVIDERS: Type.Optional(
    Type.String({
      pattern: `^(${PROVIDER_NAME})( *, *(${PROVIDER_NAME}))*$`,
      allowed: `provider names separated by commas, each one of ${SMS_PROVIDER_NAMES.join(', ')}`,
    }),
  ),
  SMS_DEV_FALLBACK: Type.Boolean({ default: false }),
  SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5000 }),
  SMS_SENDER_NUMBER: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_USERNAME: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  MELIPAYAMAK_BASE_URL: Type.String({
    pattern: '^https?://.+',
    allowed: HTTP_URL,
    default: 'https://rest.payamak-panel.com',
  }),
  SMS_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://.+', allowed: HTTP_URL })),
  SMS_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  KAVENEGAR_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  KAVENEGAR_SENDER: Type.Optional(Type.String({ pattern: '^\\d{3,20}$', allowed: '3 to 20 digits' })),
  KAVENEGAR_BASE_URL: Type.String({ pattern: '^https?://.+', allowed: HTTP_URL, default: 'https://api.kavenegar.com' }),
  SMSIR_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  SMSIR_LINE_NUMBER: Type.Optional(Type.String({ pattern: '^\\d{3,20}$', allowed: '3 to 20 digits' })),
  SMSIR_BASE_URL: Type.String({ pattern: '^https?://.+', allowed: HTTP_URL, default: 'https://api.sms.ir' }),
  SMS_BREAKER_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  SMS_BREAKER_COOLDOWN_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  // Covers every provider a code message is tried on; the user is waiting for the answer.
  SMS_OTP_DEADLINE_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 8000 }),
  // The most SMS one message may go out as (see text/sms-parts.ts). 4 is Kavenegar's documented ceiling (612
  // GSM-7 or 268 Persian characters), and failover may hand any message to any provider.
  SMS_MAX_PARTS: Type.Integer({ minimum: 1, maximum: 10, default: 4 }),
  // Queued messages (the admin send route): delivery tries before a message is given up as failed.
  SMS_QUEUE_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
  // Messages one instance's worker delivers at once. The queue's pool holds one connection per provider for
  // each (sms/lanes.ts) and no more than 64: a message waiting inside the pool would spend its timeout there.
  SMS_QUEUE_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 8 }),
  // The most calls a second one instance's queue makes to a provider: `50` for every provider, or per
  // provider, `melipayamak:20,kavenegar:10`, with an optional bare number for the rest (parsed in sms.ts).
  SMS_QUEUE_RATE_PER_SECOND: Type.String({
    pattern: '^ *([a-z]+ *: *)?[0-9]+(\\.[0-9]+)? *(, *([a-z]+ *: *)?[0-9]+(\\.[0-9]+)? *)*$',
    allowed: 'a number of calls per second, or PROVIDER:NUMBER pairs separated by commas, such as 20 or 10,kavenegar:5',
    default: '50',
  }),
  // False: this instance queues messages but runs no worker and no delivery poller (others deliver them).
  SMS_QUEUE_WORKER: Type.Boolean({ default: true }),
  // Per admin API key: messages it may queue per minute (a fixed window), and messages of it waiting at once
  // (queued or being sent). Past either, POST /sms/send answers 429 RATE_LIMITED.
  SMS_KEY_SEND_RATE_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 600 }),
  SMS_KEY_QUEUED_MAX: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1000 }),
  SMS_DELIVERY_POLL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  // Delivery-log rows older than this many days are deleted by every instance's maintenance, except messages
  // still queued or sending; 0 keeps the log for ever.
  SMS_LOG_RETENTION_DAYS: Type.Integer({ minimum: 0, maximum: 36_500, default: 180 }),
  // `+989000000001:123456,...`: numbers that get no SMS and whose code is the one listed (parsed in index.ts).
  SMS_TEST_NUMBERS: Type.Optional(Type.String({ minLength: 1 })),
  SMS_TEST_NUMBERS_IN_PRODUCTION: Type.Boolean({ default: false }),
  WEBOTP_DOMAIN: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$', allowed: 'a domain name such as example.com' }),
  ),
  // Where events (user.created, sms.status_changed, ...) are POSTed, signed the Standard Webhooks way with
  // EVENTS_WEBHOOK_SECRET (`whsec_` + base64). Both or neither; without them no event is written.
  EVENTS_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://.+', allowed: HTTP_URL })),
  EVENTS_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
      allowed: 'whsec_ followed by base64 of at least 24 random bytes (the Standard Webhooks form)',
    }),
  ),
  // One delivery try, connect to last byte; a worker's lease on an event is this plus a margin.
  EVENTS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000 }),
  // Tries before an event is `failed` (with backoff from 10 s doubling to at most an hour between them).
  EVENTS_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  // Delivered and failed events older than this many days are deleted by maintenance: a user event names the
  // user (and the number), which is kept no longer than the receiver needs to have been told. 0 keeps them.
  EVENTS_RETENTION_DAYS: Type.Integer({ minimum: 0, maximum: 36_500, default: 30 }),
  // Unset means on, except in production with neither METRICS_TOKEN nor METRICS_PORT (see index.ts).
  METRICS_ENABLED: Type.Optional(Type.Boolean()),
  // When set, GET /metrics needs `Authorization: Bearer <token>`.
  METRICS_TOKEN: Type.Optional(
    Type.String({ minLength: 16, pattern: '^\\S+$', allowed: 'at least 16 characters without spaces' }),
  ),
  // When set, /metrics is served only by a second listener on 127.0.0.1 at this port.
  METRICS_PORT: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
});

export type Env = Static<typeof EnvSchema>;

/** Names whose values never appear in an error message. */
export const SECRET_VARIABLES = new Set([
  'AUTH_SECRET',
  'MELIPAYAMAK_PASSWORD',
  'SMS_WEBHOOK_SECRET',
  'EVENTS_WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'KAVENEGAR_API_KEY',
  'SMSIR_API_KEY',
  // A test number's code signs anyone in as that number.
  'SMS_TEST_NUMBERS',
]);
