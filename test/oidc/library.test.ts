import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';

const node = (...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });

it('loading oidc-provider prints nothing; loaded as it comes, it prints its runtime notice on Node 20', () => {
  const ours = node('--import', 'tsx', '-e', "import('./src/oidc/library.ts').then((m) => m.loadOidcProvider())");
  assert.equal(ours.status, 0, ours.stderr);
  assert.equal(ours.stderr, '');
  assert.equal(ours.stdout, '');
  const bare = node('-e', "import('oidc-provider')");
  assert.equal(bare.status, 0, bare.stderr);
  // The notice is what is held back, and only on a runtime older than the provider's current LTS.
  const lts = process.release.lts ?? '';
  if (lts && lts.charCodeAt(0) >= 'Jod'.charCodeAt(0)) assert.equal(bare.stderr, '');
  else assert.match(bare.stderr, /^oidc-provider WARNING: Unsupported runtime\./);
});

it('other warnings printed while it loads pass through', () => {
  const script =
    "const w = console.warn; import('./src/oidc/library.ts').then(async (m) => { const p = m.loadOidcProvider(); " +
    "console.warn('a warning of our own'); await p; console.warn('after'); })";
  const run = node('--import', 'tsx', '-e', script);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, 'a warning of our own\nafter\n');
});
