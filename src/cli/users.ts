import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CLI_ACTOR } from '../audit/actor.ts';
import type { Config } from '../config/index.ts';
import { fileNameOf, importUsers } from '../users/import.ts';
import { parseCommand, usageError } from './args.ts';
import { openCommandDatabase } from './database.ts';
import { printable } from './output.ts';

export const USERS_USAGE = `usage: otpgate users import FILE.csv

  users import FILE.csv  bring in the shop's existing customers: one row per user,
                         phone_number,external_id[,locale] (a header row is optional). A number already
                         signed up gets the external_id; a new one becomes a user who signs in with a code
                         as any other. Safe to run again: rows already imported are matched, not repeated.
                         Prints each refused row (its line and why) and a summary; exits 0 even with
                         refused rows, 1 when the file cannot be read.

  Reads PHONE_ALLOWED_COUNTRIES for the numbers. Works on an existing database only (DATABASE_URL, or
  DATA_DIR/otpgate.db): create it with otpgate migrate.
`;

export type UsersConfig = Pick<Config, 'database' | 'phone'>;

/** `users import FILE.csv`. */
export async function runUsers(readConfig: () => UsersConfig, argv: readonly string[]): Promise<number> {
  const line = parseCommand('users', argv, {}, USERS_USAGE);
  if (typeof line === 'number') return line;
  const [action, file, extra] = line.positionals;
  if (action !== 'import') {
    return usageError('users', action ? `unknown action "${action}"` : 'an action is needed', USERS_USAGE);
  }
  if (!file) return usageError('users', 'users import takes the CSV file to read', USERS_USAGE);
  if (extra !== undefined) return usageError('users', `unexpected argument "${extra}"`, USERS_USAGE);
  const config = readConfig();
  // Opened before the database, so that a mistyped path fails at once and alone.
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => error);
  if (handle instanceof Error) {
    process.stderr.write(`otpgate: users import: cannot read ${printable(file)}: ${handle.code ?? handle.message}\n`);
    return 1;
  }
  // A directory opens on Linux; reading it is what fails, as an error event of the stream.
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    process.stderr.write(`otpgate: users import: cannot read ${printable(file)}: not a file\n`);
    return 1;
  }
  const database = await openCommandDatabase(config.database);
  const out = (text: string) => process.stdout.write(`${printable(text)}\n`);
  const started = performance.now();
  try {
    const report = await importUsers(database.db, createReadStream('', { fd: handle }), {
      allowedCountries: config.phone.allowedCountries,
      actor: CLI_ACTOR,
      now: Date.now,
      fileName: fileNameOf(file),
    });
    for (const { row, reason } of report.refused) out(`row ${row}: refused: ${reason}`);
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(report.rows / Math.max(seconds, 0.001));
    out(
      `imported ${fileNameOf(file)}: ${report.rows} rows: ${report.created} created, ${report.linked} linked, ` +
        `${report.matched} matched, ${report.refused.length} refused (${seconds.toFixed(1)} s, ${rate} rows/s)`,
    );
    return 0;
  } catch (error) {
    // csv-parse says which line it could not read; batches before it are in, and a second run is safe.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `otpgate: users import: ${printable(message)}; rows before it were imported, run again after fixing the file\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
