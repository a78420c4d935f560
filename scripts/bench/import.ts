import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './server.ts';

/** The users import (`otpgate users import`) of a file of new customers, then of the same file again. */
export interface ImportResult {
  readonly rows: number;
  /** The first run: every row a new user. As the command reports it, without the process start. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** The second run of the same file: every row matched, nothing written. */
  readonly againRowsPerSecond: number;
}

/** What the command prints last: `imported F: N rows: ... (S s, R rows/s)`. */
const SUMMARY = /: (\d+) rows: (\d+) created, \d+ linked, (\d+) matched, (\d+) refused \(([\d.]+) s, (\d+) rows\/s\)$/m;

/**
 * Writes `rows` customers (numbers outside those the other scenarios use) to a CSV file and imports it twice
 * through the real command, as an operator would, into the store the server runs on. Throws when a run
 * fails or does not create (then match) every row.
 */
export function usersImport(root: string, dataDir: string, env: NodeJS.ProcessEnv, rows: number): ImportResult {
  const file = join(dataDir, 'customers.csv');
  const lines = ['phone_number,external_id'];
  for (let i = 0; i < rows; i++) lines.push(`0935${String(i).padStart(7, '0')},customer-${i}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const run = (expect: 'created' | 'matched') => {
    const out = runCli(root, dataDir, { ...env, PHONE_ALLOWED_COUNTRIES: 'IR' }, ['users', 'import', file]);
    const match = SUMMARY.exec(out.trim());
    if (!match) throw new Error(`users import printed no summary: ${out.slice(-300)}`);
    const [, total, created, matched, refused, seconds, rate] = match.map(Number) as number[];
    const done = expect === 'created' ? created : matched;
    if (total !== rows || done !== rows || refused !== 0) {
      throw new Error(`users import: expected ${rows} rows ${expect}, got: ${out.trim().split('\n').at(-1)}`);
    }
    return { seconds: seconds!, rate: rate! };
  };
  const first = run('created');
  const again = run('matched');
  return { rows, seconds: first.seconds, rowsPerSecond: first.rate, againRowsPerSecond: again.rate };
}

export function importLine(r: ImportResult): string {
  return (
    `users import: ${r.rows.toLocaleString('en-US')} new rows in ${r.seconds.toFixed(1)} s, ` +
    `${Math.round(r.rowsPerSecond).toLocaleString('en-US')} rows/s; ` +
    `the same file again (all matched) ${Math.round(r.againRowsPerSecond).toLocaleString('en-US')} rows/s`
  );
}
