import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation, retryOnDeadlock } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { Database, TelegramUsersTable } from '../db/types.ts';
import { AppError } from '../errors/app-error.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { SessionRepository } from '../sessions/repository.ts';
import type { ClientInfo, SessionService, TokenPair } from '../sessions/service.ts';
import type { User } from '../users/repository.ts';
import type { TelegramLinkNotice } from './link-notice.ts';
import { storableProfile } from './profile-text.ts';
import type { TelegramProfile } from './verify/types.ts';

/** A Telegram identity proved by one of the three ways in, and what else that way proved. */
export interface ProvedIdentity {
  readonly profile: TelegramProfile;
  /** E.164, when Telegram verified the number and the user shared it (OpenID Connect's `phone` scope). */
  readonly phoneNumber?: string | null;
  /** For the widget and Mini Apps: remembered until `until` (epoch ms), so the same login works once. */
  readonly replay?: { readonly key: string; readonly until: number };
}

export interface TelegramSignIn {
  readonly user: User;
  readonly isNew: boolean;
  readonly tokens: TokenPair;
  /** The identity signed in with, as just stored. */
  readonly profile: TelegramProfile;
}

// Two first sign-ins of one person at once (two tabs, a retried request) meet at a unique index; the loser
// runs again and finds what the winner wrote.
const UNIQUE_RACE_TRIES = 3;

/**
 * One account per person. A Telegram id belongs to one user and a user has at most one; the first sign-in
 * makes the user. A number Telegram verified joins the account that already has it (someone who signed in
 * by SMS yesterday is the same user today), unless that account already has another Telegram identity: a
 * number can pass to a new owner, and two Telegram accounts never share one of ours. Then, or with no
 * number at all (the widget and Mini Apps give none), the user is new and has no number until they add one.
 */
