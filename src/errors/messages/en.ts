import type { MessageCatalogue } from './catalogue.ts';

/** English: the default, and what every other locale falls back to. */
export const en: MessageCatalogue = {
  VALIDATION_ERROR: 'The request is not valid',
  INVALID_PHONE: 'The phone number is not a valid mobile number for an accepted country',
  OTP_INVALID: 'The code is not correct',
  OTP_EXPIRED: 'The code has expired or was never requested; request a new one',
  OTP_ATTEMPTS_EXCEEDED: 'Too many wrong codes; request a new one',
  RATE_LIMITED: 'Too many requests; try again later',
  SMS_FAILED: 'The SMS could not be sent; try again',
  UNAUTHORIZED: 'Authentication is required or has expired',
  REAUTH_REQUIRED: 'This needs a recent sign-in: sign in again with a code, then retry',
  FORBIDDEN: 'The credentials are valid but do not allow this',
  ORIGIN_NOT_ALLOWED: 'A request signed in by the session cookie must come from an allowed origin',
  PHONE_IN_USE: 'This phone number belongs to another account',
  NOT_FOUND: 'Not found',
  REQUEST_TIMEOUT: 'The request did not arrive in time',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE:
    "The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded)",
  DATABASE_UNAVAILABLE: 'The database is not available; try again shortly',
  SERVICE_UNAVAILABLE: 'This instance is shutting down; try again',
  INTERNAL_ERROR: 'Internal error',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different request',
  TEMPLATE_NOT_FOUND: 'No message template with this key',
  TEMPLATE_PARAMS_MISSING: 'Some placeholders of the template have no value',
  MESSAGE_TOO_LONG: 'The message would go out as more SMS than SMS_MAX_PARTS allows; shorten it',
  TEMPLATE_RESERVED:
    'The service sends this template itself (a code message or a phone-change notice); no key may send it',
  TEMPLATE_REQUIRED: 'The service sends this template: it is the last locale of its key',
  MESSAGE_NOT_CANCELLABLE: 'Only a queued message can be cancelled; this one is being sent or has been sent',
  USER_BLOCKED: 'This account is blocked; contact the shop',
  USER_PHONE_CONFLICT: 'This phone number already belongs to a user with another external_id',
  EXTERNAL_ID_IN_USE: 'This external_id already belongs to a user with another phone number',
  EVENT_IN_FLIGHT: 'This event is being delivered now; redeliver it once that try has ended',
  TELEGRAM_AUTH_INVALID:
    'Telegram did not confirm this sign-in: the data is not valid or not signed for this service; start again',
  TELEGRAM_UNAVAILABLE: 'Telegram cannot be reached right now; try again later or sign in with a code',
  EXPECTATION_FAILED: 'The Expect header asks for something this service does not do; send the request without it',
  TELEGRAM_AUTH_EXPIRED: 'The Telegram sign-in data is too old or dated in the future; sign in with Telegram again',
  TELEGRAM_AUTH_REPLAYED: 'This Telegram sign-in data has already been used; sign in with Telegram again',
  TELEGRAM_NOT_CONFIGURED: 'Signing in with Telegram is not set up on this service',
  TELEGRAM_ALREADY_LINKED:
    'This Telegram account is linked to another account, or this account already has another Telegram account',
  TELEGRAM_UNLINK_REFUSED: 'Telegram is the only way into this account; add a phone number before unlinking it',
  OIDC_STATE_INVALID: 'The sign-in attempt is unknown, already used or expired; start again',
  TELEGRAM_WEBHOOK_OFF: 'This service does not take Telegram updates by webhook (see TELEGRAM_UPDATES)',
  TELEGRAM_LINK_UNKNOWN: 'This sign-in through the Telegram bot is unknown or long over; start again',
  ALERT_CHANNEL_UNAVAILABLE:
    'This channel cannot reach you: link Telegram and start the bot for Telegram alerts, or add a phone number for SMS',
  STAFF_ONLY: 'Only shop staff may use the admin console',
  OIDC_CLIENT_NOT_FOUND: 'No OpenID Connect client with this client_id',
  INVALID_REDIRECT_URI:
    'A redirect URI must be an absolute https URL (or http on localhost or 127.0.0.1), with no fragment and no wildcard',
  OIDC_INTERACTION_NOT_FOUND:
    'This sign-in step is unknown, expired or already done; go back to the site and sign in again',
};
