import { ERROR_CODES, type ErrorCode } from './codes.ts';
import { messageFor } from './messages/index.ts';

/**
 * The only error a service or route throws on purpose. `details` become extra fields of the JSON envelope
 * (`attempts_left`, `retry_after`), so they must never carry a secret. `message` is English: the code's own
 * message, or one more precise (`phone_number is required`) given here. The answer carries it to a client
 * that reads English; other languages get the code's message from their catalogue (see sendError).
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Readonly<Record<string, string | number | boolean | readonly string[]>> = {},
  ) {
    super(message ?? messageFor(code));
    this.status = ERROR_CODES[code].status;
  }
}
