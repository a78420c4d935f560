import assert from 'node:assert/strict';
import { ERROR_CODES, type ErrorCode } from '../../src/errors/codes.ts';

/** The only extra fields the API documents, and the codes that carry them. */
const EXTRA_FIELDS: Partial<Record<ErrorCode, readonly string[]>> = {
  OTP_INVALID: ['attempts_left'],
  RATE_LIMITED: ['retry_after'],
  INTERNAL_ERROR: ['request_id'],
  TEMPLATE_PARAMS_MISSING: ['missing'],
};

export interface Answer {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, unknown>;
}

/**
 * The answer is exactly the error envelope for `code`: its registered status, a JSON body with `success:
 * false`, a non-empty message, the code, and no field beyond those the code documents.
 */
export function assertError(answer: Answer, code: ErrorCode): void {
  const detail = JSON.stringify(answer.body);
  assert.equal(answer.status, ERROR_CODES[code].status, detail);
  assert.match(String(answer.headers['content-type']), /^application\/json/, detail);
  assert.equal(typeof answer.body, 'object', detail);
  assert.deepEqual(
    Object.keys(answer.body).sort(),
    ['code', 'message', 'success', ...(EXTRA_FIELDS[code] ?? [])].sort(),
  );
  assert.equal(answer.body.success, false);
  assert.equal(answer.body.code, code);
  assert.equal(typeof answer.body.message, 'string');
  assert.ok(answer.body.message.length > 0, 'the message is empty');
}
