import { invalid } from './check-string.ts';

/** A Telegram id: a positive integer in decimal digits, kept as text so that no digit is lost to rounding. */
export function telegramId(value: string | undefined): string {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value)) throw invalid();
  return value;
}

/** A text field, or null when it is absent, empty or not text. */
export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A photo URL only when it is https: a `javascript:` or plain http URL must never reach a page. */
export function httpsUrlOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !URL.canParse(value)) return null;
  return new URL(value).protocol === 'https:' ? value : null;
}
