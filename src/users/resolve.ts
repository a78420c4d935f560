import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { userAccounts, type Resolution, type ShopUser } from './accounts.ts';
import type { User } from './repository.ts';

/** A row whose user another writer created or changed while it was being resolved is resolved again, this often. */
const MAX_TRIES = 3;

/**
 * Resolves shop users (a number and the shop's id for it) to our users, inside the caller's transaction:
 * finds the number's user, gives it the external_id when it has none, or creates it. Running it again with
 * the same rows changes nothing and answers `matched`. The rows must not share a number or an external_id
 * (the caller refuses such duplicates), so that they can be resolved against one read of the users they
 * touch and created with one insert.
 *
 * Concurrency contract: the unique indexes on the number and the external_id decide; a row that lost a race
 * to another writer is read and resolved again, so two writers resolving the same row agree on one user.
 */
export async function resolveShopUsers(
  db: Kysely<Database>,
  rows: readonly ShopUser[],
  now: number,
): Promise<Resolution[]> {
  const results: (Resolution | undefined)[] = new Array(rows.length);
  let pending = rows.map((_, i) => i);
  for (let tries = 0; pending.length > 0; tries += 1) {
    if (tries === MAX_TRIES) throw new Error('users: a row kept changing under the import; try again');
    pending = await resolveOnce(db, rows, pending, results, now);
  }
  return results as Resolution[];
}

/** One pass over the rows at `indexes`; returns those to try again. */
async function resolveOnce(
  db: Kysely<Database>,
  rows: readonly ShopUser[],
  indexes: readonly number[],
  results: (Resolution | undefined)[],
  now: number,
): Promise<number[]> {
  const batch = indexes.map((i) => rows[i]!);
  const held = await userAccounts.holding(
    db,
    batch.map((row) => row.phoneNumber),
    batch.map((row) => row.externalId),
  );
  const byPhone = new Map(held.map((user) => [user.phone_number, user]));
  const byExternalId = new Map(held.filter((u) => u.external_id !== null).map((user) => [user.external_id!, user]));
  const toCreate: number[] = [];
  const again: number[] = [];
  for (const i of indexes) {
    const row = rows[i]!;
    const owner = byPhone.get(row.phoneNumber);
    const holder = byExternalId.get(row.externalId);
    if (!owner) {
      if (holder) results[i] = { outcome: 'external_id_conflict' };
      else toCreate.push(i);
    } else if (owner.external_id === row.externalId) {
      results[i] = { outcome: 'matched', user: owner };
    } else if (owner.external_id !== null) {
      results[i] = { outcome: 'phone_conflict' };
    } else if (holder) {
      results[i] = { outcome: 'external_id_conflict' };
    } else {
      const linked = await userAccounts.link(db, owner.id, row.externalId, now);
      if (linked) results[i] = { outcome: 'linked', user: linked };
      else again.push(i);
    }
  }
  const created = await userAccounts.insertMany(
    db,
    toCreate.map((i) => rows[i]!),
    now,
  );
  for (const i of toCreate) {
    const user: User | undefined = created.get(rows[i]!.phoneNumber);
    if (user) results[i] = { outcome: 'created', user };
    else again.push(i);
  }
  return again;
}
