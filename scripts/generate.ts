import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generate/files.ts';

/**
 * `npm run generate`: writes every file generated from the code (.env.example and the
 * client's types). `npm run generate -- --check` writes nothing and exits 1 when one is out of date.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of await generatedFiles()) {
  const path = root + file.path;
  let committed: string | undefined;
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    committed = undefined;
  }
  if (committed === file.content) continue;
  stale++;
  if (check) {
    process.stderr.write(`${file.path} is out of date with ${file.source}: run npm run generate\n`);
  } else {
    writeFileSync(path, file.content);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
if (check && stale > 0) process.exitCode = 1;
if (!check && stale === 0) process.stdout.write('every generated file is up to date\n');
