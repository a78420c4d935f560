import type { Generated } from 'kysely';

/**
 * Table types. Times are epoch milliseconds (bigint columns read back as numbers on both dialects) and
 * flags are 0/1 integers, because SQLite has neither a timestamp nor a boolean type and one schema serves
 * both databases.
 */
export interface UsersTable {
  id: string;
  /** E.164; null for a user who signed in with Telegram only and has not added a number. */
  phone_number: string | null;
  phone_verified: number;
  locale: string | null;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
  /** The shop's own id for this user, unique when set. */
  external_id: string | null;
  /** When an admin blocked the user; null while the user may sign in. */
  blocked_at: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  /** All refresh tokens descended from one sign-in share a family; reuse of a rotated one revokes it. */
  family_id: string;
  token_hash: string;
  expires_at: number;
  /** When the family's sign-in happened (a verified code); refreshes copy it, never renew it. */
  auth_time: number;
  /** How the family signed in: `sms` or `telegram` (the tokens' `amr`). */
  amr: Generated<string>;
  rotated_at: number | null;
  revoked_at: number | null;
  created_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface OtpCodesTable {
  id: string;
  /** purpose, subject and number in one unique key: a new request for it replaces the previous code. */
  challenge_key: string;
  phone_number: string;
  purpose: string;
  user_id: string | null;
  code_hash: string;
  attempts: number;
  max_attempts: number;
  expires_at: number;
  consumed_at: number | null;
  created_at: number;
  /** The code sealed (AES-256-GCM) while a send of it timed out, for the retry to resend; otherwise null. */
  pending_code: string | null;
}

/** Owned by rate-limiter-flexible's SQL stores: the column names and order are theirs. */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: number | null;
  /** With Redis: how much of `points` is in Redis already, for the window ending at `carried_expire`. */
  carried: Generated<number>;
  carried_expire: number | null;
}

export interface PhoneVerificationsTable {
  id: string;
  user_id: string;
  old_phone_number: string | null;
  new_phone_number: string;
  ip: string | null;
  verified_at: number;
}

export interface SmsLogsTable {
  id: string;
  phone_number: string;
  template: string | null;
  locale: string | null;
  provider: string;
  provider_message_id: string | null;
  status: string;
  error_code: string | null;
  error_message: string | null;
  /** The message as sent, with any one-time code masked. */
  text: string;
  attempts: number;
  created_at: number;
  updated_at: number;
  /** What to send (JSON: text, params, approvedBy) while the message is not final; then null. */
  payload: string | null;
  /** While `queued`: when a worker may try it. Null otherwise. */
  next_attempt_at: number | null;
  /** While a worker holds it (`sending`): when its claim lapses. Null otherwise. */
  lease_until: number | null;
  /** Delivery tries made (claims); SMS_QUEUE_MAX_ATTEMPTS bounds it. `attempts` counts provider calls. */
  tries: number;
  api_key_id: string | null;
  idempotency_key: string | null;
  /** SHA-256 of the normalised request a key was first used with. */
  request_hash: string | null;
  /** The provider's own delivery status code. */
  provider_status: string | null;
  /** What the provider says the message cost, in its own unit. */
  cost: number | null;
  queued_at: number | null;
  sending_at: number | null;
  sent_at: number | null;
  /** When it reached a final status (delivered, undelivered, failed, expired). */
  final_at: number | null;
  /** When the delivery poller next asks the provider; null when nothing will be asked. */
  poll_at: number | null;
  /** Delivery-status reads that failed in a row (counted at claim, cleared by a read); the poller stops at its limit. */
  poll_failures: number;
  /** Who cancelled a `cancelled` message: the API key's id, or `cli`. */
  cancelled_by: string | null;
}

export interface SmsTemplatesTable {
  id: string;
  key: string;
  locale: string;
  /** Placeholders such as `{code}` stand for the values a message is rendered with. */
  body: string;
  /** JSON: provider name → `{id, args}`, its approved template's id and the placeholders it takes in order. */
  approved: string;
  created_at: number;
  updated_at: number;
}

