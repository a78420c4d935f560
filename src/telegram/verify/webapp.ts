import { dataCheckString, hashBytes, hmacSha256, invalid, sameBytes } from './check-string.ts';
import { signedByTelegram, TELEGRAM_PUBLIC_KEYS } from './ed25519.ts';
import { freshAuthDate } from './freshness.ts';
import { rawJsonMember } from './json-member.ts';
import { httpsUrlOrNull, telegramId, textOrNull } from './profile.ts';
import type { FreshnessRules, TelegramProfile, VerifiedLogin } from './types.ts';

export interface WebAppOptions {
  /**
   * The Ed25519 keys a `signature` may be made with, as 32 raw bytes in hex. Add TELEGRAM_PUBLIC_KEYS.test to
   * accept Mini Apps opened in Telegram's test environment.
   * @default [TELEGRAM_PUBLIC_KEYS.production]
   */
  readonly telegramPublicKeys?: readonly string[];
}

/**
 * Checks a Mini App's `initData` (the raw query string of `Telegram.WebApp.initData`) and returns who
 * signed in.
 *
 * The HMAC covers every field but `hash`. Whether it also covers `signature` is not stated by Telegram (the
 * docs say "all received fields"; working validators keep it), so a hash that matches either way is taken.
 * That opens nothing: only the holder of the bot token can make a hash over either string. When
 * `signature` is present it must ALSO be Telegram's Ed25519 signature over
 * `<bot_id>:WebAppData` and the fields but `hash` and `signature`; a bad one refuses the data whatever the
 * HMAC says.
 *
 * @throws AppError TELEGRAM_AUTH_INVALID for a wrong or malformed hash or signature, a repeated field, or a
 *   missing or malformed `user`, `user.id` or `auth_date`; TELEGRAM_AUTH_EXPIRED for an `auth_date` outside
 *   `rules`.
 */
export function verifyWebAppInitData(
  initData: string,
  botToken: string,
  rules: FreshnessRules,
  options: WebAppOptions = {},
): VerifiedLogin {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(initData)) {
    // Which of two values Telegram signed cannot be told, and a reader that picks differently from this one
    // (URLSearchParams.get takes the first, a Map the last) would use a value that was never checked.
    if (fields.has(key)) throw invalid();
    fields.set(key, value);
  }
  const given = hashBytes(fields.get('hash'));
  fields.delete('hash');
  const signature = fields.get('signature');

  const secret = hmacSha256('WebAppData', botToken);
  const withSignature = hmacSha256(secret, dataCheckString(fields));
  const unsigned = new Map(fields);
  unsigned.delete('signature');
  const withoutSignature = signature === undefined ? withSignature : hmacSha256(secret, dataCheckString(unsigned));
  const matchesWith = sameBytes(given, withSignature);
  const matchesWithout = sameBytes(given, withoutSignature);
  if (!matchesWith && !matchesWithout) throw invalid();

  if (signature !== undefined) {
    const message = `${botId(botToken)}:WebAppData\n${dataCheckString(unsigned)}`;
    const keys = options.telegramPublicKeys ?? [TELEGRAM_PUBLIC_KEYS.production];
    if (!signedByTelegram(message, signature, keys)) throw invalid();
  }

  const authDate = freshAuthDate(fields.get('auth_date'), rules);
  return { profile: profileOf(fields.get('user')), authDate, replayKey: `a:${given.toString('hex')}` };
}

/** The bot's id: the digits before the colon of its token. */
function botId(botToken: string): string {
  const match = /^([0-9]+):/.exec(botToken);
  if (match === null) throw new Error('the Telegram bot token does not start with the bot id and a colon');
  return match[1]!;
}

/** `user` is a WebAppUser as JSON; its id is read from the text so that no digit goes through a double. */
function profileOf(userJson: string | undefined): TelegramProfile {
  if (userJson === undefined) throw invalid();
  let user: unknown;
  try {
    user = JSON.parse(userJson);
  } catch {
    throw invalid();
  }
  if (typeof user !== 'object' || user === null || Array.isArray(user)) throw invalid();
  const fields = user as Record<string, unknown>;
  return {
    telegramId: telegramId(rawJsonMember(userJson, 'id')),
    username: textOrNull(fields.username),
    firstName: textOrNull(fields.first_name),
    lastName: textOrNull(fields.last_name),
    photoUrl: httpsUrlOrNull(fields.photo_url),
    languageCode: textOrNull(fields.language_code),
  };
}

/**
 * The initData of an `Authorization: tma <initData>` header, the convention Mini App front ends use; null
 * for a missing header, another scheme or an empty value.
 */
export function initDataFromAuthorization(header: string | undefined): string | null {
  const match = header === undefined ? null : /^tma[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}
