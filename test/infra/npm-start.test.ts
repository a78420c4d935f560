import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  cleanEnv,
  freePort,
  tempDir,
  waitUntilServing,
  type CliProcess,
  type CliResult,
} from '../helpers/infra-cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shutdown's own grace is 10 s; an idle server is gone long before. */
const GONE_WITHIN_MS = 12_000;

/** Every process whose parent chain leads to `root`, from /proc (Linux). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid ...`; comm may hold spaces and brackets, so split after its last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) if (ppid === parent) (found.push(pid), queue.push(pid));
  }
  return found;
}

/** A process as `/proc/<pid>/stat` has it: its state and when it started (which tells a reused pid apart). */
function stat(pid: number): { state: string; startedAt: string } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, startedAt: rest[19]! };
  } catch {
    return undefined;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

interface Known {
  readonly pid: number;
  readonly startedAt: string;
}

/** Still running: the same process (not a new one that got its pid), and not a zombie (it has exited). */
function alive({ pid, startedAt }: Known): boolean {
  const now = stat(pid);
  return now !== undefined && now.startedAt === startedAt && now.state !== 'Z';
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

it('npm start, the documented production command, stops with its whole process tree on SIGTERM', async () => {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn' }),
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const running: CliProcess = { child, stdout: () => stdout, stderr: () => stderr, exited };
  let tree: Known[] = [];
  try {
    // `prestart` builds first, which takes a while on a busy machine.
    await waitUntilServing(`http://127.0.0.1:${port}/livez`, running, 120_000);
    tree = [child.pid!, ...descendants(child.pid!)].flatMap((pid) => {
      const known = stat(pid);
      return known ? [{ pid, startedAt: known.startedAt }] : [];
    });
    // The bundle in dist/ finds the hosted pages' files (in src/pages/assets/ and node_modules) from the root.
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    assert.equal(page.status, 200);
    const assets = [...(await page.text()).matchAll(/\/assets\/[\w.-]+/g)].map((match) => match[0]);
    assert.equal(new Set(assets).size, 4);
    for (const asset of new Set(assets)) {
      assert.equal((await fetch(`http://127.0.0.1:${port}${asset}`)).status, 200, asset);
    }
    assert.ok(tree.length >= 2, `npm and the server it started: ${tree.map((p) => p.pid).join(', ')}`);
    // Two malloc arenas rather than one per thread: the server's peak memory is measured with it.
    const server = tree.find(({ pid }) => /otpgate\.js\0serve/.test(cmdline(pid)));
    assert.ok(server, 'the server process is in the tree');
    assert.match(readFileSync(`/proc/${server.pid}/environ`, 'utf8'), /(^|\0)MALLOC_ARENA_MAX=2\0/);
    child.kill('SIGTERM');
    const deadline = Date.now() + GONE_WITHIN_MS;
    while (Date.now() < deadline && tree.some(alive)) await sleep(100);
    const left = tree.filter(alive).map((p) => p.pid);
    assert.deepEqual(left, [], `still running ${GONE_WITHIN_MS} ms after SIGTERM to npm`);
    assert.equal(await refused(port), true, `port ${port} still accepts connections`);
    const result = await exited;
    assert.doesNotMatch(result.stdout + result.stderr, /"level":50|shutdown took too long/);
  } finally {
    // Only what this test started and is still that same process: a failed run must not leave a server.
    for (const process_ of tree.filter(alive)) process.kill(process_.pid, 'SIGKILL');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
