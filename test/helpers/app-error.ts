import assert from 'node:assert/strict';
import { AppError } from '../../src/errors/app-error.ts';
import type { ErrorCode } from '../../src/errors/codes.ts';

/** Asserts that `run` throws an AppError with exactly `code` (no other error, no other code). */
export function assertAppError(run: () => unknown, code: ErrorCode): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}