export function createTelegramAccounts(deps: {
  db: Kysely<Database>;
  sessions: SessionService;
  /** Where the session's first token is written, in the sign-in's transaction. */
  sessionRows: Pick<SessionRepository, 'insert'>;
  events: EventRecorder;
  /** Tells a number that a Telegram account joined its account through it (link-notice.ts). */
  notifyJoined?: TelegramLinkNotice;
  now: () => number;
}) {
  const { db, sessions, sessionRows, events, now } = deps;
  const notifyJoined = deps.notifyJoined ?? (async () => {});

  async function inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await retryOnDeadlock(() => db.transaction().execute(work));
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= UNIQUE_RACE_TRIES) throw error;
      }
    }
  }

  /** The user a sign-in lands on: found by the Telegram id, or by the verified number, or made new. */
  async function accountFor(trx: Transaction<Database>, identity: ProvedIdentity, at: number) {
    const { profile } = identity;
    const phone = identity.phoneNumber ?? null;
    const known = await trx
      .selectFrom('telegram_users')
      .innerJoin('users', 'users.id', 'telegram_users.user_id')
      .selectAll('users')
      .where('telegram_users.telegram_id', '=', profile.telegramId)
      .executeTakeFirst();
    if (known) {
      await trx
        .updateTable('telegram_users')
        .set({ ...profileColumns(profile), last_sign_in_at: at, updated_at: at })
        .where('telegram_id', '=', profile.telegramId)
        .execute();
      const user = phone && known.phone_number === null ? await addNumber(trx, known, phone, at) : known;
      return { user, isNew: false, joined: false };
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
    const user = holder ?? (await newUser(trx, numberTaken ? null : phone, at));
    await trx
      .insertInto('telegram_users')
      .values({
        telegram_id: profile.telegramId,
        user_id: user.id,
        ...profileColumns(profile),
        chat_id: null,
        first_sign_in_at: at,
        last_sign_in_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (holder)
      await events.record(trx, 'user.telegram_linked', { user_id: holder.id, telegram_id: profile.telegramId });
    return { user, isNew: !holder, joined: holder !== undefined };
  }

  async function newUser(trx: Transaction<Database>, phone: string | null, at: number): Promise<User> {
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
  async function addNumber(trx: Transaction<Database>, user: User, phone: string, at: number): Promise<User> {
    const taken = await trx.selectFrom('users').select('id').where('phone_number', '=', phone).executeTakeFirst();
    if (taken) return user;
    return trx
      .updateTable('users')
      .set({ phone_number: phone, phone_verified: 1, updated_at: at })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  return {
    /**
     * Signs the person in: their user (found or made), a new session that says `telegram`, and its tokens.
     * A login already used is refused (TELEGRAM_AUTH_REPLAYED), remembered in the same transaction, so two
     * instances given the same one at once sign in at most once. A blocked user gets USER_BLOCKED.
     */
    async signIn(proved: ProvedIdentity, client: ClientInfo): Promise<TelegramSignIn> {
      const identity = { ...proved, profile: storableProfile(proved.profile) };
      const opened = sessions.open(client, 'telegram');
      const result = await inTransaction(async (trx) => {
        const at = now();
        await remember(trx, identity);
        const { user, isNew, joined } = await accountFor(trx, identity, at);
        // Thrown, not returned: nothing of a refused sign-in stays (a new link, a profile, a number).
        if (user.blocked_at !== null) throw new AppError('USER_BLOCKED');
        // Telegram verified the number: an account made with it unproved (an admin's, an import) now has it proved.
        const proved = identity.phoneNumber != null && identity.phoneNumber === user.phone_number;
        const signedIn = await trx
          .updateTable('users')
          .set({ last_login_at: at, updated_at: at, ...(proved ? { phone_verified: 1 } : {}) })
          .where('id', '=', user.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await sessionRows.insert({ ...opened.row, userId: user.id }, at, opened.row.id, trx);
        await events.record(trx, 'user.signed_in', {
          user_id: user.id,
          session_id: opened.sessionId,
          method: 'telegram',
        });
        return { user: signedIn, isNew, joined };
      });
      if (result.joined && result.user.phone_number) {
        const { username, firstName, telegramId } = identity.profile;
        await notifyJoined({
          phoneNumber: result.user.phone_number,
          locale: result.user.locale,
          telegram: username ? `@${username}` : (firstName ?? telegramId),
        });
      }
      return { ...result, profile: identity.profile, tokens: await sessions.tokens(result.user, opened) };
    },

    /**
     * Links a Telegram identity to a signed-in user. Linking the same one again refreshes its profile; one
     * that belongs to another user, or a second one for this user, is TELEGRAM_ALREADY_LINKED. A number
     * Telegram verified is added to a user who has none, as at sign-in.
     */
    async link(userId: string, proved: ProvedIdentity): Promise<TelegramUsersTable> {
      const identity = { ...proved, profile: storableProfile(proved.profile) };
      const { profile } = identity;
      try {
        return await inTransaction(async (trx) => {
          const at = now();
          await remember(trx, identity);
          const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
          if (!user) throw new AppError('UNAUTHORIZED');
          if (user.blocked_at !== null) throw new AppError('USER_BLOCKED');
          const existing = await trx
            .selectFrom('telegram_users')
            .selectAll()
            .where((eb) => eb.or([eb('telegram_id', '=', profile.telegramId), eb('user_id', '=', userId)]))
            .execute();
          const same = existing.find((row) => row.telegram_id === profile.telegramId && row.user_id === userId);
          if (!same && existing.length > 0) throw new AppError('TELEGRAM_ALREADY_LINKED');
          if (identity.phoneNumber && user.phone_number === null) await addNumber(trx, user, identity.phoneNumber, at);
          if (same) {
            return trx
              .updateTable('telegram_users')
              .set({ ...profileColumns(profile), updated_at: at })
              .where('telegram_id', '=', profile.telegramId)
              .returningAll()
              .executeTakeFirstOrThrow();
          }
          const linked = await trx
            .insertInto('telegram_users')
            .values({
              telegram_id: profile.telegramId,
              user_id: userId,
              ...profileColumns(profile),
              chat_id: null,
              first_sign_in_at: null,
              last_sign_in_at: null,
              created_at: at,
              updated_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await events.record(trx, 'user.telegram_linked', { user_id: userId, telegram_id: profile.telegramId });
          return linked;
        });
      } catch (error) {
        // A race lost three times over to another user linking the same identity.
        if (isUniqueViolation(error)) throw new AppError('TELEGRAM_ALREADY_LINKED');
        throw error;
      }
    },

    /**
     * Unlinks the user's Telegram identity, unless it is their only way in: a user without a number signs in
     * with Telegram alone (TELEGRAM_UNLINK_REFUSED). NOT_FOUND when nothing is linked.
     */
    async unlink(userId: string): Promise<void> {
      await inTransaction(async (trx) => {
        const user = await trx.selectFrom('users').select(['phone_number']).where('id', '=', userId).executeTakeFirst();
        if (!user) throw new AppError('UNAUTHORIZED');
        const linked = await trx
          .selectFrom('telegram_users')
          .select('telegram_id')
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!linked) throw new AppError('NOT_FOUND', 'No Telegram account is linked');
        if (user.phone_number === null) throw new AppError('TELEGRAM_UNLINK_REFUSED');
        await trx.deleteFrom('telegram_users').where('user_id', '=', userId).execute();
        await events.record(trx, 'user.telegram_unlinked', { user_id: userId, telegram_id: linked.telegram_id });
      });
    },

    /** The user's linked Telegram identity, or null. */
    identityOf(userId: string): Promise<TelegramUsersTable | undefined> {
      return db.selectFrom('telegram_users').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },
  };
}

export type TelegramAccounts = ReturnType<typeof createTelegramAccounts>;

/**
 * Remembers a widget or Mini App login, or TELEGRAM_AUTH_REPLAYED when it was already used. In the caller's
 * transaction: on PostgreSQL a second insert of the same key waits for the first to commit, then finds it.
 */
async function remember(trx: Transaction<Database>, identity: ProvedIdentity): Promise<void> {
  if (!identity.replay) return;
  const remembered = await trx
    .insertInto('telegram_login_replays')
    .values({ key: identity.replay.key, expires_at: identity.replay.until })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (remembered.numInsertedOrUpdatedRows === 0n) throw new AppError('TELEGRAM_AUTH_REPLAYED');
}

function profileColumns(profile: TelegramProfile) {
  return {
    username: profile.username,
    first_name: profile.firstName,
    last_name: profile.lastName,
    photo_url: profile.photoUrl,
    language_code: profile.languageCode,
  };
}
