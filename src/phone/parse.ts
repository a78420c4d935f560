import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { stripInvisible, toAsciiDigits } from './digits.ts';

/**
 * Mobile ranges the bundled metadata may not list yet, per country. Iranian operators keep opening 9xx
 * ranges (MVNOs, TD-LTE); every Iranian mobile number is 9 followed by nine digits, so the structure is
 * what is checked there.
 */
const EXTRA_MOBILE_PATTERNS: Partial<Record<CountryCode, RegExp>> = {
  IR: /^9\d{9}$/,
};

export interface ParsedPhone {
  /** The canonical form that is stored and compared: `+989123456789`. */
  readonly e164: string;
  readonly country: CountryCode;
  /** The national number without trunk prefix: `9123456789`. */
  readonly national: string;
}

const FORMATTING = /[\s\-().\/]/g;
const MAX_INPUT = 40;

/**
 * Turns what a person typed into one canonical mobile number, or null when it is not a mobile number of
 * one of `allowed`. Accepts national (`0912...`, `912...`), international (`+98...`, `0098...`, `98...`)
 * forms, Persian and Arabic-Indic digits, spaces, dashes, brackets and bidi marks.
 */
export function parseMobile(input: string, allowed: readonly string[]): ParsedPhone | null {
  if (input.length > MAX_INPUT * 2) return null;
  let cleaned = toAsciiDigits(stripInvisible(input)).replace(FORMATTING, '');
  if (cleaned.startsWith('00')) cleaned = `+${cleaned.slice(2)}`;
  if (!/^\+?\d{4,20}$/.test(cleaned)) return null;

  for (const number of candidates(cleaned, allowed)) {
    if (!number?.country || !allowed.includes(number.country)) continue;
    const national = String(number.nationalNumber);
    if (isMobile(number.getType(), EXTRA_MOBILE_PATTERNS[number.country], national)) {
      return { e164: number.number, country: number.country, national };
    }
  }
  return null;
}

/** The readings of a cleaned input, parsed one at a time: most inputs match the first, so only it is parsed. */
function* candidates(cleaned: string, allowed: readonly string[]) {
  if (cleaned.startsWith('+')) {
    yield parsePhoneNumberFromString(cleaned);
    return;
  }
  for (const country of allowed) yield parsePhoneNumberFromString(cleaned, country as CountryCode);
  // `989123456789`: an international number typed without its plus.
  yield parsePhoneNumberFromString(`+${cleaned}`);
}

/**
 * `getType()` is undefined for a number that is not valid (libphonenumber-js documents it so, and the `max`
 * metadata has the type patterns for every country), so a mobile type needs no separate `isValid()`, which
 * would match the same patterns a second time.
 */
function isMobile(type: string | undefined, extra: RegExp | undefined, national: string): boolean {
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return true;
  return extra?.test(national) ?? false;
}

/** `+989123456789` → `+98912***6789`, for logs. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return '***';
  return `${e164.slice(0, 6)}***${e164.slice(-4)}`;
}
