import { newId } from '../db/ids.ts';
import { NoResultError, sql, type Kysely, type Transaction } from 'kysely';
import { compiledOnce } from '../db/compiled-query.ts';
import { isUniqueViolation, retryOnDeadlock } from '../db/errors.ts';
import type { Database, UsersTable } from '../db/types.ts';

export type User = UsersTable;

export function createUserRepository(db: Kysely<Database>) {
  // The statements of every code request (the locale lookup) and sign-in, compiled once (see
  // db/compiled-query.ts).
  const insertNew = compiledOnce(
    db,
    ['id', 'phoneNumber', 'now'],
    (a: { id: string; phoneNumber: string; now: number }) =>
      db
        .insertInto('users')
        .values({
          id: a.id,
          phone_number: a.phoneNumber,
          phone_verified: 1,
          locale: null,
          created_at: a.now,
          updated_at: a.now,
          last_login_at: a.now,
        })
        .onConflict((oc) => oc.column('phone_number').doNothing())
        .returningAll(),
  );
  // A blocked user's row is read back unchanged: the caller writes no session for it.
  const signedInUpdate = (a: { phoneNumber: string; now: number }) =>
    db
      .updateTable('users')
      .set({
        last_login_at: sql<number>`case when blocked_at is null then ${a.now} else last_login_at end`,
        phone_verified: sql<number>`case when blocked_at is null then 1 else phone_verified end`,
        updated_at: sql<number>`case when blocked_at is null then ${a.now} else updated_at end`,
      })
      .where('phone_number', '=', a.phoneNumber)
      .returningAll();
  const markSignedIn = compiledOnce(db, ['phoneNumber', 'now'], signedInUpdate);
  // A phone change's code request reads the signed-in user's locale through this.
  const byId = compiledOnce(db, ['id'], (a: { id: string }) =>
    db.selectFrom('users').selectAll().where('id', '=', a.id),
  );
  const localeOf = compiledOnce(db, ['phoneNumber'], (a: { phoneNumber: string }) =>
    db.selectFrom('users').select('locale').where('phone_number', '=', a.phoneNumber),
  );

  const repository = {
    /**
     * The insert of a new user under `id` (nothing when the number has one), returning the row: for a
     * caller that writes it together with another row (db/together.ts). `signIn` then finds an existing user.
     */
    insertStatement: (args: { id: string; phoneNumber: string; now: number }) => insertNew.bind(args),

    /**
     * The user with this number, created on first sign-in. Concurrency contract: parallel calls for one new
     * number create one user (the unique index decides) and exactly one caller sees `isNew: true`.
     */
    async signIn(phoneNumber: string, now: number): Promise<{ user: User; isNew: boolean }> {
      const [created] = (await insertNew({ id: newId(), phoneNumber, now })).rows;
      if (created) return { user: created, isNew: true };
      const [user] = (await markSignedIn({ phoneNumber, now })).rows;
      // As Kysely's executeTakeFirstOrThrow would: the number's user moved away since the insert found it.
      if (!user) throw new NoResultError(signedInUpdate({ phoneNumber, now }).toOperationNode());
      return { user, isNew: false };
    },

    async findById(id: string): Promise<User | undefined> {
      return (await byId({ id })).rows[0];
    },

    /** The stored locale of whoever has this number; null when there is no such user or no preference. */
    async localeByPhone(phoneNumber: string): Promise<string | null> {
      const [row] = (await localeOf({ phoneNumber })).rows;
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
     * Moves a user to a new number and records it, in one transaction, together with `alsoDo` (which gets
     * the transaction). Returns the number the user had (null if none), or null when the new number belongs to someone
     * else: the unique index decides, not a prior read, so two users confirming the same number at once
     * cannot both get it. Returns `blocked`, and changes nothing, when the user is blocked: the update
     * locks the user's row, so a block is either committed before it (and seen) or waits for it.
     */
    async changePhone(
      userId: string,
      newNumber: string,
      ip: string | null,
      now: number,
      /** Gets the transaction and the number the user had. */
      alsoDo: (trx: Transaction<Database>, previousNumber: string | null) => Promise<void>,
    ): Promise<{ previous: string | null } | 'blocked' | null> {
      try {
        return await retryOnDeadlock(() =>
          db.transaction().execute(async (trx: Transaction<Database>) => {
            const current = await trx
              .selectFrom('users')
              .select('phone_number')
              .where('id', '=', userId)
              .executeTakeFirst();
            if (!current) return null;
            // `alsoDo` (ending the other sessions) first: a refresh locks its session row, then the user's row
            // (the foreign key of the token it inserts), and this transaction takes them in the same order.
            await alsoDo(trx, current.phone_number);
            const moved = await trx
              .updateTable('users')
              .set({ phone_number: newNumber, phone_verified: 1, updated_at: now })
              .where('id', '=', userId)
              .where('blocked_at', 'is', null)
              .executeTakeFirst();
            // Blocked: undo what `alsoDo` wrote too.
            if (moved.numUpdatedRows === 0n) throw BLOCKED;
            // The record is of a number given up; a user adding their first (Telegram only until now) has none.
            if (current.phone_number !== null) {
              await trx
                .insertInto('phone_verifications')
                .values({
                  id: newId(),
                  user_id: userId,
                  old_phone_number: current.phone_number,
                  new_phone_number: newNumber,
                  ip,
                  verified_at: now,
                })
                .execute();
            }
            return { previous: current.phone_number };
          }),
        );
      } catch (error) {
        if (error === BLOCKED) return 'blocked';
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
  };

  return repository;
}

export type UserRepository = ReturnType<typeof createUserRepository>;

/** Thrown inside changePhone's transaction to undo it when the user turns out to be blocked. */
const BLOCKED = new Error('the user is blocked');
