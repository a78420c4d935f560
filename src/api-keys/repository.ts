import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../db/types.ts';
import { isScope, type ApiKeyScope } from './scopes.ts';

/** A key as the rest of the code sees it: everything but its hash. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

export interface NewKeyRow {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly keyHash: string;
  readonly scopes: readonly ApiKeyScope[];
}

export interface ApiKeyRepository {
  /** The connection (or the transaction) it works on, for writes that must commit with its own. */
  readonly db: Kysely<Database>;
  transaction<T>(work: (keys: ApiKeyRepository) => Promise<T>): Promise<T>;
  insert(key: NewKeyRow, now: number): Promise<ApiKey>;
  list(): Promise<ApiKey[]>;
  findActiveByHash(keyHash: string): Promise<ApiKey | null>;
  findByIdOrPrefix(ref: string): Promise<ApiKey[]>;
  revoke(id: string, now: number, by: string): Promise<boolean>;
  touch(id: string, now: number, staleBefore: number): Promise<void>;
}

const COLUMNS = ['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toApiKey(row: Omit<Selectable<ApiKeysTable>, 'key_hash' | 'revoked_by'>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // A scope this version no longer knows grants nothing.
    scopes: row.scopes.split(',').filter(isScope),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function createApiKeyRepository(db: Kysely<Database>): ApiKeyRepository {
  return {
    db,

    /** Runs `work` in one transaction, with this repository over it. */
    transaction<T>(work: (keys: ApiKeyRepository) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(createApiKeyRepository(trx)));
    },

    async insert(key: NewKeyRow, now: number): Promise<ApiKey> {
      const row = await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          key_hash: key.keyHash,
          scopes: key.scopes.join(','),
          created_at: now,
          last_used_at: null,
          revoked_at: null,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toApiKey(row);
    },

    /** Every key, revoked ones included, oldest first. */
    async list(): Promise<ApiKey[]> {
      const rows = await db.selectFrom('api_keys').select(COLUMNS).orderBy('created_at').orderBy('id').execute();
      return rows.map(toApiKey);
    },

    /** The key with this hash, unless it was revoked. */
    async findActiveByHash(keyHash: string): Promise<ApiKey | null> {
      const row = await db
        .selectFrom('api_keys')
        .select(COLUMNS)
        .where('key_hash', '=', keyHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? toApiKey(row) : null;
    },

    /** Keys whose id or shown prefix is `ref`: normally one, none when unknown, more when a prefix is shared. */
    async findByIdOrPrefix(ref: string): Promise<ApiKey[]> {
      const rows = await db
        .selectFrom('api_keys')
        .select(COLUMNS)
        .where((eb) => eb.or([eb('id', '=', ref), eb('prefix', '=', ref)]))
        .execute();
      return rows.map(toApiKey);
    },

    /**
     * Revokes one key (`by`: the id of the key that did, or `cli`). Concurrency contract: one conditional
     * UPDATE, so of parallel revokes exactly one returns true and `revoked_at` keeps the first time.
     */
    async revoke(id: string, now: number, by: string): Promise<boolean> {
      const result = await db
        .updateTable('api_keys')
        .set({ revoked_at: now, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Records a use, unless the last one recorded is newer than `staleBefore`. Conditional, so requests racing on
     * several instances write the row once between them.
     */
    async touch(id: string, now: number, staleBefore: number): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
        .execute();
    },
  };
}
