/**
 * The closed set of error codes otpgate answers with, each with its HTTP status. Clients may branch on
 * `code`; the message is for people, comes from the catalogue in messages/ in the request's language, and
 * may be reworded.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400 },
  INVALID_PHONE: { status: 400 },
  OTP_INVALID: { status: 400 },
  OTP_EXPIRED: { status: 400 },
  OTP_ATTEMPTS_EXCEEDED: { status: 429 },
  RATE_LIMITED: { status: 429 },
  SMS_FAILED: { status: 503 },
  UNAUTHORIZED: { status: 401 },
  REAUTH_REQUIRED: { status: 401 },
  FORBIDDEN: { status: 403 },
  ORIGIN_NOT_ALLOWED: { status: 403 },
  PHONE_IN_USE: { status: 409 },
  NOT_FOUND: { status: 404 },
  REQUEST_TIMEOUT: { status: 408 },
  EXPECTATION_FAILED: { status: 417 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  DATABASE_UNAVAILABLE: { status: 503 },
  SERVICE_UNAVAILABLE: { status: 503 },
  INTERNAL_ERROR: { status: 500 },
  IDEMPOTENCY_KEY_REUSED: { status: 422 },
  TEMPLATE_NOT_FOUND: { status: 404 },
  TEMPLATE_PARAMS_MISSING: { status: 400 },
  MESSAGE_TOO_LONG: { status: 422 },
  TEMPLATE_RESERVED: { status: 403 },
  TEMPLATE_REQUIRED: { status: 409 },
  USER_BLOCKED: { status: 403 },
  USER_PHONE_CONFLICT: { status: 409 },
  EXTERNAL_ID_IN_USE: { status: 409 },
  MESSAGE_NOT_CANCELLABLE: { status: 409 },
  EVENT_IN_FLIGHT: { status: 409 },
  TELEGRAM_AUTH_INVALID: { status: 401 },
  TELEGRAM_AUTH_EXPIRED: { status: 401 },
  // 401, not 409: a replayed login is a proof of sign-in that no longer proves anything, exactly like an
  // expired one, and the only way forward is the same (sign in with Telegram again). 409 would tell the
  // client there is a state to reconcile and a retry that could succeed; there is neither.
  TELEGRAM_AUTH_REPLAYED: { status: 401 },
  TELEGRAM_NOT_CONFIGURED: { status: 503 },
  TELEGRAM_ALREADY_LINKED: { status: 409 },
  TELEGRAM_UNLINK_REFUSED: { status: 409 },
  TELEGRAM_UNAVAILABLE: { status: 503 },
  OIDC_STATE_INVALID: { status: 400 },
  TELEGRAM_WEBHOOK_OFF: { status: 404 },
  // A poll secret that names no sign-in through the bot. Expired, cancelled and used sign-ins are not errors
  // but statuses of the poll's answer: the browser shows each its own way and starts again.
  TELEGRAM_LINK_UNKNOWN: { status: 404 },
  // An alert asked for on a channel that cannot reach the user: Telegram not linked, the bot blocked or
  // stopped, or no bot configured; SMS with no number on the account.
  ALERT_CHANNEL_UNAVAILABLE: { status: 409 },
  // A signed-in user who is not staff, at the admin console's routes. Not FORBIDDEN, which says a credential
  // lacks a scope: this user has no role at all, and the console tells them so rather than hide a button.
  STAFF_ONLY: { status: 403 },
  OIDC_CLIENT_NOT_FOUND: { status: 404 },
  // A redirect URI the provider must never send a code to: not https (or http on a loopback host), with a
  // fragment or a wildcard. The message names the URI and what is wrong with it.
  INVALID_REDIRECT_URI: { status: 400 },
  // An OpenID Connect sign-in step (/oidc/interaction/...) that is unknown, expired, already finished, or
  // opened in a browser other than the one that started it (its cookie is missing).
  OIDC_INTERACTION_NOT_FOUND: { status: 404 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;
