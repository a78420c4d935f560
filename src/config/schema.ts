import { Type, type Static } from '@sinclair/typebox';

/** Every SMS provider otpgate has a driver for, as SMS_PROVIDER and SMS_PROVIDERS name them. */
export const SMS_PROVIDER_NAMES = [
  'melipayamak',
  'kavenegar',
  'smsir',
  'webhook',
  'telegram_gateway',
  'console',
] as const;
const PROVIDER_NAME = SMS_PROVIDER_NAMES.join('|');
// `allowed` says in words what a `pattern` allows: configuration errors print it instead of the pattern.
const HTTP_URL = 'an http:// or https:// URL';
const CORS_ORIGINS_ALLOWED =
  'origins separated by commas, each scheme://host[:port] with no path, such as https://shop.example.com';
const COUNTRY_CODES = 'two-letter country codes separated by commas, such as IR or IR,DE';

/**
 * Every environment variable otpgate reads, with its default and, in `description`, its meaning in one line.
 * `.env.example` is generated from this file (`npm run generate`), docs/configuration.md mirrors it, and
 * nothing else in the code reads `process.env`. A secret the operator makes up carries `makeWith`, the
 * command that makes a good one.
 */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    description:
      'production turns on the production rules: AUTH_SECRET required, no pretend SMS, provider URLs over https, the webhook signed',
    default: 'development',
  }),
  PORT: Type.Integer({ description: 'the port the service listens on', minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({
    description: 'the address the service listens on; 0.0.0.0 for every interface',
    minLength: 1,
    default: '127.0.0.1',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'how much the log says' },
  ),
  DATA_DIR: Type.String({
    description:
      'where the generated development AUTH_SECRET and the default SQLite database are kept (created readable by its owner only)',
    minLength: 1,
    default: './data',
  }),
  // Unset: SQLite at DATA_DIR/otpgate.db, so that DATA_DIR alone moves both the secret and the database.
  DATABASE_URL: Type.Optional(
    Type.String({
      description: 'the database; unset means SQLite at DATA_DIR/otpgate.db',
      pattern: '^(sqlite:.+|postgres(ql)?://.+)$',
      allowed: 'sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db',
    }),
  ),
  DATABASE_POOL_SIZE: Type.Integer({
    description:
      "PostgreSQL connections per instance; instances times this must stay below PostgreSQL's max_connections",
    minimum: 1,
    maximum: 200,
    default: 10,
  }),
  REDIS_URL: Type.Optional(
    Type.String({
      description:
        'when set, rate-limit counters live in Redis, shared by every instance; unset keeps them in the database',
      pattern: '^rediss?://.+',
      allowed: 'redis://[user:pass@]host:port[/db] or rediss://...',
    }),
  ),
  REDIS_KEY_PREFIX: Type.String({
    description: 'the prefix of every Redis key, to share one Redis between services',
    pattern: '^[A-Za-z0-9_:.-]{1,64}$',
    allowed: '1 to 64 letters, digits, _ : . or -',
    default: 'otpgate:',
  }),
  AUTH_SECRET: Type.Optional(
    Type.String({
      makeWith: 'openssl rand -base64 48',
      description:
        'signs access tokens and keys the code hashes; the same on every instance; required in production (in development one is generated into DATA_DIR)',
      minLength: 32,
    }),
  ),
  TRUST_PROXY: Type.String({
    description:
      "which proxies' X-Forwarded-For to believe: true, a hop count, or their addresses/CIDRs (true is refused in production)",
    minLength: 1,
    default: 'false',
  }),
  // The whole request, headers and body, must arrive within this; a client that trickles it is cut off.
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({
    description:
      "a request's headers and body must arrive within this; a client that trickles them is answered 408 and disconnected",
    minimum: 1000,
    maximum: 300_000,
    default: 10_000,
  }),
  // An idle kept-alive connection is closed after this. Longer than the 60 s idle timeout of common proxies
  // and load balancers, so that they never reuse a connection the server has just closed.
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Type.Integer({
    description: "an idle kept-alive connection is closed after this; keep it above your load balancer's idle timeout",
    minimum: 1000,
    maximum: 600_000,
    default: 72_000,
  }),
  MIGRATE_ON_START: Type.Optional(
    Type.Boolean({
      description:
        'migrate the schema at start; unset means true for SQLite and false otherwise (then a schema that is behind stops the start)',
    }),
  ),
  PHONE_ALLOWED_COUNTRIES: Type.String({
    description: 'the countries whose mobile numbers are accepted',
    pattern: '^[A-Za-z]{2}( *, *[A-Za-z]{2})*$',
    allowed: COUNTRY_CODES,
    default: 'IR',
  }),
  // Six digits is the floor NIST 800-63B and ASVS 2.7.6 set (20 bits of entropy).
  OTP_LENGTH: Type.Integer({ description: 'digits in a code', minimum: 6, maximum: 10, default: 6 }),
  // NIST 800-63B 5.1.3.2: a code sent over SMS is invalid after 10 minutes at the most.
  OTP_TTL_SECONDS: Type.Integer({
    description: 'how long a code is valid (NIST 800-63B caps SMS codes at 10 minutes)',
    minimum: 30,
    maximum: 600,
    default: 300,
  }),
  OTP_MAX_ATTEMPTS: Type.Integer({
    description: 'wrong codes before the code is burnt',
    minimum: 1,
    maximum: 100,
    default: 5,
  }),
  OTP_RESEND_SECONDS: Type.Integer({
    description: 'one code per number and purpose per this many seconds',
    minimum: 1,
    maximum: 3600,
    default: 60,
  }),
  OTP_PHONE_HOURLY_LIMIT: Type.Integer({
    description: 'codes per number per hour',
    minimum: 1,
    maximum: 1000,
    default: 5,
  }),
  OTP_IP_HOURLY_LIMIT: Type.Integer({
    description: 'codes per client address per hour',
    minimum: 1,
    maximum: 1_000_000,
    default: 30,
  }),
  // Per-address limits count an IPv6 client by its network of this many bits (a subscriber gets a whole /64).
  OTP_IPV6_PREFIX: Type.Integer({
    description: 'per-address limits count an IPv6 client by its network of this many bits',
    minimum: 32,
    maximum: 128,
    default: 64,
  }),
  // Code requests whose send failed, per number and per client address: what bounds the provider calls an
  // anonymous client can cause with numbers that are refused, since such a send gives its other limits back.
  OTP_FAILED_SEND_PHONE_HOURLY_LIMIT: Type.Integer({
    description: 'code requests per number per hour whose send failed after reaching a provider',
    minimum: 1,
    maximum: 1000,
    default: 3,
  }),
  // The address budget is taken up front, so it also caps one address's sends in flight: as large as the
  // address's hourly limit by default, so that a burst from behind a shared address (carrier NAT) gets the
  // whole of that limit, and failed sends still cannot make the provider calls unbounded.
  OTP_FAILED_SEND_IP_HOURLY_LIMIT: Type.Integer({
    description: 'code requests per client address per hour whose send failed; keep it at least OTP_IP_HOURLY_LIMIT',
    minimum: 1,
    maximum: 1_000_000,
    default: 30,
  }),
  OTP_VERIFY_IP_HOURLY_LIMIT: Type.Integer({
    description: 'failed verifies per client address per hour',
    minimum: 1,
    maximum: 1_000_000,
    default: 100,
  }),
  SMS_DAILY_LIMIT: Type.Integer({
    description: 'codes per day for the whole service: a cost ceiling against SMS pumping',
    minimum: 1,
    maximum: 100_000_000,
    default: 10_000,
  }),
  // The service's own external URL: the `iss` of its tokens and the base of the URLs its discovery document
  // names. Required in production, and https there; in development http://localhost:PORT (see index.ts).
  PUBLIC_URL: Type.Optional(
    Type.String({
      description:
        "the service's own external URL: the issuer of its tokens and the base of its discovery document's URLs; https and required in production",
      pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$',
      allowed: 'an http:// or https:// URL with no query or fragment, such as https://auth.example.com',
    }),
  ),
  // The `aud` of access tokens: what a shop's backend checks it is the audience of.
  TOKEN_AUDIENCE: Type.String({
    description: "the aud of access tokens: what a shop's backend checks they are for",
    pattern: '^[\\x21-\\x7e]{1,200}$',
    allowed: '1 to 200 printable characters without spaces',
    default: 'otpgate',
  }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({
    description: 'how long an access token is valid',
    minimum: 30,
    maximum: 86_400,
    default: 900,
  }),
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({
    description: 'how long a refresh token is valid if unused (30 days)',
    minimum: 300,
    maximum: 31_536_000,
    default: 2_592_000,
  }),
  // A session's absolute lifetime from its sign-in, however often it is refreshed (90 days).
  SESSION_MAX_AGE_SECONDS: Type.Integer({
    description: "a session's absolute lifetime from its sign-in with a code, however often it is refreshed (90 days)",
    minimum: 300,
    maximum: 315_360_000,
    default: 7_776_000,
  }),
  // A phone change needs a sign-in (a verified code) at most this old: a stolen access token alone is not enough.
  PHONE_CHANGE_MAX_AUTH_AGE_SECONDS: Type.Integer({
    description: 'a phone change needs a sign-in with a code at most this old, else 401 REAUTH_REQUIRED',
    minimum: 30,
    maximum: 86_400,
    default: 600,
  }),
  SMS_ENABLED: Type.Boolean({
    description: 'false forces the development fallback: codes are written to the log, not sent',
    default: true,
  }),
  SMS_PROVIDER: Type.Optional(
    Type.Union(
      SMS_PROVIDER_NAMES.map((name) => Type.Literal(name)),
      {
        description: 'one provider; unset picks every provider whose settings are complete, else the console fallback',
      },
    ),
  ),
  // An ordered list of the same names: each message goes to the first healthy one, then the next.
  SMS_PROVIDERS: Type.Optional(
    Type.String({
      description:
        'an ordered list of providers, such as melipayamak,kavenegar: failover in that order (set this or SMS_PROVIDER, not both)',
      pattern: `^(${PROVIDER_NAME})( *, *(${PROVIDER_NAME}))*$`,
      allowed: `provider names separated by commas, each one of ${SMS_PROVIDER_NAMES.join(', ')}`,
    }),
  ),
  SMS_DEV_FALLBACK: Type.Boolean({
    description: 'true allows the console fallback (codes written to the log) in production',
    default: false,
  }),
  SMS_TIMEOUT_MS: Type.Integer({
    description: 'one provider call, connection to last byte',
    minimum: 100,
    maximum: 60_000,
    default: 5000,
  }),
  SMS_SENDER_NUMBER: Type.Optional(Type.String({ description: 'your Melipayamak line (from)', minLength: 1 })),
  MELIPAYAMAK_USERNAME: Type.Optional(Type.String({ description: "the Melipayamak panel's user name", minLength: 1 })),
  MELIPAYAMAK_PASSWORD: Type.Optional(
    Type.String({
      description: "the Melipayamak panel's password (newer accounts: the API key)",
      minLength: 1,
    }),
  ),
  MELIPAYAMAK_BASE_URL: Type.String({
    description: "Melipayamak's API; https:// in production unless it points at this machine",
    pattern: '^https?://.+',
    allowed: HTTP_URL,
    default: 'https://rest.payamak-panel.com',
  }),
  SMS_WEBHOOK_URL: Type.Optional(
    Type.String({
      description:
        "your own gateway's endpoint, for SMS_PROVIDER=webhook; https:// in production unless it points at this machine",
      pattern: '^https?://.+',
      allowed: HTTP_URL,
    }),
  ),
  SMS_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      makeWith: 'echo "whsec_$(openssl rand -base64 32)"',
      description:
        'signs each webhook request (Standard Webhooks): whsec_ and base64, or a plain secret of at least 16 characters; required in production with the webhook provider',
      minLength: 16,
    }),
  ),
  KAVENEGAR_API_KEY: Type.Optional(
    Type.String({ description: "Kavenegar's API key, from the Kavenegar panel", minLength: 1 }),
  ),
  KAVENEGAR_SENDER: Type.Optional(
    Type.String({
      description: "the Kavenegar line free text goes out on; unset uses the account's default line",
      pattern: '^\\d{3,20}$',
      allowed: '3 to 20 digits',
    }),
  ),
  KAVENEGAR_BASE_URL: Type.String({
    description: "Kavenegar's API; https:// in production unless it points at this machine",
    pattern: '^https?://.+',
    allowed: HTTP_URL,
    default: 'https://api.kavenegar.com',
  }),
  SMSIR_API_KEY: Type.Optional(Type.String({ description: "SMS.ir's API key, from the SMS.ir panel", minLength: 1 })),
  SMSIR_LINE_NUMBER: Type.Optional(
    Type.String({
      description: 'the SMS.ir line free text goes out on',
      pattern: '^\\d{3,20}$',
      allowed: '3 to 20 digits',
    }),
  ),
  SMSIR_BASE_URL: Type.String({
    description: "SMS.ir's API; https:// in production unless it points at this machine",
    pattern: '^https?://.+',
    allowed: HTTP_URL,
    default: 'https://api.sms.ir',
  }),
  // A verification channel rather than SMS: it carries codes only, to numbers with a Telegram account.
  TELEGRAM_GATEWAY_TOKEN: Type.Optional(
    Type.String({
      description:
        'the Telegram Gateway API token (gateway.telegram.org account page), for the telegram_gateway provider, which sends codes to Telegram',
      // It goes into an Authorization header: a space or line break is a pasting mistake, caught at start.
      pattern: '^[\\x21-\\x7e]{1,512}$',
      allowed: '1 to 512 printable characters without spaces',
    }),
  ),
  TELEGRAM_GATEWAY_BASE_URL: Type.String({
    description: "Telegram Gateway's API; https:// in production unless it points at this machine",
    pattern: '^https?://.+',
    allowed: HTTP_URL,
    default: 'https://gatewayapi.telegram.org',
  }),
  SMS_BREAKER_FAILURES: Type.Integer({
    description: 'failures in a row after which a provider is skipped',
    minimum: 1,
    maximum: 1000,
    default: 5,
  }),
  SMS_BREAKER_COOLDOWN_SECONDS: Type.Integer({
    description: 'how long a failing provider is skipped before one trial call',
    minimum: 1,
    maximum: 86_400,
    default: 60,
  }),
  // Covers every provider a code message is tried on; the user is waiting for the answer.
  SMS_OTP_DEADLINE_MS: Type.Integer({
    description:
      'a code message across every provider it is tried on; each call gets SMS_TIMEOUT_MS or what is left of this',
    minimum: 100,
    maximum: 120_000,
    default: 8000,
  }),
  // The most SMS one message may go out as (see text/sms-parts.ts). 4 is Kavenegar's documented ceiling (612
  // GSM-7 or 268 Persian characters), and failover may hand any message to any provider.
  SMS_MAX_PARTS: Type.Integer({
    description: 'the most SMS one message may go out as; a longer message is refused with 422 MESSAGE_TOO_LONG',
    minimum: 1,
    maximum: 10,
    default: 4,
  }),
  // Queued messages (the admin send route): delivery tries before a message is given up as failed.
  SMS_QUEUE_MAX_ATTEMPTS: Type.Integer({
    description: 'delivery tries of a queued message before it is failed',
    minimum: 1,
    maximum: 100,
    default: 8,
  }),
  // Messages one instance's worker delivers at once. The queue's pool holds one connection per provider for
  // each (sms/lanes.ts) and no more than 64: a message waiting inside the pool would spend its timeout there.
  SMS_QUEUE_CONCURRENCY: Type.Integer({
    description: 'queued messages one instance sends at once',
    minimum: 1,
    maximum: 64,
    default: 8,
  }),
  // The most calls a second one instance's queue makes to a provider: `50` for every provider, or per
  // provider, `melipayamak:20,kavenegar:10`, with an optional bare number for the rest (parsed in sms.ts).
  SMS_QUEUE_RATE_PER_SECOND: Type.String({
    description: "the most calls a second one instance's queue makes to a provider: 20, or melipayamak:20,kavenegar:10",
    pattern: '^ *([a-z]+ *: *)?[0-9]+(\\.[0-9]+)? *(, *([a-z]+ *: *)?[0-9]+(\\.[0-9]+)? *)*$',
    allowed: 'a number of calls per second, or PROVIDER:NUMBER pairs separated by commas, such as 20 or 10,kavenegar:5',
    default: '50',
  }),
  // False: this instance queues messages but runs no worker and no delivery poller (others deliver them).
  SMS_QUEUE_WORKER: Type.Boolean({
    description: 'false: this instance queues messages but runs no worker and no delivery poller (others deliver them)',
    default: true,
  }),
  // Per admin API key: messages it may queue per minute (a fixed window), and messages of it waiting at once
  // (queued or being sent). Past either, POST /sms/send answers 429 RATE_LIMITED.
  SMS_KEY_SEND_RATE_PER_MINUTE: Type.Integer({
    description: 'messages one admin API key may queue per minute; past it 429 RATE_LIMITED',
    minimum: 1,
    maximum: 1_000_000,
    default: 600,
  }),
  SMS_KEY_QUEUED_MAX: Type.Integer({
    description: 'messages of one admin API key waiting at once (queued or being sent); past it 429 RATE_LIMITED',
    minimum: 1,
    maximum: 1_000_000,
    default: 1000,
  }),
  SMS_DELIVERY_POLL_SECONDS: Type.Integer({
    description: 'how often providers that report delivery are asked about each sent message',
    minimum: 1,
    maximum: 86_400,
    default: 60,
  }),
  // Delivery-log rows older than this many days are deleted by every instance's maintenance, except messages
  // still queued or sending; 0 keeps the log for ever.
  SMS_LOG_RETENTION_DAYS: Type.Integer({
    description:
      'delivery-log rows older than this many days are deleted (never queued or sending ones); 0 keeps them for ever',
    minimum: 0,
    maximum: 36_500,
    default: 180,
  }),
  // `+989000000001:123456,...`: numbers that get no SMS and whose code is the one listed (parsed in index.ts).
  SMS_TEST_NUMBERS: Type.Optional(
    Type.String({
      description:
        '+989000000001:123456,...: numbers that get no SMS; the code listed is their code (anyone who knows it signs in as that number)',
      minLength: 1,
    }),
  ),
  SMS_TEST_NUMBERS_IN_PRODUCTION: Type.Boolean({
    description: 'true allows SMS_TEST_NUMBERS in production, where it is otherwise refused at start',
    default: false,
  }),
  WEBOTP_DOMAIN: Type.Optional(
    Type.String({
      description: 'adds the @domain #code line that browsers read for one-time-code autofill',
      pattern: '^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$',
      allowed: 'a domain name such as example.com',
    }),
  ),
  // Exact origins (scheme://host[:port], comma-separated) of browser front ends allowed to call the public
  // API with credentials. Checked one by one in browser.ts; `*` is refused because credentials are allowed.
  CORS_ORIGINS: Type.Optional(
    Type.String({
      description:
        'exact origins of browser front ends allowed to call the public API with credentials, comma-separated',
      minLength: 1,
      allowed: CORS_ORIGINS_ALLOWED,
    }),
  ),
  // Sign-in and refresh also set the refresh token as an HttpOnly cookie, which refresh and logout accept.
  SESSION_COOKIE: Type.Boolean({
    description:
      'true: sign-in and refresh from an allowed Origin set the refresh token as an HttpOnly cookie instead of in the body',
    default: false,
  }),
  // Where events (user.created, sms.status_changed, ...) are POSTed, signed the Standard Webhooks way with
  // EVENTS_WEBHOOK_SECRET (`whsec_` + base64). Both or neither; without them no event is written.
  EVENTS_WEBHOOK_URL: Type.Optional(
    Type.String({
      description:
        "where events for the shop's backend are POSTed (with EVENTS_WEBHOOK_SECRET); unset writes no events",
      pattern: '^https?://.+',
      allowed: HTTP_URL,
    }),
  ),
  EVENTS_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      description: 'signs each event the Standard Webhooks way; the same string your receiver verifies with',
      makeWith: "node -e \"console.log('whsec_' + require('crypto').randomBytes(32).toString('base64'))\"",
      pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
      allowed: 'whsec_ followed by base64 of at least 24 random bytes (the Standard Webhooks form)',
    }),
  ),
  // One delivery try, connect to last byte; a worker's lease on an event is this plus a margin.
  EVENTS_TIMEOUT_MS: Type.Integer({
    description: 'one event delivery try, connect to last byte; another instance may take the event over 5 s after it',
    minimum: 100,
    maximum: 60_000,
    default: 10_000,
  }),
  // Tries before an event is `failed` (with backoff from 10 s doubling to at most an hour between them).
  EVENTS_MAX_ATTEMPTS: Type.Integer({
    description: 'delivery tries before an event is failed (also given up 3 days after it happened)',
    minimum: 1,
    maximum: 100,
    default: 20,
  }),
  // Delivered and failed events older than this many days are deleted by maintenance: a user event names the
  // user (and the number), which is kept no longer than the receiver needs to have been told. 0 keeps them.
  EVENTS_RETENTION_DAYS: Type.Integer({
    description: 'delivered and failed events older than this many days are deleted; 0 keeps them',
    minimum: 0,
    maximum: 36_500,
    default: 30,
  }),
  // Unset means on, except in production with neither METRICS_TOKEN nor METRICS_PORT (see index.ts).
  METRICS_ENABLED: Type.Optional(
    Type.Boolean({
      description:
        'false removes GET /metrics; unset means on, except in production with neither METRICS_TOKEN nor METRICS_PORT',
    }),
  ),
  // When set, GET /metrics needs `Authorization: Bearer <token>`.
  METRICS_TOKEN: Type.Optional(
    Type.String({
      makeWith: 'openssl rand -hex 32',
      description:
        'when set, GET /metrics needs Authorization: Bearer <token>, and health shows its detail to that token',
      minLength: 16,
      pattern: '^\\S+$',
      allowed: 'at least 16 characters without spaces',
    }),
  ),
  // When set, /metrics is served only by a second listener on 127.0.0.1 at this port.
  METRICS_PORT: Type.Optional(
    Type.Integer({
      description: 'when set, /metrics is served only by a second listener on 127.0.0.1 at this port',
      minimum: 1,
      maximum: 65535,
    }),
  ),
  // Telegram sign-in: each way in is on only when what it needs is set (config/telegram.ts).
  TELEGRAM_BOT_TOKEN: Type.Optional(
    Type.String({
      description: "the bot's token from @BotFather; turns on sign-in with the login widget and Mini Apps",
      pattern: '^[0-9]+:[A-Za-z0-9_-]+$',
      allowed: "the token @BotFather gave, such as 123456789:AAE... (the bot's id, a colon, then the secret)",
    }),
  ),
  TELEGRAM_BOT_USERNAME: Type.Optional(
    Type.String({
      description:
        "the bot's username without @: for front ends that embed the login widget, and the t.me links of sign-in through the bot",
      pattern: '^[A-Za-z][A-Za-z0-9_]{3,31}$',
      allowed: 'a Telegram bot username, such as shop_login_bot',
    }),
  ),
  TELEGRAM_AUTH_MAX_AGE_SECONDS: Type.Integer({
    description: 'how old a widget or Mini App login may be (its auth_date) and still sign in',
    default: 300,
    minimum: 30,
    maximum: 86_400,
  }),
  TELEGRAM_IP_HOURLY_LIMIT: Type.Integer({
    description: 'requests to the Telegram routes per client address per hour (an OpenID Connect sign-in makes three)',
    default: 300,
    minimum: 1,
    maximum: 1_000_000,
  }),
  TELEGRAM_LINK_TTL_SECONDS: Type.Integer({
    description:
      'how long a sign-in link or QR code for the bot (t.me/<bot>?start=...) stays usable; links to link an account last 10 minutes',
    default: 300,
    minimum: 60,
    maximum: 600,
  }),
  TELEGRAM_SHOP_NAME: Type.Optional(
    Type.String({
      description: 'the shop\'s name as the bot says it ("Sign in to <name>?"); by default the host of PUBLIC_URL',
      minLength: 1,
      maxLength: 64,
      // Checked in config/telegram.ts: one line, no character that reorders the sentence it sits in.
    }),
  ),
  TELEGRAM_OIDC_CLIENT_ID: Type.Optional(
    Type.String({
      description: "Log In With Telegram (OpenID Connect): the Client ID from @BotFather's Web Login settings",
      minLength: 1,
      maxLength: 128,
    }),
  ),
  TELEGRAM_OIDC_CLIENT_SECRET: Type.Optional(
    Type.String({
      description: 'the Client Secret from the same screen; with the client id, turns on OpenID Connect sign-in',
      minLength: 1,
      maxLength: 512,
    }),
  ),
  TELEGRAM_OIDC_ISSUER: Type.String({
    description: "Telegram's OpenID Connect issuer; change it only for a proxy or a test double",
    default: 'https://oauth.telegram.org',
    pattern: '^https?://.+',
    allowed: HTTP_URL,
  }),
  TELEGRAM_OIDC_TIMEOUT_MS: Type.Integer({
    description: "one call to Telegram's issuer (discovery, keys, token), connect to last byte",
    default: 5000,
    minimum: 500,
    maximum: 60_000,
  }),
  TELEGRAM_LOGIN_RETURN_URLS: Type.Optional(
    Type.String({
      description:
        'the exact URLs an OpenID Connect sign-in with Telegram may return to, comma-separated; the hosted sign-in page (PUBLIC_URL/login/telegram) is always allowed',
      minLength: 1,
      allowed: 'absolute URLs separated by commas, such as https://shop.example.com/login/done',
    }),
  ),
  // The Telegram bot (config/telegram.ts): on with TELEGRAM_BOT_TOKEN.
  TELEGRAM_API_ROOT: Type.String({
    description: "where the bot calls the Bot API: Telegram's, or a relay or proxy that forwards to it",
    default: 'https://api.telegram.org',
    pattern: '^https?://.+[^/]$',
    allowed: `${HTTP_URL}, without a trailing /`,
  }),
  TELEGRAM_UPDATES: Type.Optional(
    Type.Union([Type.Literal('webhook'), Type.Literal('polling'), Type.Literal('off')], {
      description:
        'how the bot receives updates: webhook (Telegram POSTs to PUBLIC_URL), polling (one instance asks), or off; unset: polling in development, webhook in production when TELEGRAM_WEBHOOK_SECRET is set (else off), off in tests',
    }),
  ),
  TELEGRAM_WEBHOOK_SECRET: Type.Optional(
    Type.String({
      description:
        'the secret Telegram sends with each webhook update (X-Telegram-Bot-Api-Secret-Token); required for webhook',
      pattern: '^[A-Za-z0-9_-]{32,256}$',
      allowed: '32 to 256 characters from A-Z a-z 0-9 _ -',
      makeWith: 'openssl rand -hex 32',
    }),
  ),
  // Codes by Telegram (POST /phone/login/request with channel telegram or auto): the bot's try, then SMS.
  TELEGRAM_CODE_TIMEOUT_MS: Type.Integer({
    description:
      'how long a code sent by the bot may take before it goes by SMS instead; at most SMS_OTP_DEADLINE_MS minus SMS_TIMEOUT_MS, so that the SMS still has its full call',
    minimum: 100,
    maximum: 60_000,
    default: 3000,
  }),
  TELEGRAM_CODE_CHANNEL_DISCLOSE: Type.Boolean({
    description:
      'true adds `channel` (sms or telegram) to the code request answer; it then tells anyone whether a number has an account with a linked Telegram',
    default: false,
  }),
  ALERTS_PER_UNIT: Type.Optional(
    Type.Integer({
      description:
        'a restock notifies at most this many subscribers per unit reported, oldest first (the rest wait for the next); unset: everyone',
      minimum: 1,
      maximum: 1_000_000,
    }),
  ),
  ALERTS_QUIET_HOURS: Type.Optional(
    Type.String({
      description:
        'hours in ALERTS_TIME_ZONE when SMS alerts wait for the morning, as START-END (22-08, or 22:30-07:45); Telegram alerts are not held',
      pattern: '^\\d{1,2}(:\\d{2})?-\\d{1,2}(:\\d{2})?$',
      allowed: 'START-END in hours (22-08) or hours and minutes (22:30-07:45)',
    }),
  ),
  ALERTS_TIME_ZONE: Type.String({
    description: 'the IANA time zone ALERTS_QUIET_HOURS is read in',
    default: 'Asia/Tehran',
    minLength: 1,
    maxLength: 64,
  }),
  ALERTS_TELEGRAM_PER_SECOND: Type.Integer({
    description:
      'alert messages the bot sends per second, all chats together (Telegram allows about 30; each chat gets at most one a second)',
    default: 25,
    minimum: 1,
    maximum: 30,
  }),
});

