import type { Kysely } from 'kysely';
import { STAFF_ROLE_SCOPES, type ApiKeyScope, type StaffRole } from '../api-keys/scopes.ts';
import { actorRef, type Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Database } from '../db/types.ts';
import { maskPhone } from '../phone/parse.ts';
import { userAccounts } from '../users/accounts.ts';
import type { User } from '../users/repository.ts';
import { staffRows, type StaffMember } from './repository.ts';

/** Who a staff change is about: a canonical number (E.164, see phone/parse.ts) or a user's id. */
export type StaffTarget = { readonly phoneNumber: string } | { readonly userId: string };

/**
 * What `add` did. `added`: the user is staff now (`userCreated`: the number had no user, and now has one
 * that signs in with a code as any other). `role_changed`: they were staff with `previous`. `unchanged`: they
 * were staff with this role. `no_user`: no user has this id.
 */
export type AddOutcome =
  | { readonly outcome: 'added'; readonly member: StaffMember; readonly userCreated: boolean }
  | { readonly outcome: 'role_changed'; readonly member: StaffMember; readonly previous: StaffRole }
  | { readonly outcome: 'unchanged'; readonly member: StaffMember }
  | { readonly outcome: 'no_user' };

/** A staff member with the scopes of their role: what the console may do for them. */
export interface StaffAccess extends StaffMember {
  readonly scopes: readonly ApiKeyScope[];
}

/**
 * Who is staff, and with which role. Every change is written in one transaction with its audit record, as
 * the admin API's changes are.
 */
export function createStaff(deps: {
  db: Kysely<Database>;
  /** Whether the database locks rows (PostgreSQL); SQLite's one writer needs no lock. */
  lockRows: boolean;
  now: () => number;
}) {
  const { db, lockRows, now } = deps;

  /**
   * The target's user; a number without one gets a user, made as the admin API and the import make them
   * (userAccounts.insertMany: unverified until the first sign-in), with its own audit record.
   */
  async function userOf(trx: Kysely<Database>, target: StaffTarget, actor: Actor, at: number) {
    if ('userId' in target) {
      const user = await userAccounts.findById(trx, target.userId);
      return user && { user, created: false };
    }
    const { phoneNumber } = target;
    const found = await byPhone(trx, phoneNumber);
    if (found) return { user: found, created: false };
    const created = (await userAccounts.insertMany(trx, [{ phoneNumber, externalId: null, locale: null }], at)).get(
      phoneNumber,
    );
    if (!created) {
      // Another writer created the number's user since the read: the unique index kept it one user.
      const user = await byPhone(trx, phoneNumber);
      if (!user) throw new Error('staff: the user of the number was created and is gone again; try again');
      return { user, created: false };
    }
    const summary = { phone_number: maskPhone(phoneNumber), external_id: null, locale: null };
    await recordAudit(trx, { actor, action: 'user.create', target: created.id, summary }, at);
    return { user: created, created: true };
  }

  const byPhone = async (trx: Kysely<Database>, phoneNumber: string): Promise<User | undefined> =>
    (await userAccounts.list(trx, { phoneNumber, limit: 1 }))[0];

  const audited = (trx: Kysely<Database>, actor: Actor, action: string, user: User, summary: object, at: number) =>
    recordAudit(
      trx,
      {
        actor,
        action,
        target: user.id,
        summary: { phone_number: user.phone_number && maskPhone(user.phone_number), ...summary },
      },
      at,
    );

  /** Gives the staff member `user` this role, audited when it changes; undefined when they are not staff. */
  async function reRole(trx: Kysely<Database>, user: User, role: StaffRole, actor: Actor, at: number) {
    const previous = await staffRows.roleLocked(trx, user.id, lockRows);
    if (previous === undefined) return undefined;
    if (previous !== role) {
      await staffRows.setRole(trx, user.id, role);
      await audited(trx, actor, 'staff.role', user, { from: previous, role }, at);
    }
    return { member: (await staffRows.find(trx, user.id))!, previous };
  }

  return {
    /** Makes the target staff with `role`, or gives a staff member this role. Safe to repeat. */
    async add(target: StaffTarget, role: StaffRole, actor: Actor): Promise<AddOutcome> {
      const at = now();
      return db.transaction().execute(async (trx): Promise<AddOutcome> => {
        const resolved = await userOf(trx, target, actor, at);
        if (!resolved) return { outcome: 'no_user' };
        const { user, created } = resolved;
        if (await staffRows.insert(trx, { userId: user.id, role, createdBy: actorRef(actor) }, at)) {
          await audited(trx, actor, 'staff.add', user, { role }, at);
          return { outcome: 'added', member: (await staffRows.find(trx, user.id))!, userCreated: created };
        }
        const changed = (await reRole(trx, user, role, actor, at))!;
        if (changed.previous === role) return { outcome: 'unchanged', member: changed.member };
        return { outcome: 'role_changed', ...changed };
      });
    },

    /** Gives a staff member `role`; undefined when the user is not staff (or does not exist). */
    async changeRole(userId: string, role: StaffRole, actor: Actor) {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const user = await userAccounts.findById(trx, userId);
        return user && reRole(trx, user, role, actor, at);
      });
    },

    /** Takes the target off staff, at once: the console refuses them from their next request. */
    async remove(target: StaffTarget, actor: Actor): Promise<StaffMember | undefined> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const user =
          'userId' in target ? await userAccounts.findById(trx, target.userId) : await byPhone(trx, target.phoneNumber);
        const member = user && (await staffRows.find(trx, user.id));
        if (!user || !member || !(await staffRows.remove(trx, user.id))) return undefined;
        await audited(trx, actor, 'staff.remove', user, { role: member.role }, at);
        return member;
      });
    },

    list: () => staffRows.list(db),

    /** The staff member who is this user, with the scopes of their role; undefined when they are not staff. */
    async access(userId: string): Promise<StaffAccess | undefined> {
      const member = await staffRows.find(db, userId);
      return member && { ...member, scopes: STAFF_ROLE_SCOPES[member.role] };
    },
  };
}

export type Staff = ReturnType<typeof createStaff>;
