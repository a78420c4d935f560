import { ERROR_CODES, type ErrorCode } from './codes.ts';

/**
 * The only error a service or route throws on purpose. `details` become extra fields of the JSON envelope
 * (`attempts_left`, `retry_after`), so they must never carry a secret.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Readonly<Record<string, string | number | boolean | readonly string[]>> = {},
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}
