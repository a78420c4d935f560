import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, UsersTable } from '../db/types.ts';

export type User = UsersTable;

export function createUserRepository(db: Kysely<Database>) {
  const repository = {
    /**
     * The user with this number, created on first sign-in. Concurrency contract: parallel calls for one new
     * number create one user (the unique index decides) and exactly one caller sees `isNew: true`.
     */
    async signIn(phoneNumber: string, now: number): Promise<{ user: User; isNew: boolean }> {
      const created = await db
        .insertInto('users')
        .values({
          id: randomUUID(),
          phone_number: phoneNumber,
          phone_verified: 1,
          locale: null,
          created_at: now,
          updated_at: now,
          last_login_at: now,
        })
        .onConflict((oc) => oc.column('phone_number').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (created) return { user: created, isNew: true };
      const user = await db
        .updateTable('users')
        .set({ last_login_at: now, phone_verified: 1, updated_at: now })
        .where('phone_number', '=', phoneNumber)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { user, isNew: false };
    },

    async findById(id: string): Promise<User | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The stored locale of whoever has this number; null when there is no such user or no preference. */
    async localeByPhone(phoneNumber: string): Promise<string | null> {
      const row = await db
        .selectFrom('users')
        .select('locale')
        .where('phone_number', '=', phoneNumber)
        .executeTakeFirst();
      return row?.locale ?? null;
    },

    /** Stores (or with null, clears) the user's locale. Returns the updated user, undefined when there is none. */
    async setLocale(id: string, locale: string | null, now: number): Promise<User | undefined> {
      return db
        .updateTable('users')
        .set({ locale, updated_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /**
     * Moves a user to a new number and records it, in one transaction. Returns false when the number
     * belongs to someone else: the unique index decides, not a prior read, so two users confirming the
     * same number at once cannot both get it.
     */
    async changePhone(userId: string, newNumber: string, ip: string | null, now: number): Promise<boolean> {
      try {
        return await moveNumber(userId, newNumber, ip, now);
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };

  return repository;

  function moveNumber(userId: string, newNumber: string, ip: string | null, now: number): Promise<boolean> {
    return db.transaction().execute(async (trx: Transaction<Database>) => {
      const current = await trx.selectFrom('users').select('phone_number').where('id', '=', userId).executeTakeFirst();
      if (!current) return false;
      await trx
        .updateTable('users')
        .set({ phone_number: newNumber, phone_verified: 1, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await trx
        .insertInto('phone_verifications')
        .values({
          id: randomUUID(),
          user_id: userId,
          old_phone_number: current.phone_number,
          new_phone_number: newNumber,
          ip,
          verified_at: now,
        })
        .execute();
      return true;
    });
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>;
