import type { Config } from '../config/index.ts';
import { asStartupError } from '../errors/connection.ts';
import { StartupError } from '../server-errors.ts';
import { createDatabase, type DatabaseHandle } from './index.ts';
import { migrateToLatest, schemaStatus } from './migrate.ts';

/**
 * The database, ready for the code of this version: migrated when MIGRATE_ON_START says so, otherwise
 * refused (a StartupError, one line) when its schema is behind. Shared by `serve` and the commands that
 * write to it, so none of them runs on a schema it does not know.
 */
export async function openReadyDatabase(config: Config['database']): Promise<DatabaseHandle> {
  let database: DatabaseHandle;
  try {
    database = createDatabase(config);
  } catch (error) {
    throw asStartupError(error, 'DATABASE_URL', config.url);
  }
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
