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
  | { readonly outcome: 'rotated'; readonly userId: string; readonly familyId: string; readonly authTime: number }
  | { readonly outcome: 'reused'; readonly familyId: string }
  | { readonly outcome: 'invalid' };

export function createSessionRepository(db: Kysely<Database>) {
  // Every sign-in and refresh writes one; compiled once (see db/compiled-query.ts).
  const insertToken = compiledOnce(db, INSERT_ARGS, insertQuery(db));
  const insertReturning = compiledOnce(db, INSERT_ARGS, (row: Insert) => insertQuery(db)(row).returning('id'));
  const insert = async (token: NewRefreshToken, now: number, executor?: Kysely<Database>, id = newId()) => {
    await insertToken({ ...token, id, now }, executor);
  };
  return {
    /** Stores a refresh token, under the row id `id` when given. */
    insert: (token: NewRefreshToken, now: number, id?: string) => insert(token, now, undefined, id),

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
          .where('token_hash', '=', tokenHash)
          .where('rotated_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .where('auth_time', '>', signedInAfter)
          .returning(['user_id', 'family_id', 'auth_time'])
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

    async revokeFamily(familyId: string, now: number): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /**
     * Ends every session of the user but `keepFamilyId`, inside the caller's transaction. On PostgreSQL a
     * refresh of one of them may be in flight: its new token is not yet visible to this UPDATE, which waits
     * on the spent token's row lock and revokes only that row. A statement started after that one sees the
     * committed new token, so passes repeat until one finds nothing left to revoke; a refresh needs a live
     * token, and a pass that finds none proves there was none at that instant.
     */
    async revokeOtherFamilies(userId: string, keepFamilyId: string, now: number, trx: Kysely<Database>) {
      for (let pass = 0; pass < MAX_REVOKE_PASSES; pass += 1) {
        const result = await trx
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where('family_id', '!=', keepFamilyId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return;
      }
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

/** Each pass is one UPDATE; more than two means refreshes racing the change one after another. */
const MAX_REVOKE_PASSES = 5;

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
