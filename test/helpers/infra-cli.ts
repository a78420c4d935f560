import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseBackend } from './backends.ts';

/** The `otpgate` command exactly as `npx otpgate` runs it. */
export const BIN = fileURLToPath(new URL('../../bin/otpgate.js', import.meta.url));

/**
 * The environment a child gets: only PATH and what the test passes, so that no DATABASE_URL, REDIS_URL or
 * NODE_ENV of the machine or of the test runner (NODE_TEST_CONTEXT) leaks into it.
 */
export function cleanEnv(variables: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...variables };
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `otpgate` child whose output is collected as it comes. */
export interface CliProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<CliResult>;
}

/**
 * Starts `node bin/otpgate.js ...args` in `cwd` (a temporary folder unless given: the command reads `.env`
 * from its working directory, and no test should depend on one lying around).
 */
export function startCli(args: readonly string[], env: Record<string, string>, cwd?: string): CliProcess {
  const dir = cwd ?? tempDir();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: cleanEnv(env), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      if (!cwd) rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs a command to its end; kills it and fails if it takes longer than `timeoutMs`. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const running = startCli(args, env, options.cwd);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  const result = await running.exited;
  clearTimeout(timer);
  if (result.signal === 'SIGKILL') {
    throw new Error(`otpgate ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${result.stderr}`);
  }
  return result;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'otpgate-cli-'));
}

/**
 * A database that another process or pool (the CLI, a second instance) can open too: a SQLite file in a
 * folder of its own, or a fresh PostgreSQL schema. `drop` removes it.
 */
export async function sharedDatabase(backend: DatabaseBackend): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend.name === 'postgres') return backend.create();
  const dir = tempDir();
  return { url: `sqlite:${join(dir, 'otpgate.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port nothing listens on right now: bound to 0 and released, for a child that must be told its port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `url` until it answers 200; throws with the child's output if it has not within `timeoutMs`. */
export async function waitUntilServing(url: string, running: CliProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${running.stdout()}\n${running.stderr()}`);
}

/** The line every command but `serve` and `smoke` starts with on stderr: which database it works on. */
export const DATABASE_LINE = /^otpgate: database (sqlite|postgres)/;

/** stderr without that line, for tests about what else a command says. */
export function withoutDatabaseLine(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !DATABASE_LINE.test(line))
    .join('\n');
}

/** The lines a command printed, without empty ones. */
export const outputLines = (text: string) => text.split('\n').filter(Boolean);

/**
 * Each case (the arguments after `command`, and the one line it must print) exits 2 with that line alone on
 * stderr and nothing on stdout, before opening the database: the SQLite file DATABASE_URL names is never made.
 */
export async function assertRefusedBeforeDatabase(
  command: string,
  cases: ReadonlyArray<readonly [args: readonly string[], line: string]>,
): Promise<void> {
  const dir = tempDir();
  try {
    const file = join(dir, 'never.db');
    for (const [args, line] of cases) {
      const result = await runCli([command, ...args], { DATABASE_URL: `sqlite:${file}` });
      assert.equal(result.code, 2, args.join(' '));
      assert.deepEqual(outputLines(result.stderr), [line]);
      assert.equal(result.stdout, '');
    }
    assert.equal(existsSync(file), false, 'no database file was created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
