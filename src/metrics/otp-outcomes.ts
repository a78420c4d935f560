import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import type { Metrics, OtpRequestOutcome, OtpVerifyOutcome } from './metrics.ts';

const REQUEST_REFUSALS: Partial<Record<ErrorCode, OtpRequestOutcome>> = {
  INVALID_PHONE: 'invalid_phone',
  RATE_LIMITED: 'rate_limited',
  SMS_FAILED: 'sms_failed',
};

const VERIFY_REFUSALS: Partial<Record<ErrorCode, OtpVerifyOutcome>> = {
  OTP_INVALID: 'wrong',
  OTP_ATTEMPTS_EXCEEDED: 'exhausted',
  OTP_EXPIRED: 'expired',
  RATE_LIMITED: 'rate_limited',
};

/**
 * Runs a code request and counts how it ended. Failures that are not an answer about the request itself (a
 * database that is down) are not counted here; they are logged as errors.
 */
export function countOtpRequest<T>(metrics: Metrics, run: () => Promise<T>): Promise<T> {
  return counted(run, (outcome) => metrics.otpRequest(outcome), 'sent', REQUEST_REFUSALS);
}

/** Runs a code check and counts how it ended, as `countOtpRequest` does. */
export function countOtpVerify<T>(metrics: Metrics, run: () => Promise<T>): Promise<T> {
  return counted(run, (outcome) => metrics.otpVerify(outcome), 'accepted', VERIFY_REFUSALS);
}

async function counted<T, O extends string>(
  run: () => Promise<T>,
  count: (outcome: O) => void,
  success: O,
  refusals: Partial<Record<ErrorCode, O>>,
): Promise<T> {
  try {
    const result = await run();
    count(success);
    return result;
  } catch (error) {
    const outcome = error instanceof AppError ? refusals[error.code] : undefined;
    if (outcome) count(outcome);
    throw error;
  }
}
