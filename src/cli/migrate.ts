import { createInterface } from 'node:readline/promises';
import type { Config } from '../config/index.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { migrateDown, migrateToLatest, schemaStatus } from '../db/migrate.ts';
import { asStartupError } from '../errors/connection.ts';
import { DROPS } from '../db/migrations/drops.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { SETTLES } from '../db/migrations/settles.ts';
import { parseCommand, usageError } from './args.ts';
import { openMigrateDatabase } from './database.ts';

export const MIGRATE_USAGE = `usage: otpgate migrate [status | down [--yes]]

  migrate               bring the database schema up to date (creates a SQLite database that is not there)
  migrate status        show the schema version and the pending migrations
  migrate down [--yes]  revert the newest migration, dropping what it added; asks on a terminal, and
                        needs --yes when run without one
`;

const ACTIONS = new Set([undefined, 'up', 'latest', 'down', 'status']);

type Out = (line: string) => void;

export async function runMigrate(readConfig: () => Pick<Config, 'database'>, argv: readonly string[]): Promise<number> {
  const line = parseCommand('migrate', argv, { yes: { type: 'boolean' } }, MIGRATE_USAGE);
  if (typeof line === 'number') return line;
  const [action, extra] = line.positionals;
  if (!ACTIONS.has(action) || extra !== undefined) {
    return usageError('migrate', `unknown action "${extra ?? action}" (use status, down or nothing)`, MIGRATE_USAGE);
  }
  if (line.values.yes && action !== 'down') return usageError('migrate', '--yes goes with migrate down', MIGRATE_USAGE);
  const config = readConfig();
  const bringsUp = action === undefined || action === 'up' || action === 'latest';
  const database = await openMigrateDatabase(config.database, { create: bringsUp });
  const out: Out = (text) => process.stdout.write(`${text}\n`);
  try {
    if (bringsUp) {
      const applied = await migrateToLatest(database);
      out(applied.length ? `applied: ${applied.join(', ')}` : 'schema already up to date');
    } else if (action === 'down') {
      const code = await down(database, line.values.yes === true, out);
      if (code !== 0) return code;
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

/**
 * Reverts the newest migration once the operator has agreed: on a terminal by typing "yes", elsewhere (a
 * script, CI) only with --yes, because nobody is there to read what is about to be dropped.
 */
async function down(database: DatabaseHandle, yes: boolean, out: Out): Promise<number> {
  const { version } = await schemaStatus(database);
  const newest = Object.keys(MIGRATIONS)[version - 1];
  if (!newest) {
    out('nothing to revert');
    return 0;
  }
  process.stderr.write(`otpgate: migrate down reverts ${newest}, which drops ${DROPS[newest] ?? 'what it added'}\n`);
  const settles = await SETTLES[newest]?.(database.db);
  if (settles) process.stderr.write(`otpgate: ${settles}\n`);
  if (!yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write('otpgate: migrate down drops data: run it on a terminal to confirm, or add --yes\n');
      return 2;
    }
    if (!(await confirmed())) {
      process.stderr.write('otpgate: nothing was reverted\n');
      return 1;
    }
  }
  const reverted = await migrateDown(database);
  out(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
  return 0;
}

async function confirmed(): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    // The end of input (Ctrl-D) closes the prompt without an answer: that is a no.
    const answer = await new Promise<string>((resolve) => {
      prompt.once('close', () => resolve(''));
      prompt.question('Type "yes" to revert it: ').then(resolve, () => resolve(''));
    });
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}
