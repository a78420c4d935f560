/**
 * The closed set of error codes otpgate answers with, each with its HTTP status and default message.
 * Clients may branch on `code`; the message is for people and may be reworded.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, message: 'The request is not valid' },
  INVALID_PHONE: { status: 400, message: 'The phone number is not a valid mobile number for an accepted country' },
  OTP_INVALID: { status: 400, message: 'The code is not correct' },
  OTP_EXPIRED: { status: 400, message: 'The code has expired or was never requested; request a new one' },
  OTP_ATTEMPTS_EXCEEDED: { status: 429, message: 'Too many wrong codes; request a new one' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  SMS_FAILED: { status: 503, message: 'The SMS could not be sent; try again' },
  UNAUTHORIZED: { status: 401, message: 'Authentication is required or has expired' },
  REAUTH_REQUIRED: {
    status: 401,
    message: 'This needs a recent sign-in: sign in again with a code, then retry',
  },
  FORBIDDEN: { status: 403, message: 'The credentials are valid but do not allow this' },
  PHONE_IN_USE: { status: 409, message: 'This phone number belongs to another account' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be application/json' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not available; try again shortly' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'This instance is shutting down; try again' },
  INTERNAL_ERROR: { status: 500, message: 'Internal error' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was already used for a different request',
  },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'No message template with this key' },
  TEMPLATE_PARAMS_MISSING: { status: 400, message: 'Some placeholders of the template have no value' },
  MESSAGE_TOO_LONG: {
    status: 422,
    message: 'The message would go out as more SMS than SMS_MAX_PARTS allows; shorten it',
  },
  TEMPLATE_RESERVED: {
    status: 403,
    message: 'The service sends this template itself (a code message or a phone-change notice); no key may send it',
  },
  TEMPLATE_REQUIRED: { status: 409, message: 'The service sends this template: it is the last locale of its key' },
  MESSAGE_NOT_CANCELLABLE: {
    status: 409,
    message: 'Only a queued message can be cancelled; this one is being sent or has been sent',
  },
  EVENT_IN_FLIGHT: { status: 409, message: 'This event is being delivered now; redeliver it once that try has ended' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
