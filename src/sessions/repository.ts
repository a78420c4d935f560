import { newId } from '../db/ids.ts';
import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import type { Database } from '../db/types.ts';

export interface NewRefreshToken {
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  /** When the family's sign-in happened; every token of the family carries the same one. */
  readonly authTime: number;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** The refresh token that replaces a spent one; user, family and sign-in time are the spent one's. */
export type Successor = Omit<NewRefreshToken, 'userId' | 'familyId' | 'authTime'>;

export type RotateResult =
  | {
      readonly outcome: 'rotated';
      readonly userId: string;
      readonly familyId: string;
      readonly authTime: number;
      /** The user's number now, for the new access token: read in the same statement, no round trip more. */
      readonly phoneNumber: string;
      readonly externalId: string | null;
    }
  | { readonly outcome: 'reused'; readonly familyId: string }
  | { readonly outcome: 'invalid' };

export function createSessionRepository(db: Kysely<Database>) {
  // Every sign-in and refresh writes one; compiled once (see db/compiled-query.ts).
  const insertToken = compiledOnce(db, INSERT_ARGS, insertQuery(db));
  const insert = async (token: NewRefreshToken, now: number, executor?: Kysely<Database>, id = newId()) => {
    await insertToken({ ...token, id, now }, executor);
  };
  return {
    /** Stores a refresh token, under the row id `id` when given. */
    insert: (token: NewRefreshToken, now: number, id?: string) => insert(token, now, undefined, id),

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
          .where('token_hash', '=', tokenHash)
          .where('rotated_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .where('auth_time', '>', signedInAfter)
          // A family that a logout or reuse has begun to revoke is over, whichever of its rows that
          // revocation has reached yet.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('sessions as ended')
                  .select('ended.id')
                  .whereRef('ended.family_id', '=', 'sessions.family_id')
                  .where('ended.revoked_at', 'is not', null),
              ),
            ),
          )
          // Blocking ends the user's sessions; this refuses a token that a refresh racing the block rotated.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('users')
                  .select('users.id')
                  .whereRef('users.id', '=', 'sessions.user_id')
                  .where('users.blocked_at', 'is not', null),
              ),
            ),
          )
          .returning((eb) => [
            'user_id',
            'family_id',
            'auth_time',
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
          const family = { userId: row.user_id, familyId: row.family_id, authTime: row.auth_time };
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
          phoneNumber: rotated.phone_number!,
          externalId: rotated.external_id ?? null,
        };
      }
      const known = await db
        .selectFrom('sessions')
        .select(['family_id', 'rotated_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return known?.rotated_at != null ? { outcome: 'reused', familyId: known.family_id } : { outcome: 'invalid' };
    },

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

    /** Ends every token of the family, a refresh in flight included (see `untilNoneLeft`). */
    async revokeFamily(familyId: string, now: number): Promise<void> {
      await untilNoneLeft(() =>
        db
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('family_id', '=', familyId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
    },

    /** Ends every session of the user but `keepFamilyId`, inside the caller's transaction. */
    async revokeOtherFamilies(userId: string, keepFamilyId: string, now: number, trx: Kysely<Database>) {
      await untilNoneLeft(() =>
        trx
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where('family_id', '!=', keepFamilyId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
    },

    /**
     * Ends every session of the user, inside the caller's transaction, with the passes of
     * `revokeOtherFamilies` for the same reason. Returns how many sessions (families) were still active.
     */
    async revokeAllFamilies(userId: string, now: number, trx: Kysely<Database>): Promise<number> {
      const ended = new Set<string>();
      for (let pass = 0; pass < MAX_REVOKE_PASSES; pass += 1) {
        const rows = await trx
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .returning('family_id')
          .execute();
        for (const row of rows) ended.add(row.family_id);
        if (rows.length === 0) break;
      }
      // Expired tokens are left as they are: they end nothing, and their rows age out as before.
      return ended.size;
    },

    /**
     * The sign-in time of the family while it has a token that was neither revoked nor expired and it
     * signed in after `signedInAfter`; otherwise null (the session has ended).
     */
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

type Insert = NewRefreshToken & { readonly id: string; readonly now: number };

const INSERT_ARGS = [
  'id',
  'userId',
  'familyId',
  'tokenHash',
  'expiresAt',
  'authTime',
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
      rotated_at: null,
      revoked_at: null,
      created_at: token.now,
      ip: token.ip,
      user_agent: token.userAgent,
    });
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;

/**
 * Runs a revoking UPDATE until a pass finds nothing left. On PostgreSQL a refresh of one of the tokens may
 * be in flight: its successor is not yet visible to the UPDATE, which waits on the spent token's row lock,
 * then revokes only that row and returns. A statement started after that one sees the committed successor,
 * so passes repeat until one finds nothing: a refresh needs a live token, and a pass that finds none proves
 * there was none at that instant. (A refresh that reaches the row after it was revoked finds it revoked.)
 */
async function untilNoneLeft(revoke: () => Promise<{ numUpdatedRows: bigint }>): Promise<void> {
  for (let pass = 0; pass < MAX_REVOKE_PASSES; pass += 1) {
    if ((await revoke()).numUpdatedRows === 0n) return;
  }
}
