import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import { olderThan, type ListPosition } from '../db/list-cursor.ts';
import type { Database } from '../db/types.ts';
import type { User } from './repository.ts';

/** A user the shop brings in: a canonical number, its own id for the user, and a locale for a new user. */
export interface ShopUser {
  readonly phoneNumber: string;
  readonly externalId: string;
  readonly locale: string | null;
}

/** A user made from a number before its first sign-in: with the shop's id (the admin API, an import) or not. */
export interface NewUser {
  readonly phoneNumber: string;
  readonly externalId: string | null;
  readonly locale: string | null;
}

/**
 * How a shop user was resolved. `created`: a new user. `linked`: the number's user had no external_id and
 * now has this one. `matched`: the number's user already had this external_id (nothing changed).
 * `phone_conflict`: the number's user has another external_id. `external_id_conflict`: another number's
 * user has this external_id.
 */
export type Resolution =
  | { readonly outcome: 'created' | 'linked' | 'matched'; readonly user: User }
  | { readonly outcome: 'phone_conflict' | 'external_id_conflict' };

export interface UserFilter {
  readonly phoneNumber?: string | undefined;
  readonly externalId?: string | undefined;
  readonly blocked?: boolean | undefined;
  readonly fromMs?: number | undefined;
  readonly toMs?: number | undefined;
  readonly after?: ListPosition | undefined;
  readonly limit: number;
}

type Executor = Kysely<Database>;

/** The admin side of `users`: lookups, the listing, and the shop's own ids. */
export const userAccounts = {
  findById: (db: Executor, id: string): Promise<User | undefined> =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

  /**
   * The user, its row locked until the transaction ends (PostgreSQL; SQLite runs one write at a time), so that
   * two admin changes of one user at once, on two instances, happen one after the other: the second sees
   * the first's block, or finds the user deleted.
   */
  findByIdLocked: (db: Executor, id: string, lock: boolean): Promise<User | undefined> => {
    const query = db.selectFrom('users').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },

  /** Newest first, paged by (created_at, id). */
  list(db: Executor, filter: UserFilter): Promise<User[]> {
    let query = db.selectFrom('users').selectAll();
    if (filter.phoneNumber !== undefined) query = query.where('phone_number', '=', filter.phoneNumber);
    if (filter.externalId !== undefined) query = query.where('external_id', '=', filter.externalId);
    if (filter.blocked !== undefined) query = query.where('blocked_at', filter.blocked ? 'is not' : 'is', null);
    if (filter.fromMs !== undefined) query = query.where('created_at', '>=', filter.fromMs);
    if (filter.toMs !== undefined) query = query.where('created_at', '<=', filter.toMs);
    if (filter.after) query = query.where(olderThan(filter.after));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  },

  /** The users holding any of these numbers or external ids: what a batch of shop users is resolved against. */
  holding(db: Executor, numbers: readonly string[], externalIds: readonly string[]): Promise<User[]> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('phone_number', 'in', numbers), eb('external_id', 'in', externalIds)]))
      .execute();
  },

  /**
   * Creates the users of `rows` that collide with nobody. Returns the users created by number: a number
   * missing from it met a user another writer created meanwhile (the unique indexes decide), for the caller
   * to resolve again.
   */
  async insertMany(db: Executor, rows: readonly NewUser[], now: number): Promise<Map<string, User>> {
    if (rows.length === 0) return new Map();
    const inserted = await db
      .insertInto('users')
      .values(
        rows.map((row) => ({
          id: newId(),
          phone_number: row.phoneNumber,
          // Not verified here: the first sign-in with a code verifies it.
          phone_verified: 0,
          locale: row.locale,
          created_at: now,
          updated_at: now,
          last_login_at: null,
          external_id: row.externalId,
          blocked_at: null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .execute();
    return new Map(inserted.flatMap((user) => (user.phone_number ? [[user.phone_number, user] as const] : [])));
  },

  /** Gives the user an external_id, only while it has none. Returns the user, or undefined when it had one. */
  link: (db: Executor, id: string, externalId: string, now: number) =>
    db
      .updateTable('users')
      .set({ external_id: externalId, updated_at: now })
      .where('id', '=', id)
      .where('external_id', 'is', null)
      .returningAll()
      .executeTakeFirst(),

  /** Blocks the user; a user already blocked keeps the time it was blocked at. Undefined: no such user. */
  block: (db: Executor, id: string, now: number) =>
    db
      .updateTable('users')
      .set((eb) => ({ blocked_at: eb.fn.coalesce('blocked_at', eb.val(now)), updated_at: now }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  unblock: (db: Executor, id: string, now: number) =>
    db
      .updateTable('users')
      .set({ blocked_at: null, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),
};
