import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './index.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

export interface SchemaStatus {
  /** How many migrations have run; 0 on an empty database. */
  readonly version: number;
  readonly latest: number;
  readonly pending: readonly string[];
}

/**
 * Kysely looks for its bookkeeping tables in every schema of a PostgreSQL database unless told which one:
 * where another schema already holds them, it would skip creating ours and then fail to read them. They
 * belong in the schema our tables go to, the first one on the search path.
 */
async function migrator(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<Migrator> {
  const schema =
    handle.dialect === 'postgres'
      ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function schemaStatus(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<SchemaStatus> {
  const all = await (await migrator(handle)).getMigrations();
  const pending = all.filter((m) => !m.executedAt).map((m) => m.name);
  return { version: all.length - pending.length, latest: LATEST_SCHEMA_VERSION, pending };
}

/** Runs every pending migration; a no-op on an up-to-date schema. Throws if one fails. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return migrating(handle, async (db) => applied(await (await migrator(db)).migrateToLatest()));
}

/** Reverts the newest migration; a no-op on an empty schema. */
export async function migrateDown(handle: DatabaseHandle): Promise<string[]> {
  return migrating(handle, async (db) => applied(await (await migrator(db)).migrateDown()));
}

/** Runs `run` on the connection migrations use: PostgreSQL's own (DatabaseHandle.forMigrations), SQLite's only one. */
async function migrating<T>(
  handle: DatabaseHandle,
  run: (db: Pick<DatabaseHandle, 'db' | 'dialect'>) => Promise<T>,
): Promise<T> {
  const own = handle.forMigrations?.();
  try {
    return await withoutForeignKeyActions(handle, () => run({ db: own?.db ?? handle.db, dialect: handle.dialect }));
  } finally {
    await own?.close();
  }
}

/**
 * SQLite changes a column's constraints only by rebuilding its table, and with foreign keys on, dropping the
 * old table would cascade its delete to every row that refers to it. So foreign keys are off while
 * migrations run (SQLite's documented procedure), and checked once they are done: a migration that left a
 * dangling reference fails here. PostgreSQL alters in place and needs none of this.
 */
async function withoutForeignKeyActions<T>(handle: DatabaseHandle, run: () => Promise<T>): Promise<T> {
  const { sqlite, group } = handle;
  if (!sqlite) return run();
  // The pragma is a no-op inside a transaction: the group commit's open one is committed first.
  group?.flush();
  sqlite.pragma('foreign_keys = OFF');
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 0) {
    throw new Error('could not turn foreign keys off for the migration: a transaction is open');
  }
  try {
    const result = await run();
    const dangling = sqlite.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) {
      throw new Error(`migration left ${dangling.length} rows referring to rows that do not exist`);
    }
    return result;
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
