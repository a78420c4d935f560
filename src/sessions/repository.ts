import { newId } from '../db/ids.ts';
import type { Expression, ExpressionBuilder, Kysely, SqlBool, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import type { Database } from '../db/types.ts';

export interface NewRefreshToken {
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  /** When the family's sign-in happened; every token of the family carries the same one. */
  readonly authTime: number;
  /** How the family signed in (the tokens' `amr`); every token of the family carries the same one. */
  readonly amr: SignInMethod;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** How a session signed in: a code by SMS, or Telegram (widget, Mini App or OpenID Connect). */
export type SignInMethod = 'sms' | 'telegram';

/** The refresh token that replaces a spent one; user, family, sign-in time and method are the spent one's. */
export type Successor = Omit<NewRefreshToken, 'userId' | 'familyId' | 'authTime' | 'amr'>;

export type RotateResult =
  | {
      readonly outcome: 'rotated';
      readonly userId: string;
      readonly familyId: string;
      readonly authTime: number;
      readonly amr: SignInMethod;
      /** The user's number now, for the new access token: read in the same statement, no round trip more. */
      readonly phoneNumber: string | null;
      readonly externalId: string | null;
    }
  | { readonly outcome: 'reused'; readonly familyId: string }
  | { readonly outcome: 'invalid' };

/** A session as a live refresh token names it (SessionRepository.current). */
export type LiveSession = Omit<Extract<RotateResult, { outcome: 'rotated' }>, 'outcome'>;

/**
 * A refresh token that can still be used: the newest of its family, not expired, its family neither past
 * its absolute lifetime (`signedInAfter`) nor being revoked, its user not blocked. One rule for spending a
 * token (rotate) and for reading it (current).
 */
function liveToken(
  eb: ExpressionBuilder<Database, 'sessions'>,
  tokenHash: string,
  now: number,
  signedInAfter: number,
): Expression<SqlBool> {
  return eb.and([
    eb('sessions.token_hash', '=', tokenHash),
    eb('sessions.rotated_at', 'is', null),
    eb('sessions.revoked_at', 'is', null),
    eb('sessions.expires_at', '>', now),
    eb('sessions.auth_time', '>', signedInAfter),
    // A family that a logout or reuse has begun to revoke is over, whichever of its rows that revocation has
    // reached yet.
    eb.not(
      eb.exists(
        eb
          .selectFrom('sessions as ended')
          .select('ended.id')
          .whereRef('ended.family_id', '=', 'sessions.family_id')
          .where('ended.revoked_at', 'is not', null),
      ),
    ),
    // Blocking ends the user's sessions; this refuses a token that a refresh racing the block rotated.
    eb.not(
      eb.exists(
        eb
          .selectFrom('users as blocked')
          .select('blocked.id')
          .whereRef('blocked.id', '=', 'sessions.user_id')
          .where('blocked.blocked_at', 'is not', null),
      ),
    ),
  ]);
}

export function createSessionRepository(db: Kysely<Database>) {
  // Every sign-in and refresh writes one; compiled once (see db/compiled-query.ts).
  const insertToken = compiledOnce(db, INSERT_ARGS, insertQuery(db));
  const insertReturning = compiledOnce(db, INSERT_ARGS, (row: Insert) => insertQuery(db)(row).returning('id'));
  const insert = async (token: NewRefreshToken, now: number, executor?: Kysely<Database>, id = newId()) => {
    await insertToken({ ...token, id, now }, executor);
  };
  const spentFamilyOf = async (tokenHash: string): Promise<string | undefined> => {
    const known = await db
      .selectFrom('sessions')
      .select(['family_id', 'rotated_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return known?.rotated_at != null ? known.family_id : undefined;
  };
  return {
    /** Stores a refresh token, under the row id `id` when given, in the transaction `executor` when given. */
    insert: (token: NewRefreshToken, now: number, id?: string, executor?: Kysely<Database>) =>
      insert(token, now, executor, id),

    /** The same insert as a statement returning the id, for a caller that writes it with another row. */
    insertStatement: (row: NewRefreshToken & { id: string; now: number }) => insertReturning.bind(row),

    /**
     * Spends a refresh token and stores its successor in one transaction. Concurrency contract: the
     * conditional UPDATE lets exactly one of parallel calls with one token be `rotated`; the others, and
     * any later call, are `reused`. Because the successor is written before the transaction commits, a
     * loser that then revokes the family revokes the successor too. A token whose family signed in at or
     * before `signedInAfter` (the session's absolute lifetime) is `invalid`, however recently it was issued.
     */
    async rotate(tokenHash: string, successor: Successor, now: number, signedInAfter: number): Promise<RotateResult> {
      const rotated = await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('sessions')
          .set({ rotated_at: now })
          .where((eb) => liveToken(eb, tokenHash, now, signedInAfter))
          .returning((eb) => [
            'user_id',
            'family_id',
            'auth_time',
            'amr',
            eb
              .selectFrom('users')
              .select('users.phone_number')
              .whereRef('users.id', '=', 'sessions.user_id')
              .as('phone_number'),
            eb
              .selectFrom('users')
              .select('users.external_id')
              .whereRef('users.id', '=', 'sessions.user_id')
              .as('external_id'),
          ])
          .executeTakeFirst();
        if (row) {
          const family = {
            userId: row.user_id,
            familyId: row.family_id,
            authTime: row.auth_time,
            amr: signInMethod(row.amr),
          };
          await insert({ ...successor, ...family }, now, trx);
        }
        return row;
      });
      if (rotated) {
        return {
          outcome: 'rotated',
          userId: rotated.user_id,
          familyId: rotated.family_id,
          authTime: rotated.auth_time,
          amr: signInMethod(rotated.amr),
          phoneNumber: rotated.phone_number ?? null,
          externalId: rotated.external_id ?? null,
        };
      }
      const familyId = await spentFamilyOf(tokenHash);
      return familyId !== undefined ? { outcome: 'reused', familyId } : { outcome: 'invalid' };
    },

    /** The family of a refresh token that was already exchanged (a copy being used), else undefined. */
    spentFamilyOf: (tokenHash: string) => spentFamilyOf(tokenHash),

    /** Ends every token of the family the token belongs to. Returns false for a token never issued. */
    async revokeFamilyOf(tokenHash: string, now: number): Promise<boolean> {
      const row = await db
        .selectFrom('sessions')
        .select('family_id')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return false;
      await this.revokeFamily(row.family_id, now);
      return true;
    },

    /** Ends every token of the family, a refresh of it in flight included (see revokeOtherFamilies). */
    async revokeFamily(familyId: string, now: number): Promise<void> {
      await revokeUntilNone(db, now, (query) => query.where('family_id', '=', familyId));
    },

    /**
     * Ends every session of the user but `keepFamilyId` (every one, when it is null), inside the caller's
     * transaction `trx` or on its own. Returns how many token rows it revoked. On PostgreSQL a refresh of one
     * of them may be in flight: its new token is not yet visible to this UPDATE, which waits on the spent
     * token's row lock and revokes only that row. A statement started after that one sees the committed new
     * token, so passes repeat until one finds nothing left to revoke; a refresh needs a live token, and a
     * pass that finds none proves there was none at that instant.
     */
    async revokeOtherFamilies(
      userId: string,
      keepFamilyId: string | null,
      now: number,
      trx: Kysely<Database> = db,
    ): Promise<number> {
      return revokeUntilNone(trx, now, (query) => {
        const mine = query.where('user_id', '=', userId);
        return keepFamilyId === null ? mine : mine.where('family_id', '!=', keepFamilyId);
      });
    },

    /**
     * Ends every session of the user, inside the caller's transaction, in passes like revokeOtherFamilies.
     * Returns how many sessions were still open. Expired tokens are left as they are: they end nothing, and
     * their rows age out as before.
     */
    async revokeAllFamilies(userId: string, now: number, trx: Kysely<Database>): Promise<number> {
      const open = await trx
        .selectFrom('sessions')
        .select(({ fn }) => fn.count<number>('family_id').distinct().as('families'))
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      await revokeUntilNone(trx, now, (query) => query.where('user_id', '=', userId).where('expires_at', '>', now));
      return Number(open.families);
    },

    /**
     * Ends one session of the user; false when the user has no such session still open (another user's
     * session is as unknown as one never made). Repeats like revokeOtherFamilies, so a refresh of that
     * session in flight cannot leave its new token alive.
     */
    async revokeFamilyOfUser(userId: string, familyId: string, now: number): Promise<boolean> {
      const live = await db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .limit(1)
        .executeTakeFirst();
      if (!live) return false;
      await revokeUntilNone(db, now, (query) => query.where('user_id', '=', userId).where('family_id', '=', familyId));
      return true;
    },

    /**
     * The user's open sessions, newest use first: one per family, described by its latest token (the last
     * sign-in or refresh: its time, address and user agent) and its sign-in time. A session is open while
     * its latest token is neither revoked nor expired and it signed in after `signedInAfter`.
     */
    async openFamilies(userId: string, now: number, signedInAfter: number): Promise<OpenFamily[]> {
      const rows = await db
        .selectFrom('sessions as s')
        .select(['s.family_id', 's.auth_time', 's.amr', 's.created_at', 's.ip', 's.user_agent'])
        .where('s.user_id', '=', userId)
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('s.auth_time', '>', signedInAfter)
        .where(({ eb, selectFrom }) =>
          eb(
            's.created_at',
            '=',
            selectFrom('sessions as x')
              .select(({ fn }) => fn.max('x.created_at').as('latest'))
              .whereRef('x.family_id', '=', 's.family_id'),
          ),
        )
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id', 'desc')
        .execute();
      // Two tokens of a family made in the same millisecond tie on created_at; the first (newest id) speaks.
      const seen = new Set<string>();
      return rows
        .filter((row) => !seen.has(row.family_id) && seen.add(row.family_id))
        .map((row) => ({
          familyId: row.family_id,
          authTime: row.auth_time,
          method: signInMethod(row.amr),
          lastUsedAt: row.created_at,
          ip: row.ip,
          userAgent: row.user_agent,
        }));
    },

    /**
     * The sign-in time of the family while it has a token that was neither revoked nor expired and it
     * signed in after `signedInAfter`; otherwise null (the session has ended).
     */
    /**
     * The session of a refresh token that is still the newest of its family, without spending it: what
     * rotate would accept, read rather than updated. The hosted pages' cookie keeps such a token (see
     * pages/page-session.ts); reading it many times at once, from several tabs, is harmless.
     */
    async current(tokenHash: string, now: number, signedInAfter: number): Promise<LiveSession | null> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.user_id',
          'sessions.family_id',
          'sessions.auth_time',
          'sessions.amr',
          'users.phone_number',
          'users.external_id',
        ])
        .where((eb) => liveToken(eb, tokenHash, now, signedInAfter))
        .executeTakeFirst();
      if (!row) return null;
      return {
        userId: row.user_id,
        familyId: row.family_id,
        authTime: row.auth_time,
        amr: signInMethod(row.amr),
        phoneNumber: row.phone_number,
        externalId: row.external_id,
      };
    },

    async activeFamily(familyId: string, now: number, signedInAfter: number): Promise<{ authTime: number } | null> {
      const row = await db
        .selectFrom('sessions')
        .select('auth_time')
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .where('auth_time', '>', signedInAfter)
        .limit(1)
        .executeTakeFirst();
      return row ? { authTime: row.auth_time } : null;
    },
  };
}

