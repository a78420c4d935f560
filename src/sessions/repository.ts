import { newId } from '../db/ids.ts';
import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import type { Database } from '../db/types.ts';

export interface NewRefreshToken {
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** The refresh token that replaces a spent one; user and family are the spent one's. */
export type Successor = Omit<NewRefreshToken, 'userId' | 'familyId'>;

export type RotateResult =
  | { readonly outcome: 'rotated'; readonly userId: string; readonly familyId: string }
  | { readonly outcome: 'reused'; readonly familyId: string }
  | { readonly outcome: 'invalid' };

export function createSessionRepository(db: Kysely<Database>) {
  // Every sign-in and refresh writes one; compiled once (see db/compiled-query.ts).
  const insertToken = compiledOnce(db, INSERT_ARGS, insertQuery(db));
  const insert = async (token: NewRefreshToken, now: number, executor?: Kysely<Database>) => {
    await insertToken({ ...token, id: newId(), now }, executor);
  };
  return {
    insert: (token: NewRefreshToken, now: number) => insert(token, now),

    /**
     * Spends a refresh token and stores its successor in one transaction. Concurrency contract: the
     * conditional UPDATE lets exactly one of parallel calls with one token be `rotated`; the others, and
     * any later call, are `reused`. Because the successor is written before the transaction commits, a
     * loser that then revokes the family revokes the successor too.
     */
    async rotate(tokenHash: string, successor: Successor, now: number): Promise<RotateResult> {
      const rotated = await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('sessions')
          .set({ rotated_at: now })
          .where('token_hash', '=', tokenHash)
          .where('rotated_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .returning(['user_id', 'family_id'])
          .executeTakeFirst();
        if (row) await insert({ ...successor, userId: row.user_id, familyId: row.family_id }, now, trx);
        return row;
      });
      if (rotated) return { outcome: 'rotated', userId: rotated.user_id, familyId: rotated.family_id };
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

    /** True while the family has a token that was neither revoked nor expired. */
    async isFamilyActive(familyId: string, now: number): Promise<boolean> {
      const row = await db
        .selectFrom('sessions')
        .select('id')
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

type Insert = NewRefreshToken & { readonly id: string; readonly now: number };

const INSERT_ARGS = ['id', 'userId', 'familyId', 'tokenHash', 'expiresAt', 'now', 'ip', 'userAgent'] as const;

function insertQuery(db: Kysely<Database>) {
  return (token: Insert) =>
    db.insertInto('sessions').values({
      id: token.id,
      user_id: token.userId,
      family_id: token.familyId,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
      rotated_at: null,
      revoked_at: null,
      created_at: token.now,
      ip: token.ip,
      user_agent: token.userAgent,
    });
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
