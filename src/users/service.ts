import type { Kysely } from 'kysely';
import { actorRef, type Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Database } from '../db/types.ts';
import type { EventRecorder } from '../events/recorder.ts';
import { maskPhone } from '../phone/parse.ts';
import type { SessionRepository } from '../sessions/repository.ts';
import { userAccounts, type Resolution, type ShopUser, type UserFilter } from './accounts.ts';
import { eraseUser, type Erased } from './erase.ts';
import type { User } from './repository.ts';
import { resolveShopUsers } from './resolve.ts';

/**
 * The admin's rules over users. Every change is written in one transaction with its audit record, and every
 * change that ends a user's sessions ends them in that transaction too.
 */
export function createUserAdmin(deps: {
  db: Kysely<Database>;
  sessions: SessionRepository;
  events: EventRecorder;
  /** Whether the database locks rows (PostgreSQL); SQLite's one writer needs no lock. */
  lockRows: boolean;
  now: () => number;
}) {
  const { db, sessions, events, lockRows, now } = deps;

  /** Runs `change` on the user with this id in a transaction, with its audit record; undefined: no such user. */
  async function onUser<T extends Record<string, unknown>>(
    id: string,
    actor: Actor,
    action: string,
    change: (trx: Kysely<Database>, user: User, at: number) => Promise<T>,
  ): Promise<(T & { user: User }) | undefined> {
    const at = now();
    return db.transaction().execute(async (trx) => {
      const user = await userAccounts.findByIdLocked(trx, id, lockRows);
      if (!user) return undefined;
      const done = await change(trx, user, at);
      await recordAudit(trx, { actor, action, target: id, summary: summaryOf(done) }, at);
      return { user, ...done };
    });
  }

  return {
    /** Finds or creates the number's user with the shop's id (see resolveShopUsers); changes are audited. */
    async createOrFind(row: ShopUser, actor: Actor): Promise<Resolution> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const [resolution] = await resolveShopUsers(trx, [row], at);
        if (resolution!.outcome === 'created' || resolution!.outcome === 'linked') {
          const summary = { phone_number: maskPhone(row.phoneNumber), external_id: row.externalId, locale: row.locale };
          const action = resolution!.outcome === 'created' ? 'user.create' : 'user.link';
          await recordAudit(trx, { actor, action, target: resolution!.user.id, summary }, at);
        }
        return resolution!;
      });
    },

    get: (id: string) => userAccounts.findById(db, id),
    list: (filter: UserFilter) => userAccounts.list(db, filter),

    /** Blocks the user and ends every session; blocking a blocked user keeps its time and ends any left. */
    block: (id: string, actor: Actor) =>
      onUser(id, actor, 'user.block', async (trx, user, at) => {
        const blocked = (await userAccounts.block(trx, id, at))!;
        const ended = await sessions.revokeAllFamilies(id, at, trx);
        if (user.blocked_at === null) await events.record(trx, 'user.blocked', { user_id: id });
        return { blocked, sessions_ended: ended, already_blocked: user.blocked_at !== null };
      }),

    /** Lets the user sign in again; the sessions the block ended stay ended. */
    unblock: (id: string, actor: Actor) =>
      onUser(id, actor, 'user.unblock', async (trx, _user, at) => ({
        unblocked: (await userAccounts.unblock(trx, id, at))!,
      })),

    /** Ends every session of the user: their refresh tokens, and access tokens on their next use. */
    signOut: (id: string, actor: Actor) =>
      onUser(id, actor, 'user.sign_out', async (trx, _user, at) => ({
        sessions_ended: await sessions.revokeAllFamilies(id, at, trx),
      })),

    /** Deletes the user and erases their numbers everywhere (see eraseUser). */
    delete: (id: string, actor: Actor) =>
      onUser(id, actor, 'user.delete', async (trx, user, at): Promise<{ erased: Erased }> => {
        const erased = await eraseUser(trx, user, actorRef(actor), at);
        await events.record(trx, 'user.deleted', { user_id: id });
        return { erased };
      }),
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;

/** An audit summary holds counts and flags only: never the number or the shop's id of a user changed. */
function summaryOf(done: Record<string, unknown>) {
  const summary: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(done)) {
    if (typeof value === 'number' || typeof value === 'boolean') summary[key] = value;
    if (key === 'erased') Object.assign(summary, value as Erased);
  }
  return summary;
}