export type Env = Static<typeof EnvSchema>;

/** Names whose values never appear in an error message. */
export const SECRET_VARIABLES = new Set([
  'AUTH_SECRET',
  'MELIPAYAMAK_PASSWORD',
  'SMS_WEBHOOK_SECRET',
  'EVENTS_WEBHOOK_SECRET',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_OIDC_CLIENT_SECRET',
  'TELEGRAM_WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'KAVENEGAR_API_KEY',
  'SMSIR_API_KEY',
  'TELEGRAM_GATEWAY_TOKEN',
  // A test number's code signs anyone in as that number.
  'SMS_TEST_NUMBERS',
]);

export interface EnvGroup {
  readonly title: string;
  readonly variables: ReadonlyArray<keyof Env>;
}

/**
 * The sections of `.env.example`, in its order. Every variable of the schema is in exactly one of them: the
 * generator refuses to write the file otherwise, so a new variable cannot be left out of it.
 */
export const ENV_GROUPS: readonly EnvGroup[] = [
  { title: 'Service', variables: ['NODE_ENV', 'HOST', 'PORT', 'LOG_LEVEL', 'DATA_DIR', 'AUTH_SECRET'] },
  {
    title: 'HTTP',
    variables: ['TRUST_PROXY', 'HTTP_REQUEST_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS'],
  },
  { title: 'Database', variables: ['DATABASE_URL', 'DATABASE_POOL_SIZE', 'MIGRATE_ON_START'] },
  { title: 'Redis (shared rate-limit counters)', variables: ['REDIS_URL', 'REDIS_KEY_PREFIX'] },
  {
    title: 'Codes and their limits',
    variables: [
      'PHONE_ALLOWED_COUNTRIES',
      'OTP_LENGTH',
      'OTP_TTL_SECONDS',
      'OTP_MAX_ATTEMPTS',
      'OTP_RESEND_SECONDS',
      'OTP_PHONE_HOURLY_LIMIT',
      'OTP_IP_HOURLY_LIMIT',
      'OTP_IPV6_PREFIX',
      'OTP_VERIFY_IP_HOURLY_LIMIT',
      'OTP_FAILED_SEND_PHONE_HOURLY_LIMIT',
      'OTP_FAILED_SEND_IP_HOURLY_LIMIT',
      'SMS_DAILY_LIMIT',
      'WEBOTP_DOMAIN',
    ],
  },
  {
    title: 'Sessions',
    variables: [
      'PUBLIC_URL',
      'TOKEN_AUDIENCE',
      'CORS_ORIGINS',
      'SESSION_COOKIE',
      'ACCESS_TOKEN_TTL_SECONDS',
      'REFRESH_TOKEN_TTL_SECONDS',
      'SESSION_MAX_AGE_SECONDS',
      'PHONE_CHANGE_MAX_AUTH_AGE_SECONDS',
    ],
  },
  {
    title: 'SMS providers',
    variables: [
      'SMS_ENABLED',
      'SMS_PROVIDER',
      'SMS_PROVIDERS',
      'SMS_DEV_FALLBACK',
      'SMS_TIMEOUT_MS',
      'SMS_OTP_DEADLINE_MS',
      'SMS_BREAKER_FAILURES',
      'SMS_BREAKER_COOLDOWN_SECONDS',
      'SMS_MAX_PARTS',
      'SMS_TEST_NUMBERS',
      'SMS_TEST_NUMBERS_IN_PRODUCTION',
    ],
  },
  {
    title: 'Melipayamak',
    variables: ['MELIPAYAMAK_USERNAME', 'MELIPAYAMAK_PASSWORD', 'SMS_SENDER_NUMBER', 'MELIPAYAMAK_BASE_URL'],
  },
  { title: 'Kavenegar', variables: ['KAVENEGAR_API_KEY', 'KAVENEGAR_SENDER', 'KAVENEGAR_BASE_URL'] },
  { title: 'SMS.ir', variables: ['SMSIR_API_KEY', 'SMSIR_LINE_NUMBER', 'SMSIR_BASE_URL'] },
  { title: 'Your own SMS gateway (webhook)', variables: ['SMS_WEBHOOK_URL', 'SMS_WEBHOOK_SECRET'] },
  {
    title: 'Telegram Gateway (codes through Telegram, listed in SMS_PROVIDERS as telegram_gateway)',
    variables: ['TELEGRAM_GATEWAY_TOKEN', 'TELEGRAM_GATEWAY_BASE_URL'],
  },
  {
    title: 'Queued messages (the admin send API)',
    variables: [
      'SMS_QUEUE_WORKER',
      'SMS_QUEUE_CONCURRENCY',
      'SMS_QUEUE_RATE_PER_SECOND',
      'SMS_QUEUE_MAX_ATTEMPTS',
      'SMS_KEY_SEND_RATE_PER_MINUTE',
      'SMS_KEY_QUEUED_MAX',
      'SMS_DELIVERY_POLL_SECONDS',
      'SMS_LOG_RETENTION_DAYS',
    ],
  },
  {
    title: "Events to the shop's backend",
    variables: [
      'EVENTS_WEBHOOK_URL',
      'EVENTS_WEBHOOK_SECRET',
      'EVENTS_TIMEOUT_MS',
      'EVENTS_MAX_ATTEMPTS',
      'EVENTS_RETENTION_DAYS',
    ],
  },
  {
    title: 'Sign in with Telegram',
    variables: [
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_BOT_USERNAME',
      'TELEGRAM_AUTH_MAX_AGE_SECONDS',
      'TELEGRAM_IP_HOURLY_LIMIT',
      'TELEGRAM_LINK_TTL_SECONDS',
      'TELEGRAM_SHOP_NAME',
      'TELEGRAM_OIDC_CLIENT_ID',
      'TELEGRAM_OIDC_CLIENT_SECRET',
      'TELEGRAM_OIDC_ISSUER',
      'TELEGRAM_OIDC_TIMEOUT_MS',
      'TELEGRAM_LOGIN_RETURN_URLS',
    ],
  },
  {
    title: 'The Telegram bot',
    variables: [
      'TELEGRAM_API_ROOT',
      'TELEGRAM_UPDATES',
      'TELEGRAM_WEBHOOK_SECRET',
      'TELEGRAM_CODE_TIMEOUT_MS',
      'TELEGRAM_CODE_CHANNEL_DISCLOSE',
    ],
  },
  {
    title: 'Back-in-stock alerts',
    variables: ['ALERTS_PER_UNIT', 'ALERTS_QUIET_HOURS', 'ALERTS_TIME_ZONE', 'ALERTS_TELEGRAM_PER_SECOND'],
  },
  { title: 'Metrics', variables: ['METRICS_ENABLED', 'METRICS_TOKEN', 'METRICS_PORT'] },
];
