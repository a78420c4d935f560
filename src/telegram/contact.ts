import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { EventRecorder } from '../events/recorder.ts';
import { parseMobile } from '../phone/parse.ts';
import { accountFor, inAccountTransaction, type Landing } from './account-rules.ts';
import { joinedBy, type TelegramLinkNotice } from './link-notice.ts';
import { storableProfile } from './profile-text.ts';
import type { TelegramProfile } from './verify/types.ts';

/** A contact card as a bot receives it (Bot API `Contact`), and the chat it came in. */
export interface SharedContact {
  /** Who sent the message. */
  readonly profile: TelegramProfile;
  readonly contact: { readonly phone_number: string; readonly user_id?: number | undefined };
  readonly chat: { readonly id: number; readonly type: string };
}

/**
 * What became of a shared number:
 * - `not_own`: someone else's card (or not in a private chat); nothing changed.
 * - `invalid_phone`: not a mobile number of PHONE_ALLOWED_COUNTRIES.
 * - `blocked`: the account the number leads to is blocked; nothing changed.
 * - `joined`: the Telegram account joined the account that has the number (its holder is told by SMS).
 * - `created`: a new account with the number.
 * - `added`: the Telegram account's account had no number; this is now its verified number.
 * - `confirmed`: the account already had this number; it is now verified.
 * - `kept`: the account has another number, which stays (changing it takes a code: the phone change).
 * - `taken`: another account, with another Telegram, has the number; this Telegram's account stays without it.
 */
export type ContactOutcome =
  | { readonly outcome: 'not_own' | 'invalid_phone' | 'blocked' }
  | {
      readonly outcome: 'joined' | 'created' | 'added' | 'confirmed' | 'kept' | 'taken';
      readonly phoneNumber: string;
      readonly userId: string;
    };

/**
 * A verified number from the bot: the person shares their own contact card. Telegram's server fills in
 * `contact.user_id` itself, so a card whose `user_id` is the sender's, in a private chat, is the sender's own
 * number as Telegram verified it (reference/telegram.md §4); any other card is someone else's and counts for
 * nothing. The number then lands by the same rules as OpenID Connect's verified `phone` (account-rules.ts).
 */
export function createTelegramContacts(deps: {
  db: Kysely<Database>;
  events: EventRecorder;
  /** PHONE_ALLOWED_COUNTRIES. */
  allowedCountries: readonly string[];
  notifyJoined?: TelegramLinkNotice;
  now: () => number;
}) {
  const { db, events, now } = deps;
  const notifyJoined = deps.notifyJoined ?? (async () => {});

  return {
    async share({ profile, contact, chat }: SharedContact): Promise<ContactOutcome> {
      const own =
        chat.type === 'private' && contact.user_id !== undefined && String(contact.user_id) === profile.telegramId;
      if (!own) return { outcome: 'not_own' };
      // Telegram writes the number in international form, with or without its '+'.
      const typed = contact.phone_number.trim();
      const parsed = parseMobile(typed.startsWith('+') ? typed : `+${typed}`, deps.allowedCountries);
      if (!parsed) return { outcome: 'invalid_phone' };
      const phoneNumber = parsed.e164;
      const identity = { profile: storableProfile(profile), phoneNumber, chatId: String(chat.id) };

      const landed = await inAccountTransaction(db, async (trx) => {
        const at = now();
        const landing = await accountFor(trx, identity, at, events, { signIn: false });
        const { user } = landing;
        // Rolled back, so that nothing of a blocked account changes (as a refused sign-in).
        if (user.blocked_at !== null) throw BLOCKED;
        if (user.phone_number === phoneNumber && user.phone_verified === 0) {
          await trx.updateTable('users').set({ phone_verified: 1, updated_at: at }).where('id', '=', user.id).execute();
        }
        return landing;
      }).catch((error: unknown) => {
        if (error === BLOCKED) return null;
        throw error;
      });
      if (!landed) return { outcome: 'blocked' };

      const { user } = landed;
      if (landed.joined) await notifyJoined(joinedBy(user, identity.profile));
      const outcome = outcomeOf(landed, phoneNumber);
      return { outcome, phoneNumber, userId: user.id };
    },
  };
}

export type TelegramContacts = ReturnType<typeof createTelegramContacts>;

const BLOCKED = new Error('the account is blocked');

function outcomeOf(
  landed: Landing,
  phoneNumber: string,
): Exclude<ContactOutcome['outcome'], 'not_own' | 'invalid_phone' | 'blocked'> {
  const { user } = landed;
  if (landed.joined) return 'joined';
  if (user.phone_number === null) return 'taken';
  if (user.phone_number !== phoneNumber) return 'kept';
  if (landed.isNew) return 'created';
  return landed.numberAdded ? 'added' : 'confirmed';
}
