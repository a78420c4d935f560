import { stripInvisible, toAsciiDigits } from '../phone/digits.ts';
import { maskPhone, parseMobile } from '../phone/parse.ts';
import { maskQuery, safeDecode } from './credentials.ts';

/** What people put around a number's digits; the same set `parseMobile` drops. */
const FORMATTING = /[\s\-().\/]/g;
const INTERNATIONAL = /^(?:\+|00)(\d{7,20})$/;
const DIGIT_RUN = /\d{7,}/;

/**
 * The request URL as the request log shows it: the path as it was, and in the query every value that is or
 * holds a phone number masked, as are the values of credential-like parameters. Any parameter name counts:
 * a number in `?q=` is still a number. Values are decoded first, so `%2B98...` and Persian digits count too.
 */
export function maskRequestUrl(url: string, allowedCountries: readonly string[]): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  return `${url.slice(0, query + 1)}${maskQuery(url.slice(query + 1), (value) => maskNumber(value, allowedCountries))}`;
}

/**
 * `+98912***6789` for a value that reads as one phone number: the country and operator, which help follow a
 * problem, but not the number. `***` for any other value with seven digits in a row (a number we cannot
 * read is still someone's number). Null for the rest, which is logged as it came.
 */
function maskNumber(value: string, allowedCountries: readonly string[]): string | null {
  const digits = toAsciiDigits(stripInvisible(safeDecode(value))).replace(FORMATTING, '');
  if (!DIGIT_RUN.test(digits)) return null;
  const international = INTERNATIONAL.exec(digits)?.[1];
  if (international) return maskPhone(`+${international}`);
  const phone = /^\d+$/.test(digits) ? parseMobile(digits, allowedCountries) : null;
  return phone ? maskPhone(phone.e164) : '***';
}
