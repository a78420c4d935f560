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
  return applied(await (await migrator(handle)).migrateToLatest());
}

/** Reverts the newest migration; a no-op on an empty schema. */
export async function migrateDown(handle: DatabaseHandle): Promise<string[]> {
  return applied(await (await migrator(handle)).migrateDown());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
