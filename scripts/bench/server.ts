import { execFileSync, execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_WEBHOOK_SECRET } from './bot-updates.ts';
import { BENCH_BOT_TOKEN } from './telegram.ts';

const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 12_000;
const KEPT_OUTPUT_LINES = 40;

export interface ServerOptions {
  /** The repository whose `bin/otpgate.js` is started. */
  readonly root: string;
  /** A fresh directory of the bench's own: the database, and the child's working directory. */
  readonly dataDir: string;
  readonly smsWebhookUrl: string;
  /** The Bot API the server's bot calls (scenario h's sink). */
  readonly botApiRoot: string;
  /** When set, the child runs with `--cpu-prof` and writes its profile there on exit. */
  readonly cpuProfileDir?: string | undefined;
  /** The store's settings (DATABASE_URL, REDIS_URL, ...), over the SQLite default; AUTH_SECRET too, to share one. */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

export interface ServerMemory {
  /** VmHWM: the peak resident set size of the process so far. */
  readonly peakKiB: number;
  readonly rssKiB: number;
}

export interface ServerChild {
  readonly baseUrl: string;
  readonly pid: number;
  /** From /proc; null where there is no /proc (the goals are then not judged). */
  memory(): ServerMemory | null;
  /** CPU time (user + system, all threads) the process has used so far; null where there is no /proc. */
  cpuSeconds(): number | null;
  /** The child's last log lines (JSON from pino at LOG_LEVEL=warn, so each one is a warning or worse). */
  output(): readonly string[];
  /** SIGTERM, then SIGKILL if the graceful shutdown overruns. Safe to call twice. */
  stop(): Promise<void>;
  /** For exit and signal handlers, which cannot wait. */
  killNow(): void;
}

/**
 * Starts what `npm start` runs (the built bundle) in production mode on SQLite in `dataDir` (or the store
 * `options.env` names), with limits
 * raised so that they never refuse the load, and resolves once `/livez` answers. Rejects (with the child's output) if it
 * exits or does not answer in time.
 *
 * The child runs in `dataDir` rather than the repository so that a developer's `.env` there cannot change
 * what is measured (Redis, another SMS provider).
 */
const AUTH_SECRET = randomBytes(36).toString('base64url'); // 48 characters

export async function startServer(options: ServerOptions): Promise<ServerChild> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATA_DIR: options.dataDir,
    DATABASE_URL: `sqlite:${options.dataDir}/bench.db`,
    // One for every instance, as a deployment has: the signing keys are sealed under it.
    AUTH_SECRET,
    PUBLIC_URL: 'https://otpgate.bench.invalid',
    SMS_PROVIDER: 'webhook',
    SMS_WEBHOOK_URL: options.smsWebhookUrl,
    // Production needs the webhook signed; signing is part of the cost measured.
    SMS_WEBHOOK_SECRET: randomBytes(24).toString('base64url'),
    OTP_IP_HOURLY_LIMIT: '1000000',
    OTP_VERIFY_IP_HOURLY_LIMIT: '1000000',
    // Every request comes from 127.0.0.1; its failed-send budget also caps its sends in flight at once.
    OTP_FAILED_SEND_IP_HOURLY_LIMIT: '1000000',
    SMS_DAILY_LIMIT: '100000000',
    // Far above what the sink takes in the campaign: the queue must learn the sink's rate from its 429s.
    SMS_QUEUE_RATE_PER_SECOND: '1000',
    // Scenario d sends through one admin key as fast as it can; its per-key limits would measure the limit.
    SMS_KEY_SEND_RATE_PER_MINUTE: '1000000',
    SMS_KEY_QUEUED_MAX: '1000000',
    // Scenarios f and g sign in with the widget and Mini Apps; their per-address limit would measure the limit.
    TELEGRAM_BOT_TOKEN: BENCH_BOT_TOKEN,
    TELEGRAM_IP_HOURLY_LIMIT: '1000000',
    // Scenario h: the bot takes its updates by webhook, and calls a Bot API in the bench process.
    TELEGRAM_UPDATES: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: options.botApiRoot,
    ...options.env,
  };
  const start = startCommand(options.root);
  Object.assign(env, start.env);
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const argv = [process.execPath, ...start.nodeFlags, ...profile, start.script, ...start.args];
  // BENCH_SERVER_CPUS: the server on these CPUs alone (taskset's list), to tell its own cost from sharing.
  const pinned = process.env.BENCH_SERVER_CPUS ? ['taskset', '-c', process.env.BENCH_SERVER_CPUS, ...argv] : argv;
  const child = spawn(pinned[0]!, pinned.slice(1), {
    cwd: options.dataDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerChild = {
    baseUrl,
    pid: child.pid ?? -1,
    memory: () => readMemory(child.pid),
    cpuSeconds: () => readCpuSeconds(child.pid),
    output: () => lines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
    killNow: () => void child.kill('SIGKILL'),
  };

  try {
    await waitUntilReady(child, baseUrl);
  } catch (error) {
    server.killNow();
    const tail = lines.length ? `\n${lines.join('\n')}` : '';
    throw new Error(`${(error as Error).message}${tail}`);
  }
  return server;
}

/**
 * `npx otpgate <args>` as an operator runs it (the CLI through tsx), in `dataDir` so that no `.env` applies,
 * with `env` (the store's DATABASE_URL); resolves its output, and throws with its stderr when it fails.
 */
export function runCli(root: string, dataDir: string, env: NodeJS.ProcessEnv, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [`${root}/bin/otpgate.js`, ...args], {
    cwd: dataDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, TSX_TSCONFIG_PATH: `${root}/tsconfig.json`, DATA_DIR: dataDir, ...env },
  });
  if (result.status !== 0) throw new Error(`otpgate ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

async function waitUntilReady(child: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited during start (${child.exitCode ?? child.signalCode})`);
    }
    const ok = await fetch(`${baseUrl}/livez`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`the server did not answer ${baseUrl}/livez within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * What `npm start` runs, so that the bench measures exactly that: its `prestart` (the build) is run here,
 * and its `node [flags] script [args]` is taken apart to start the same script with the same flags.
 */
function startCommand(root: string): {
  env: Record<string, string>;
  nodeFlags: string[];
  script: string;
  args: string[];
} {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string | undefined>;
  };
  if (scripts.prestart) execSync(scripts.prestart, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // `NAME=value` words come first and go into the server's environment; `exec` only makes the shell npm runs
  // the script in give way to node, so signals reach the server.
  const all = (scripts.start ?? '').trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (all[0] && /^[A-Z_][A-Z0-9_]*=/.test(all[0])) {
    const [name, ...value] = all.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (all[0] === 'exec') all.shift();
  const [command, ...words] = all;
  const scriptAt = words.findIndex((word) => !word.startsWith('-'));
  if (command !== 'node' || scriptAt < 0)
    throw new Error(`npm start must be "[NAME=value ...] [exec] node [flags] script ..." (is "${scripts.start}")`);
  return {
    env,
    nodeFlags: words.slice(0, scriptAt),
    script: join(root, words[scriptAt]!),
    args: words.slice(scriptAt + 1),
  };
}

/** A port that was free a moment ago; the child binds it right after, so a clash is unlikely. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function readMemory(pid: number | undefined): ServerMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const memory = { peakKiB: kib('VmHWM'), rssKiB: kib('VmRSS') };
    return Number.isFinite(memory.peakKiB) ? memory : null;
  } catch {
    return null;
  }
}

let clockTicks: number | undefined;

function readCpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime) counted after the command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}
