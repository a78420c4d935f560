import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

it("the client folder, copied as it is, typechecks under a front end's settings (bundler, DOM, no Node types)", async () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const run = promisify(execFile)(process.execPath, [tsc, '-p', 'test/client/tsconfig.frontend.json'], { cwd: root });
  const { stdout } = await run.catch((failed: { stdout: string }) => failed);
  assert.equal(stdout, '', 'tsc found errors');
});
