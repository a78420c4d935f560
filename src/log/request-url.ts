import { stripInvisible, toAsciiDigits } from '../phone/digits.ts';
import { maskPhone, parseMobile } from '../phone/parse.ts';
import { maskQuery } from './credentials.ts';

/** What people put around a number's digits; the same set `parseMobile` drops. */
const FORMATTING = /[\s\-().\/]/g;
const INTERNATIONAL = /^(?:\+|00)(\d{7,20})$/;
const DIGIT_RUN = /\d{7,}/;
/** Where the parts of a URL meet (path segments, query names and values); captured so they are kept. */
const SEPARATORS = /([/?#&=;,:@!$'[\]])/;
/** Where a query's names and values meet. */
const QUERY_SEPARATORS = /([&=;#])/;
const ENCODED = /(?:%[0-9a-f]{2})+/gi;
/** Enough for a number encoded twice or three times; a client that encodes more is not read by us either. */
const DECODE_ROUNDS = 3;

/**
 * The request URL as the request log shows it: the values of credential-like query parameters masked, and
 * every part of the path or query that holds seven or more digits in a row masked, wherever it is (a path
 * segment, a parameter's name or value, a bare `?0912...`). Parts are decoded first, so `%2B98...`,
 * percent-encoded digits and Persian or Arabic-Indic digits count too. Everything else is logged as it came.
 */
export function maskRequestUrl(url: string, allowedCountries: readonly string[]): string {
  const query = url.indexOf('?');
  const mask = (text: string, separators: RegExp) =>
    text
      .split(separators)
      .map((part) => maskNumber(part, allowedCountries) ?? part)
      .join('');
  if (query < 0) return mask(url, SEPARATORS);
  // A query value may hold `/` (`phone_number=0912/345/6789` is a number the API reads), so the query is cut
  // only where its names and values meet.
  return `${mask(url.slice(0, query), SEPARATORS)}?${mask(maskQuery(url.slice(query + 1)), QUERY_SEPARATORS)}`;
}

/**
 * `+98912***6789` for a part that reads as one phone number: the country and operator, which help follow a
 * problem, but not the number. `***` for any other part with seven digits in a row (a number we cannot
 * read is still someone's number). Null for the rest, which is logged as it came.
 */
function maskNumber(part: string, allowedCountries: readonly string[]): string | null {
  const digits = toAsciiDigits(stripInvisible(looseDecode(part))).replace(FORMATTING, '');
  if (!DIGIT_RUN.test(digits)) return null;
  const international = INTERNATIONAL.exec(digits)?.[1];
  if (international) return maskPhone(`+${international}`);
  const phone = /^\d+$/.test(digits) ? parseMobile(digits, allowedCountries) : null;
  return phone ? maskPhone(phone.e164) : '***';
}

/**
 * Percent-decoding that never gives up: each run of escapes is decoded as UTF-8 on its own, so one stray `%`
 * or invalid byte cannot keep the digits beside it encoded (as `decodeURIComponent` would, by throwing).
 */
function looseDecode(text: string): string {
  let decoded = text.replace(/\+/g, ' ');
  for (let round = 0; round < DECODE_ROUNDS && decoded.includes('%'); round++) {
    decoded = decoded.replace(ENCODED, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
  }
  return decoded;
}
