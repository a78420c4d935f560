import { Migrator, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './index.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

export interface SchemaStatus {
  /** How many migrations have run; 0 on an empty database. */
  readonly version: number;
  readonly latest: number;
  readonly pending: readonly string[];
}

function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
}

export async function schemaStatus(handle: DatabaseHandle): Promise<SchemaStatus> {
  const all = await migrator(handle).getMigrations();
  const pending = all.filter((m) => !m.executedAt).map((m) => m.name);
  return { version: all.length - pending.length, latest: LATEST_SCHEMA_VERSION, pending };
}

/** Runs every pending migration; a no-op on an up-to-date schema. Throws if one fails. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return applied(await migrator(handle).migrateToLatest());
}

/** Reverts the newest migration; a no-op on an empty schema. */
export async function migrateDown(handle: DatabaseHandle): Promise<string[]> {
  return applied(await migrator(handle).migrateDown());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
