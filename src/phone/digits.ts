/**
 * Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits to ASCII. Forms on Persian keyboards send
 * these, and a number or code typed with them is the same number or code.
 */
export function toAsciiDigits(input: string): string {
  // Most input has none: one test instead of a pass that builds a new string.
  if (!NON_ASCII_DIGIT.test(input)) return input;
  return input.replace(NON_ASCII_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const NON_ASCII_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Invisible characters that right-to-left pages paste along with a number: ZWNJ, ZWJ, LRM/RLM, the bidi
 * embeddings and isolates, the BOM, and no-break spaces.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00A0\u202F]/g;

export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, '');
}

/**
 * A code as typed: other digits made ASCII, invisible marks removed, and the spaces and dashes people put
 * between groups of digits (`634 990`, `634-990`, as some messages show a code) taken out.
 */
export function normalizeCode(input: string): string {
  return toAsciiDigits(stripInvisible(input)).replace(/[\s\-\u2010-\u2015\u2212]/g, '');
}
