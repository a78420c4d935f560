import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, TelegramUsersTable } from '../db/types.ts';
import { AppError } from '../errors/app-error.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { SessionRepository } from '../sessions/repository.ts';
import type { ClientInfo, SessionService, TokenPair } from '../sessions/service.ts';
import type { User } from '../users/repository.ts';
import { joinedBy, type TelegramLinkNotice } from './link-notice.ts';
import { storableProfile } from './profile-text.ts';
import type { TelegramProfile } from './verify/types.ts';
import { accountFor, addNumber, inAccountTransaction, profileColumns, type ProvedIdentity } from './account-rules.ts';

export type { ProvedIdentity } from './account-rules.ts';

export interface TelegramSignIn {
  readonly user: User;
  readonly isNew: boolean;
  readonly tokens: TokenPair;
  /** The identity signed in with, as just stored. */
  readonly profile: TelegramProfile;
}

/**
 * Sign-in, link and unlink with Telegram. Which account an identity lands on is account-rules.ts
 * (`accountFor`), shared with a contact shared with the bot (contact.ts).
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

  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) => inAccountTransaction(db, work);

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
        const { user, isNew, joined } = await accountFor(trx, identity, at, events);
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
      if (result.joined && result.user.phone_number) await notifyJoined(joinedBy(result.user, identity.profile));
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
