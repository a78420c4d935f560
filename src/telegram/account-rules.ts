import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation, retryOnDeadlock } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { Database } from '../db/types.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { User } from '../users/repository.ts';
import type { TelegramProfile } from './verify/types.ts';

/** A Telegram identity proved by one of the ways in, and what else that way proved. */
export interface ProvedIdentity {
  readonly profile: TelegramProfile;
  /**
   * E.164, when Telegram verified the number: OpenID Connect's `phone` scope, or the person's own contact
   * shared with the bot (contact.ts).
   */
  readonly phoneNumber?: string | null;
  /** For the widget and Mini Apps: remembered until `until` (epoch ms), so the same login works once. */
  readonly replay?: { readonly key: string; readonly until: number };
  /** The private chat with the bot, when the identity came through it: the bot may write there from now on. */
  readonly chatId?: string;
}

/** Where an identity landed (`accountFor`). */
export interface Landing {
  readonly user: User;
  /** The user was made for this identity. */
  readonly isNew: boolean;
  /** The identity joined the account that had its verified number (link-notice.ts tells the number). */
  readonly joined: boolean;
  /** A known identity's account had no number and now has the verified one. */
  readonly numberAdded: boolean;
}

// Two first sign-ins of one person at once (two tabs, a retried request) meet at a unique index; the loser
// runs again and finds what the winner wrote.
const UNIQUE_RACE_TRIES = 3;

/** `work` in a transaction, run again after a deadlock or a lost race to a unique index (see above). */
export async function inAccountTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await retryOnDeadlock(() => db.transaction().execute(work));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= UNIQUE_RACE_TRIES) throw error;
    }
  }
}

/**
 * The user an identity lands on: found by the Telegram id, or by the verified number, or made new. One
 * account per person. A Telegram id belongs to one user and a user has at most one; the first time makes
 * the user. A number Telegram verified joins the account that already has it (someone who signed in by SMS
 * yesterday is the same user today), unless that account already has another Telegram identity: a number
 * can pass to a new owner, and two Telegram accounts never share one of ours. Then, or with no number at
 * all (the widget and Mini Apps give none), the user is new and has no number until they add one. A known
 * identity whose account has no number gets the verified one, unless another account has it.
 */
export async function accountFor(
  trx: Transaction<Database>,
  identity: ProvedIdentity,
  at: number,
  events: EventRecorder,
  /** False for the bot, where the identity is used without signing in: the sign-in times stay as they are. */
  { signIn = true }: { signIn?: boolean } = {},
): Promise<Landing> {
  const { profile } = identity;
  const signedInAt = signIn ? at : null;
  const phone = identity.phoneNumber ?? null;
  // A person writing to the bot can be written to again, whatever an earlier 403 said.
  const chat = identity.chatId === undefined ? {} : { chat_id: identity.chatId, bot_blocked_at: null };
  const known = await trx
    .selectFrom('telegram_users')
    .innerJoin('users', 'users.id', 'telegram_users.user_id')
    .selectAll('users')
    .where('telegram_users.telegram_id', '=', profile.telegramId)
    .executeTakeFirst();
  if (known) {
    await trx
      .updateTable('telegram_users')
      .set({ ...profileColumns(profile), ...chat, ...(signIn ? { last_sign_in_at: at } : {}), updated_at: at })
      .where('telegram_id', '=', profile.telegramId)
      .execute();
    const user = phone && known.phone_number === null ? await addNumber(trx, known, phone, at) : known;
    return { user, isNew: false, joined: false, numberAdded: user !== known && user.phone_number === phone };
  }
  const holder = phone
    ? await trx
        .selectFrom('users')
        .selectAll()
        .where('phone_number', '=', phone)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('telegram_users').select('telegram_id').whereRef('user_id', '=', 'users.id'))),
        )
        .executeTakeFirst()
    : undefined;
  const numberTaken =
    phone !== null &&
    !holder &&
    (await trx.selectFrom('users').select('id').where('phone_number', '=', phone).executeTakeFirst());
  const user = holder ?? (await newUser(trx, numberTaken ? null : phone, at, events));
  await trx
    .insertInto('telegram_users')
    .values({
      telegram_id: profile.telegramId,
      user_id: user.id,
      ...profileColumns(profile),
      chat_id: null,
      ...chat,
      first_sign_in_at: signedInAt,
      last_sign_in_at: signedInAt,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (holder) await events.record(trx, 'user.telegram_linked', { user_id: holder.id, telegram_id: profile.telegramId });
  return { user, isNew: !holder, joined: holder !== undefined, numberAdded: false };
}

async function newUser(
  trx: Transaction<Database>,
  phone: string | null,
  at: number,
  events: EventRecorder,
): Promise<User> {
  const user = await trx
    .insertInto('users')
    .values({
      id: newId(),
      phone_number: phone,
      phone_verified: phone ? 1 : 0,
      locale: null,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      external_id: null,
      blocked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await events.record(trx, 'user.created', { user_id: user.id, phone_number: phone });
  return user;
}

/** Gives a user without a number the one Telegram verified, unless another user has it. */
export async function addNumber(trx: Transaction<Database>, user: User, phone: string, at: number): Promise<User> {
  const taken = await trx.selectFrom('users').select('id').where('phone_number', '=', phone).executeTakeFirst();
  if (taken) return user;
  return trx
    .updateTable('users')
    .set({ phone_number: phone, phone_verified: 1, updated_at: at })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function profileColumns(profile: TelegramProfile) {
  return {
    username: profile.username,
    first_name: profile.firstName,
    last_name: profile.lastName,
    photo_url: profile.photoUrl,
    language_code: profile.languageCode,
  };
}
