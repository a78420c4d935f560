import { existsSync } from 'node:fs';
import type { Config } from '../config/index.ts';
import { asStartupError } from '../errors/connection.ts';
import { StartupError } from '../server-errors.ts';
import { sqlitePath } from './describe.ts';
import { createDatabase, type DatabaseHandle } from './index.ts';
import { migrateToLatest, schemaStatus } from './migrate.ts';

export interface OpenOptions {
  /**
   * False: a SQLite file that does not exist is refused (a StartupError) rather than created. A command run
   * from the wrong folder would otherwise work on a new, empty database that nothing else reads.
   */
  readonly create?: boolean;
}

/**
 * The database, connected: a PostgreSQL that cannot be reached is a StartupError naming DATABASE_URL and the
 * host (never the password), after the pool is closed, so that a failed start holds nothing open.
 */
export async function connectDatabase(config: Config['database'], options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (config.dialect === 'sqlite' && options.create === false) {
    const path = sqlitePath(config.url);
    if (path !== ':memory:' && !existsSync(path)) {
      throw new StartupError(
        `no database at ${path} (DATABASE_URL, or DATA_DIR when it is unset): run \`npx otpgate migrate\` to create one, or point DATABASE_URL at the existing one`,
      );
    }
  }
  let database: DatabaseHandle;
  try {
    database = createDatabase(config);
  } catch (error) {
    throw asStartupError(error, 'DATABASE_URL', config.url);
  }
  try {
    await database.ping();
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw asStartupError(error, 'DATABASE_URL', config.url);
  }
}

/**
 * The database, ready for the code of this version: migrated when MIGRATE_ON_START says so, otherwise
 * refused (a StartupError, one line) when its schema is behind. Shared by `serve` and the commands that
 * write to it, so none of them runs on a schema it does not know.
 */
export async function openReadyDatabase(
  config: Config['database'],
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const database = await connectDatabase(config, options);
  try {
    if (config.migrateOnStart) {
      await migrateToLatest(database);
    } else {
      const status = await schemaStatus(database);
      if (status.pending.length > 0) {
        throw new StartupError(
          `The database schema is behind (version ${status.version} of ${status.latest}): run \`npx otpgate migrate\``,
        );
      }
    }
    return database;
  } catch (error) {
    await database.close();
    throw asStartupError(error, 'DATABASE_URL', config.url);
  }
}
