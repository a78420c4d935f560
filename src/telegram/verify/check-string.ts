import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';

/**
 * Telegram's `data_check_string`: every field as `key=value`, sorted by key, joined by "\n". A key that holds
 * "=" or "\n", or a value that holds "\n", is refused: the check string could not tell it from another split
 * of the same text (`last_name` "B\nid=2" reads as a second `id`), so two different sets of fields could share
 * one signature. Telegram's fields are single-line; a Mini App's JSON values escape their newlines.
 */
export function dataCheckString(fields: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (key.includes('=') || key.includes('\n') || value.includes('\n')) throw invalid();
    lines.push(`${key}=${value}`);
  }
  // Sorted by UTF-16 code unit, as the reference implementations do; Telegram's keys are ASCII anyway.
  return lines.sort().join('\n');
}

export function hmacSha256(key: Buffer | string, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/**
 * The `hash` field as its 32 bytes. Anything that is not 64 hex digits is INVALID here, before any compare:
 * `Buffer.from(x, 'hex')` would otherwise stop quietly at the first bad character.
 */
export function hashBytes(hash: string | undefined): Buffer {
  if (hash === undefined || !/^[0-9a-fA-F]{64}$/.test(hash)) throw invalid();
  return Buffer.from(hash, 'hex');
}

/** Constant time, so that the time of a refusal tells nothing about how many leading bytes were right. */
export function sameBytes(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function invalid(message?: string): AppError {
  return new AppError('TELEGRAM_AUTH_INVALID', message);
}