/**
 * Each pass is one UPDATE; more than two means refreshes racing the revocation one after another, each
 * needing a round trip to the client for the next token, so this bound is never reached in practice.
 */
const MAX_REVOKE_PASSES = 20;

/** An open session of a user, as listed to them. */
export interface OpenFamily {
  readonly familyId: string;
  readonly authTime: number;
  readonly method: SignInMethod;
  /** When its latest token was issued: the last sign-in or refresh. */
  readonly lastUsedAt: number;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

type RevokeQuery = UpdateQueryBuilder<Database, 'sessions', 'sessions', UpdateResult>;

/**
 * Revokes the rows `narrow` selects in passes until one finds none; returns the rows revoked. On PostgreSQL a
 * refresh of one of the tokens may be in flight: its successor is not yet visible to the UPDATE, which waits
 * on the spent token's row lock, then revokes only that row. A statement started after that one sees the
 * committed successor, so passes repeat until one finds nothing: a refresh needs a live token, and a pass
 * that finds none proves there was none at that instant.
 */
async function revokeUntilNone(
  executor: Kysely<Database>,
  now: number,
  narrow: (query: RevokeQuery) => RevokeQuery,
): Promise<number> {
  let revoked = 0;
  for (let pass = 0; pass < MAX_REVOKE_PASSES; pass += 1) {
    const query = executor.updateTable('sessions').set({ revoked_at: now }).where('revoked_at', 'is', null);
    const result = await narrow(query).executeTakeFirst();
    if (result.numUpdatedRows === 0n) break;
    revoked += Number(result.numUpdatedRows);
  }
  return revoked;
}

type Insert = NewRefreshToken & { readonly id: string; readonly now: number };

const INSERT_ARGS = [
  'id',
  'userId',
  'familyId',
  'tokenHash',
  'expiresAt',
  'authTime',
  'amr',
  'now',
  'ip',
  'userAgent',
] as const;

function insertQuery(db: Kysely<Database>) {
  return (token: Insert) =>
    db.insertInto('sessions').values({
      id: token.id,
      user_id: token.userId,
      family_id: token.familyId,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
      auth_time: token.authTime,
      amr: token.amr,
      rotated_at: null,
      revoked_at: null,
      created_at: token.now,
      ip: token.ip,
      user_agent: token.userAgent,
    });
}

/** A stored method read back; anything unknown (a row from a newer version) reads as the default. */
function signInMethod(stored: string): SignInMethod {
  return stored === 'telegram' ? 'telegram' : 'sms';
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
