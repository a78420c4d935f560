import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How far a report's timestamp may lag our clock. Whether Telegram signs each retry afresh is not documented
 * (UNCONFIRMED): if it does not, a report first refused for a passing fault is lost once this has passed.
 */
export const REPORT_MAX_AGE_SECONDS = 5 * 60;
/** How far ahead of our clock it may be: clocks drift, but not by much. */
export const REPORT_MAX_SKEW_SECONDS = 60;

export type ReportCheck = 'ok' | 'invalid' | 'stale';

/**
 * Checks a delivery report as Telegram signs it (reference/telegram.md §5): `X-Request-Signature` is the hex
 * HMAC-SHA256 of `X-Request-Timestamp + "\n" + body`, keyed with SHA-256 of the API token. The body is the
 * raw bytes as they arrived: parsed and serialised again, keys or escapes could change and no signature
 * would match. Compared in constant time, so the answer's timing says nothing about how much of a forged
 * signature was right. The signature is checked before the timestamp, so that only Telegram learns that a
 * report was too old; a fresh timestamp bounds how long a captured report can be replayed.
 */
export function checkReport(
  token: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: Buffer,
  nowMs: number,
): ReportCheck {
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return 'invalid';
  const key = createHash('sha256').update(token, 'utf8').digest();
  const expected = createHmac('sha256', key).update(`${timestamp}\n`, 'utf8').update(rawBody).digest();
  const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : null;
  if (!given || !timingSafeEqual(given, expected)) return 'invalid';
  const ageSeconds = nowMs / 1000 - Number(timestamp);
  return ageSeconds > REPORT_MAX_AGE_SECONDS || ageSeconds < -REPORT_MAX_SKEW_SECONDS ? 'stale' : 'ok';
}
