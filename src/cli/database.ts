import type { Config } from '../config/index.ts';
import { describeDatabase } from '../db/describe.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { connectDatabase, openReadyDatabase, type OpenOptions } from '../db/open.ts';

/**
 * Says on stderr which database a command works on (a SQLite file by its absolute path, a PostgreSQL URL
 * without its password) before opening it: run from the wrong folder, a relative path names another file.
 */
export function announceDatabase(config: Config['database']): void {
  process.stderr.write(`otpgate: database ${describeDatabase(config.url)}\n`);
}

/** The database of a command other than `serve` and `migrate`: announced, existing, and on the current schema. */
export async function openCommandDatabase(config: Config['database']): Promise<DatabaseHandle> {
  announceDatabase(config);
  return openReadyDatabase(config, { create: false });
}

/** The database `migrate` works on, announced; `create` only for a command that brings a schema up. */
export async function openMigrateDatabase(config: Config['database'], options: OpenOptions): Promise<DatabaseHandle> {
  announceDatabase(config);
  return connectDatabase(config, options);
}
