import type { Config } from '../config/index.ts';
import { createDatabase } from '../db/index.ts';
import { migrateDown, migrateToLatest, schemaStatus } from '../db/migrate.ts';
import { asStartupError } from '../errors/connection.ts';

const ACTIONS = new Set([undefined, 'up', 'latest', 'down', 'status']);

export async function runMigrate(config: Config, action: string | undefined): Promise<number> {
  if (!ACTIONS.has(action)) {
    process.stderr.write(`otpgate: unknown migrate action "${action}" (use status, down or nothing)\n`);
    return 2;
  }
  const database = createDatabase(config.database);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (action) {
      case undefined:
      case 'up':
      case 'latest': {
        const applied = await migrateToLatest(database);
        out(applied.length ? `applied: ${applied.join(', ')}` : 'schema already up to date');
        break;
      }
      case 'down': {
        const reverted = await migrateDown(database);
        out(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
        break;
      }
      default: // status
        break;
    }
    const status = await schemaStatus(database);
    out(`schema version ${status.version} of ${status.latest} (${database.dialect})`);
    if (status.pending.length) out(`pending: ${status.pending.join(', ')}`);
    return 0;
  } catch (error) {
    throw asStartupError(error, 'DATABASE_URL', config.database.url);
  } finally {
    await database.close();
  }
}
