/** Small readers shared by the providers, whose APIs mix numbers and numeric strings freely. */

export const FORM_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';

/**
 * The recipient as Iranian gateways take it: national `09…` for Iranian numbers (their examples use it),
 * and the international digits without `+` for others (UNCONFIRMED for each gateway; such numbers never
 * start with 0, so they cannot be misread as Iranian national numbers).
 */
export function gatewayNumber(e164: string): string {
  return e164.startsWith('+98') ? `0${e164.slice(3)}` : e164.replace(/^\+/, '');
}

/** An id as a string, from a finite number or a non-empty string; null otherwise. */
export function readId(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** A finite number, from a number or a numeric string; null otherwise. */
export function readNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
