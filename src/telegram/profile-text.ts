import { UNSAFE_CHARACTER } from '../text/characters.ts';
import type { TelegramProfile } from './verify/types.ts';

const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');
// Half of a surrogate pair on its own: not text, and some databases and JSON encoders refuse it.
const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const LONE_SURROGATES = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

const NAME_MAX = 128;
const USERNAME_MAX = 64;
const URL_MAX = 512;

/**
 * A profile as stored and shown. Telegram signs what its users typed, and people choose their own names:
 * a name may carry a right-to-left override that makes a shop's admin page read as something else, or be of
 * any length. The characters no stored text may hold are dropped (text/characters.ts), each field is cut to
 * a length a page can show, and a photo URL too long to be one is left out. The login itself stays valid.
 */
export function storableProfile(profile: TelegramProfile): TelegramProfile {
  const photo = profile.photoUrl !== null && profile.photoUrl.length <= URL_MAX ? profile.photoUrl : null;
  return {
    telegramId: profile.telegramId,
    username: text(profile.username, USERNAME_MAX),
    firstName: text(profile.firstName, NAME_MAX),
    lastName: text(profile.lastName, NAME_MAX),
    photoUrl: photo && !UNSAFE_CHARACTER.test(photo) && !LONE_SURROGATE.test(photo) ? photo : null,
    languageCode: text(profile.languageCode, 16),
  };
}

function text(value: string | null, max: number): string | null {
  if (value === null) return null;
  const kept = [...value.replace(UNSAFE, '').replace(LONE_SURROGATES, '')].slice(0, max).join('').trim();
  return kept === '' ? null : kept;
}

/** The Telegram user an update came from, as the Bot API describes them (`ctx.from`). */
export interface TelegramSender {
  readonly id: number;
  readonly first_name: string;
  readonly last_name?: string;
  readonly username?: string;
  readonly language_code?: string;
}

/** The sender of a bot update as a stored profile; updates carry no photo URL. */
export function senderProfile(from: TelegramSender): TelegramProfile {
  return storableProfile({
    telegramId: String(from.id),
    username: from.username ?? null,
    firstName: from.first_name,
    lastName: from.last_name ?? null,
    photoUrl: null,
    languageCode: from.language_code ?? null,
  });
}
