import { newId } from '../db/ids.ts';
import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import type { Database } from '../db/types.ts';

export interface NewCode {
  readonly challengeKey: string;
  readonly phoneNumber: string;
  readonly purpose: string;
  readonly userId: string | null;
  readonly codeHash: string;
  readonly maxAttempts: number;
  readonly expiresAt: number;
}

export type ConsumeResult =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'wrong'; readonly attemptsLeft: number }
  | { readonly outcome: 'exhausted' }
  | { readonly outcome: 'expired' };

type Replace = NewCode & { readonly id: string; readonly now: number };

const REPLACE_ARGS = [
  'id',
  'challengeKey',
  'phoneNumber',
  'purpose',
  'userId',
  'codeHash',
  'maxAttempts',
  'expiresAt',
  'now',
] as const;

/** The upsert of a new code; with `unlessPending`, it leaves a live code kept for a resend in place. */
function replaceQuery(db: Kysely<Database>, unlessPending: boolean) {
  return (code: Replace) =>
    db
      .insertInto('otp_codes')
      .values({
        id: code.id,
        challenge_key: code.challengeKey,
        phone_number: code.phoneNumber,
        purpose: code.purpose,
        user_id: code.userId,
        code_hash: code.codeHash,
        attempts: 0,
        max_attempts: code.maxAttempts,
        expires_at: code.expiresAt,
        consumed_at: null,
        created_at: code.now,
        pending_code: null,
      })
      .onConflict((oc) =>
        oc
          .column('challenge_key')
          .doUpdateSet((eb) => ({
            id: eb.ref('excluded.id'),
            user_id: eb.ref('excluded.user_id'),
            code_hash: eb.ref('excluded.code_hash'),
            attempts: 0,
            max_attempts: eb.ref('excluded.max_attempts'),
            expires_at: eb.ref('excluded.expires_at'),
            consumed_at: null,
            created_at: eb.ref('excluded.created_at'),
            pending_code: null,
          }))
          .where((eb) =>
            unlessPending
              ? eb.or([
                  eb('otp_codes.pending_code', 'is', null),
                  eb('otp_codes.consumed_at', 'is not', null),
                  eb('otp_codes.expires_at', '<=', code.now),
                  eb('otp_codes.attempts', '>=', eb.ref('otp_codes.max_attempts')),
                ])
              : eb.lit(true),
          ),
      )
      .returning('id');
}

export function createOtpRepository(db: Kysely<Database>) {
  // The statements of every code request and verify, compiled once (see db/compiled-query.ts).
  const replaceUnlessPending = compiledOnce(db, REPLACE_ARGS, replaceQuery(db, true));
  const replaceAlways = compiledOnce(db, REPLACE_ARGS, replaceQuery(db, false));
  // Taking an attempt and comparing the code are one statement: the row's lock orders parallel guesses,
  // and each sees the attempts the ones before it took. Comparing in one statement and counting in a
  // later one let every guess of a parallel batch be compared before any was counted.
  const attemptCode = compiledOnce(
    db,
    ['challengeKey', 'codeHash', 'now'],
    (a: { challengeKey: string; codeHash: string; now: number }) =>
      db
        .updateTable('otp_codes')
        .set((eb) => {
          const right = eb('code_hash', '=', a.codeHash);
          return {
            attempts: eb('attempts', '+', 1),
            consumed_at: eb.case().when(right).then(a.now).else(eb.ref('consumed_at')).end(),
            pending_code: eb.case().when(right).then(null).else(eb.ref('pending_code')).end(),
          };
        })
        .where('challenge_key', '=', a.challengeKey)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', a.now)
        .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
        .returning(['attempts', 'max_attempts', 'consumed_at']),
  );

  return {
    /**
     * Stores a code for the challenge, replacing the previous one with fresh attempts (one upsert), so a
     * number holds at most one live code per purpose. Returns the row id, for `discard`.
     *
     * With `unlessPending`, a previous code that is still usable and kept for a resend (its last send timed
     * out) is left alone and undefined is returned: the common case, no such code, costs one statement.
     */
    async replace(
      code: NewCode,
      now: number,
      options: { unlessPending?: boolean; id?: string } = {},
    ): Promise<string | undefined> {
      const run = options.unlessPending ? replaceUnlessPending : replaceAlways;
      const { rows } = await run({ ...code, id: options.id ?? newId(), now });
      return rows[0]?.id;
    },

    /** Removes one issued code, unless a newer request has replaced it meanwhile. */
    async discard(id: string): Promise<void> {
      await db.deleteFrom('otp_codes').where('id', '=', id).execute();
    },

    /**
     * The challenge's code whose last send timed out, while it can still be used (not consumed, expired or
     * burnt): its row id, its sealed copy and when it expires. Undefined otherwise.
     */
    async findPending(
      challengeKey: string,
      now: number,
    ): Promise<{ id: string; sealed: string; expiresAt: number } | undefined> {
      const row = await db
        .selectFrom('otp_codes')
        .select(['id', 'pending_code', 'expires_at'])
        .where('challenge_key', '=', challengeKey)
        .where('pending_code', 'is not', null)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', now)
        .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
        .executeTakeFirst();
      return row?.pending_code ? { id: row.id, sealed: row.pending_code, expiresAt: row.expires_at } : undefined;
    },

    /** Keeps the sealed code on its row (a send of it timed out), unless the row was replaced or used meanwhile. */
    async markPending(id: string, sealed: string): Promise<void> {
      await db
        .updateTable('otp_codes')
        .set({ pending_code: sealed })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .execute();
    },

    /** Drops the sealed copy once a send of the code has succeeded. */
    async clearPending(id: string): Promise<void> {
      await db.updateTable('otp_codes').set({ pending_code: null }).where('id', '=', id).execute();
    },

    /**
     * Checks a code against the challenge's live code.
     *
     * Concurrency contract: each call takes one attempt and compares the code in one conditional UPDATE,
     * never a read followed by a write, so however many calls run in parallel, on however many instances,
     * at most `max_attempts` of them are ever compared with one code. The right code uses an attempt too.
     * Of parallel calls with the right code exactly one is `accepted`; once `attempts` reaches
     * `max_attempts` no call is compared, the right code included, until `replace` issues a new one.
     */
    async consume(challengeKey: string, codeHash: string, now: number): Promise<ConsumeResult> {
      const { rows } = await attemptCode({ challengeKey, codeHash, now });
      const taken = rows[0];
      if (taken && taken.consumed_at !== null) return { outcome: 'accepted' };
      if (taken) return { outcome: 'wrong', attemptsLeft: taken.max_attempts - taken.attempts };
      return this.notCounted(challengeKey, now);
    },

    /**
     * After an attempt that counted nothing: a burnt code (`exhausted`) told from one that is gone
     * (`expired`), without changing anything. A statement of its own, so that it sees what parallel
     * attempts committed while the attempt waited for the row's lock.
     */
    async notCounted(challengeKey: string, now: number): Promise<ConsumeResult> {
      const row = await db
        .selectFrom('otp_codes')
        .select(['attempts', 'max_attempts', 'consumed_at', 'expires_at'])
        .where('challenge_key', '=', challengeKey)
        .executeTakeFirst();
      const live = row && row.consumed_at === null && row.expires_at > now;
      return live && row.attempts >= row.max_attempts ? { outcome: 'exhausted' } : { outcome: 'expired' };
    },
  };
}

export type OtpRepository = ReturnType<typeof createOtpRepository>;
