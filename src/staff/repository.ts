import type { Kysely } from 'kysely';
import type { StaffRole } from '../api-keys/scopes.ts';
import type { Database } from '../db/types.ts';

/** A staff member with what the console shows and checks of their user. */
export interface StaffMember {
  readonly userId: string;
  /** Null for a user who signed in with Telegram only. */
  readonly phoneNumber: string | null;
  readonly role: StaffRole;
  /** When the user was blocked; a blocked staff member is refused like any blocked user. */
  readonly blockedAt: number | null;
  readonly createdAt: number;
  readonly createdBy: string | null;
}

type Executor = Kysely<Database>;

const members = (db: Executor) =>
  db
    .selectFrom('staff')
    .innerJoin('users', 'users.id', 'staff.user_id')
    .select([
      'staff.user_id as userId',
      'users.phone_number as phoneNumber',
      'staff.role as role',
      'users.blocked_at as blockedAt',
      'staff.created_at as createdAt',
      'staff.created_by as createdBy',
    ]);

/** The SQL of `staff`. Every write takes the caller's transaction, so that its audit record commits with it. */
export const staffRows = {
  /** The staff member who is this user, read afresh: a removal or a role change counts from the next request. */
  find: (db: Executor, userId: string): Promise<StaffMember | undefined> =>
    members(db).where('staff.user_id', '=', userId).executeTakeFirst(),

  /** Oldest first: the first admins at the top. */
  list: (db: Executor): Promise<StaffMember[]> =>
    members(db).orderBy('staff.created_at').orderBy('staff.user_id').execute(),

  /** Makes the user staff; false when they already are (the primary key decides, so two adds make one row). */
  async insert(db: Executor, row: { userId: string; role: StaffRole; createdBy: string }, now: number) {
    const inserted = await db
      .insertInto('staff')
      .values({ user_id: row.userId, role: row.role, created_at: now, created_by: row.createdBy })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  /**
   * The role the user has, the row locked until the transaction ends (PostgreSQL; SQLite runs one write at
   * a time), so that two role changes at once happen one after the other and each sees the other's result.
   */
  roleLocked: async (db: Executor, userId: string, lock: boolean): Promise<StaffRole | undefined> => {
    const query = db.selectFrom('staff').select('role').where('user_id', '=', userId);
    return (await (lock ? query.forUpdate() : query).executeTakeFirst())?.role;
  },

  setRole: (db: Executor, userId: string, role: StaffRole) =>
    db.updateTable('staff').set({ role }).where('user_id', '=', userId).execute(),

  /** Removes the user from staff; the role they had, or undefined when they were not staff. */
  remove: async (db: Executor, userId: string): Promise<StaffRole | undefined> =>
    (await db.deleteFrom('staff').where('user_id', '=', userId).returning('role').executeTakeFirst())?.role,
};
