import { createHash } from 'node:crypto';
import { dataCheckString, hashBytes, hmacSha256, invalid, sameBytes } from './check-string.ts';
import { freshAuthDate } from './freshness.ts';
import { httpsUrlOrNull, telegramId, textOrNull } from './profile.ts';
import type { FreshnessRules, VerifiedLogin } from './types.ts';

/**
 * Checks what the Telegram login widget (or a `login_url` button) handed over, as the JSON object of its
 * callback or the query of its redirect, and returns who signed in.
 *
 * Every received field but `hash` is signed, including fields Telegram adds later: the check string is built
 * from all of them, never from a list of known names. So the caller must pass exactly what Telegram sent,
 * without parameters of its own (a `state` left in would fail the hash).
 *
 * @throws AppError TELEGRAM_AUTH_INVALID for a wrong, missing or malformed hash, a value that is not a string
 *   or a number, or a missing or malformed `id` or `auth_date`; TELEGRAM_AUTH_EXPIRED for an `auth_date`
 *   outside `rules`.
 */
export function verifyWidgetLogin(
  fields: Record<string, unknown>,
  botToken: string,
  rules: FreshnessRules,
): VerifiedLogin {
  const signed = new Map<string, string>();
  let hash: string | undefined;
  for (const [key, value] of Object.entries(fields)) {
    const text = scalarText(value);
    if (key === 'hash') hash = text;
    else signed.set(key, text);
  }
  const given = hashBytes(hash);
  // The widget's secret is SHA-256 of the token; a Mini App's is an HMAC of it, so neither scheme's data
  // verifies under the other's key.
  const secret = createHash('sha256').update(botToken).digest();
  const expected = hmacSha256(secret, dataCheckString(signed));
  if (!sameBytes(given, expected)) throw invalid();

  const authDate = freshAuthDate(signed.get('auth_date'), rules);
  return {
    profile: {
      telegramId: telegramId(signed.get('id')),
      username: textOrNull(signed.get('username')),
      firstName: textOrNull(signed.get('first_name')),
      lastName: textOrNull(signed.get('last_name')),
      photoUrl: httpsUrlOrNull(signed.get('photo_url')),
      languageCode: null,
    },
    authDate,
    replayKey: `w:${expected.toString('hex')}`,
  };
}

/**
 * A field's value as it appears in the check string. The JSON form carries `id` and `auth_date` as numbers,
 * and Telegram signs plain decimal digits: an integer is written through BigInt, since String() turns 1e21
 * and up into exponent form. A number JSON.parse has rounded cannot be written back as what was signed, so
 * its hash fails; no digit is ever guessed. Objects, arrays, booleans and null are never widget data (a
 * repeated query parameter arrives as an array), so they are refused, whatever text they would make.
 */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  throw invalid();
}
