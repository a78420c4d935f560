import type { Kysely } from 'kysely';
import type { Database, SigningKeysTable } from '../db/types.ts';

export type StoredKey = SigningKeysTable;

export function createSigningKeyRepository(db: Kysely<Database>) {
  return {
    /** Every key, oldest generation first. */
    all(): Promise<StoredKey[]> {
      return db.selectFrom('signing_keys').selectAll().orderBy('generation').execute();
    },

    /**
     * Inserts `key` unless its generation exists. Concurrency contract: of parallel inserts of one generation
     * exactly one returns true (the unique index decides); the others insert nothing and return false, and
     * read the winner's key with `all`.
     */
    async insert(key: StoredKey): Promise<boolean> {
      const rows = await db
        .insertInto('signing_keys')
        .values(key)
        .onConflict((oc) => oc.column('generation').doNothing())
        .returning('kid')
        .execute();
      return rows.length > 0;
    },

    /** Deletes keys whose publication has ended (private halves included); returns how many. */
    async delete(kids: readonly string[]): Promise<number> {
      if (kids.length === 0) return 0;
      const result = await db.deleteFrom('signing_keys').where('kid', 'in', kids).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>;