/** A Telegram identity and the user it belongs to (one each way). */
export interface TelegramUsersTable {
  /** Telegram's numeric user id, as a decimal string (it can exceed 2^53 in the future). */
  telegram_id: string;
  user_id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  photo_url: string | null;
  language_code: string | null;
  chat_id: string | null;
  first_sign_in_at: number | null;
  last_sign_in_at: number | null;
  /** When the bot learned it may not write to this user (403, or blocked in a `my_chat_member`); null: it may. */
  bot_blocked_at: number | null;
  /** When the user sent /stop (no messages unasked until /start); null: they did not, or came back. */
  bot_stopped_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Widget and Mini App logins already used, kept until they could no longer be fresh. */
export interface TelegramLoginReplaysTable {
  key: string;
  expires_at: number;
}

/** An OpenID Connect sign-in with Telegram under way, between the start and the callback. */
export interface TelegramOidcStatesTable {
  state_hash: string;
  /** The hash of the cookie set on the browser that started: the callback must come from it. */
  browser_hash: string;
  return_to: string;
  /** `signin`, or `link` for a signed-in user adding Telegram (then `link_user_id` when it was known). */
  intent: string;
  link_user_id: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** A verified Telegram identity waiting for the front end to exchange its one-time code. */
export interface TelegramOidcGrantsTable {
  code_hash: string;
  telegram_id: string;
  /** The profile from the id_token, as JSON. */
  profile: string;
  /** E.164, verified by Telegram, when the user shared it. */
  phone_number: string | null;
  intent: string;
  link_user_id: string | null;
  /** The name of the cookie that binds the sign-in to its browser, and the hash of its value. */
  binding: string;
  browser_hash: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** A sign-in or a link through the bot, from its `t.me/<bot>?start=` link to its use (migration 0017). */
export interface TelegramLinkTokensTable {
  id: string;
  /** `login` (a browser signs in) or `link` (a signed-in user links Telegram). */
  purpose: string;
  /** SHA-256 of the start token the link carries; the token itself is never stored. */
  token_hash: string;
  /** SHA-256 of the poll secret only the asking browser holds (login only). */
  poll_hash: string | null;
  /** The signed-in user who asked to link (link only). */
  user_id: string | null;
  /** pending, confirmed, cancelled or used; expired is `expires_at` in the past, never written. */
  status: Generated<string>;
  /** The Telegram user who opened the link: the only one who may confirm or cancel it. */
  telegram_id: string | null;
  /** JSON: the TelegramProfile of that user, as the bot's update gave it. */
  profile: string | null;
  /** The asking browser, as "<browser> on <os>" from its User-Agent (short, cleaned). */
  device: string | null;
  ip: string | null;
  created_at: number;
  expires_at: number;
  /** When it was confirmed or cancelled. */
  decided_at: number | null;
  /** When its session was taken (login) or its link made (link). */
  used_at: number | null;
}

/** grammY's session per Telegram user (telegram/bot/storage.ts); a row past `expires_at` reads as absent. */
export interface TelegramBotSessionsTable {
  key: string;
  /** The session, as JSON. */
  value: string;
  expires_at: number;
  updated_at: number;
}

/** Each Telegram update taken, so that it is handled once (telegram/bot/updates.ts). */
export interface TelegramBotUpdatesTable {
  /** The numeric id at the head of the bot's token: update ids are unique per bot only. */
  bot_id: string;
  update_id: number;
  status: 'handling' | 'done';
  /** Who holds the update while `handling`: fences the holder's writes after its lease was taken over. */
  claim: string | null;
  claimed_until: number | null;
  received_at: number;
  done_at: number | null;
}

/**
 * Who polls Telegram for one bot's updates, under a lease on the database's clock, and the offset of the next
 * getUpdates (migration 0018).
 */
export interface TelegramBotPollersTable {
  /** The bot's numeric id (the token before `:`). */
  bot_id: string;
  /** The poller holding (or that last held) the lease; null once released. */
  holder: string | null;
  lease_until: number;
  /** One past the last update handled: the `offset` of the next getUpdates. */
  next_offset: number;
  updated_at: number;
}

export interface TelegramDeepLinksTable {
  id: string;
  token_hash: string;
  purpose: string;
  payload: string | null;
  telegram_id: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** Back-in-stock subscriptions (0020): see the migration for the meaning of each column. */
export interface StockAlertsTable {
  id: string;
  user_id: string;
  product_id: string;
  /** '' when the shop has no variants. */
  variant_id: string;
  /** `sms` or `telegram`. */
  channel: string;
  locale: string;
  /** `active`, `notified` or `cancelled`. */
  status: string;
  /** Random, unique: the one-click cancel and click tokens are made from it (alerts/link-token.ts). */
  link_key: string;
  created_at: number;
  notified_at: number | null;
  restock_id: string | null;
  /** The queued message: an `sms_logs` id (channel sms) or a `telegram_messages` id (channel telegram). */
  message_id: string | null;
  clicked_at: number | null;
  cancelled_at: number | null;
  /** user, link, telegram_button, bot_blocked, admin. */
  cancel_reason: string | null;
}

/** The last stock the shop reported per product and variant. */
export interface ProductStockTable {
  product_id: string;
  variant_id: string;
  quantity: number;
  name: string | null;
  url: string | null;
  updated_at: number;
}

/** One change of a product from none to some, and its fan-out. */
export interface RestocksTable {
  id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
  name: string | null;
  url: string | null;
  /** How many subscriptions this restock may notify; null: all of them. */
  notify_limit: number | null;
  notified: number;
  /** `fanning` or `done`. */
  status: string;
  /** While a fan-out holds it: when its claim lapses (database clock). */
  lease_until: number | null;
  created_at: number;
  finished_at: number | null;
}

/** Telegram messages the bot sends unasked (alerts), queued. */
export interface TelegramMessagesTable {
  id: string;
  chat_id: string;
  text: string;
  /** The Bot API's reply_markup, as JSON. */
  reply_markup: string | null;
  alert_id: string | null;
  /** `queued`, `sending`, `sent`, `blocked` or `failed`. */
  status: string;
  tries: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  telegram_message_id: string | null;
  error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** The first characters of the key, shown in listings; not a secret and not unique. */
  prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is never stored. */
  key_hash: string;
  /** Comma-separated scopes. */
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** Who revoked it: the id of the API key that did, or `cli`. */
  revoked_by: string | null;
}

/** One admin write: who made it, when, and a bounded summary of what changed. */
export interface AdminAuditTable {
  id: string;
  created_at: number;
  /** The API key that made the change; null when it was made on the command line. */
  actor_key_id: string | null;
  /** The key's name at the time, or `cli`. */
  actor_name: string;
  action: string;
  /** What the change was made to: a template `key/locale`, a message id, a key id. */
  target: string | null;
  /** JSON, bounded (see audit/summary.ts). */
  summary: string;
}

/** A key access tokens are signed with (see migration 0011 and signing-keys/). */
export interface SigningKeysTable {
  /** The RFC 7638 thumbprint of the public key: the `kid` of its tokens and of its JWKS entry. */
  kid: string;
  /** 1 for the first key, one more for each rotation; unique, so concurrent inserts of one generation fail. */
  generation: number;
  alg: string;
  /** The public key as a JWK (JSON). */
  public_jwk: string;
  /** The private key (PKCS #8), sealed with AES-256-GCM under a key derived from AUTH_SECRET. */
  private_key: string;
  created_at: number;
  /** When it starts to sign: the newest generation whose time has come signs. */
  activates_at: number;
}

/**
 * One event for the shop's backend (EVENTS_WEBHOOK_URL), written in the transaction of the change it reports
 * and delivered by a worker under a lease, like a queued SMS: `queued` (due at `next_attempt_at`), `sending`
 * while a worker holds it (`lease_until`), then `delivered` or `failed`.
 */
export interface EventsTable {
  /** `evt_` and a UUIDv7: the `webhook-id` of every try, by which the receiver drops repeats. */
  id: string;
  type: string;
  /** The event's `data`, as JSON. */
  payload: string;
  /** The user the event is about, if any: what a deletion looks events up by. */
  user_id: string | null;
  status: string;
  /** Delivery tries made (claims). */
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  /** Why the last try failed: `HTTP_503`, `timeout`, ... */
  last_error: string | null;
  created_at: number;
  updated_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

/** A user who may use the admin console (0022_staff). */
export interface StaffTable {
  user_id: string;
  /** What the CHECK constraint allows; the scopes of each are api-keys/scopes.ts's STAFF_ROLE_SCOPES. */
  role: 'admin' | 'support';
  created_at: number;
  /** Who added them: an API key's id, or `cli`. */
  created_by: string | null;
}

/** A relying party of the OpenID Connect provider (see migration 0021 and oidc/clients.ts). */
export interface OidcClientsTable {
  /** Random and public: what the client sends as `client_id`. */
  client_id: string;
  /** SHA-256 (hex) of the client secret; null for a public client (PKCE, no secret). */
  secret_hash: string | null;
  name: string;
  /** JSON array of exact URLs. */
  redirect_uris: string;
  /** JSON array of exact URLs. */
  post_logout_redirect_uris: string;
  /** 1: the shop's own application, not asked for consent. */
  first_party: number;
  created_at: number;
  disabled_at: number | null;
}

/** What oidc-provider stores through its adapter (oidc/adapter.ts): one row per model and id. */
export interface OidcPayloadsTable {
  /** The provider's model: `Session`, `Interaction`, `Grant`, `AuthorizationCode`, `AccessToken`, ... */
  model: string;
  id: string;
  /** The provider's payload, as JSON. */
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  /** Null: kept until destroyed. */
  expires_at: number | null;
  consumed_at: number | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  otp_codes: OtpCodesTable;
  rate_limits: RateLimitsTable;
  phone_verifications: PhoneVerificationsTable;
  sms_logs: SmsLogsTable;
  sms_templates: SmsTemplatesTable;
  telegram_users: TelegramUsersTable;
  telegram_login_replays: TelegramLoginReplaysTable;
  telegram_oidc_states: TelegramOidcStatesTable;
  telegram_oidc_grants: TelegramOidcGrantsTable;
  telegram_link_tokens: TelegramLinkTokensTable;
  telegram_bot_sessions: TelegramBotSessionsTable;
  telegram_bot_updates: TelegramBotUpdatesTable;
  telegram_deep_links: TelegramDeepLinksTable;
  telegram_bot_pollers: TelegramBotPollersTable;
  stock_alerts: StockAlertsTable;
  product_stock: ProductStockTable;
  restocks: RestocksTable;
  telegram_messages: TelegramMessagesTable;
  api_keys: ApiKeysTable;
  admin_audit: AdminAuditTable;
  signing_keys: SigningKeysTable;
  events: EventsTable;
  staff: StaffTable;
  oidc_clients: OidcClientsTable;
  oidc_payloads: OidcPayloadsTable;
}
