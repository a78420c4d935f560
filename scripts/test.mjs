// `npm test` after the type check: every test file under test/ (or the files named on the command line) with
// node's test runner through tsx. Two files run at a time: each has its own databases (a schema of its own on
// PostgreSQL, a key prefix on Redis), and most of a file's time is spent waiting. A file gets at most ten
// minutes, and its process is ended once its tests have finished, so that a handle left open (a server or a
// timer a failed test did not close) fails that file instead of holding the whole run for ever.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const FILE_TIMEOUT_MS = 10 * 60_000;

const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync('test', { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.test.ts'))
      .map((path) => join('test', path))
      .sort();

// --test-force-exit came with Node 20.14; on 20.12 and 20.13 a file with a handle left open still hangs.
const [major, minor] = process.versions.node.split('.').map(Number);
const forceExit = major > 20 || (major === 20 && minor >= 14) ? ['--test-force-exit'] : [];

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${FILE_TIMEOUT_MS}`, ...forceExit, ...files],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
