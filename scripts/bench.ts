/**
 * `npm run bench`: the speed goals (docs/performance.md). Starts the real server (what `npm start` runs, production
 * mode, SQLite in a fresh temp dir, the webhook SMS provider posting to a sink in this process) and drives
 * it over loopback with autocannon: a trivial route for scale, code requests for distinct numbers, full
 * sign-ins, and a campaign of queued sends to a sink with a rate limit while code requests go on (the codes
 * must all succeed). Prints rates, latencies, ratios to the trivial route, the server's peak memory and the goals.
 *
 * Exits 0 when every scenario ran without errors, whether or not the goals pass (it is a report); exits 1
 * when the server does not start or any request failed, because a rate of errors measures nothing.
 *
 * Environment: BENCH_SECONDS (10) per scenario, BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2),
 * BENCH_CPU_PROF=<dir> runs the server with `--cpu-prof` and leaves its profile there. The campaign:
 * BENCH_CAMPAIGN (2000) messages, BENCH_SINK_RATE (200) messages a second the sink takes before it answers
 * 429, BENCH_CODE_RATE (10) code requests a second meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goals, machineFacts, table } from './bench/report.ts';
import { createSendKey, queuedLine, queuedSends } from './bench/queued.ts';
import { codeRequests, numberSource, signIns, trivialRoute, type Measurement } from './bench/scenarios.ts';
import { startServer, type ServerChild } from './bench/server.ts';
import { startSmsSink } from './bench/sink.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
}

async function main(): Promise<number> {
  const seconds = positiveNumber('BENCH_SECONDS', 10);
  const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 50));
  const warmupSeconds = positiveNumber('BENCH_WARMUP_SECONDS', 2);
  const cpuProfileDir = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
  const campaign = {
    size: Math.round(positiveNumber('BENCH_CAMPAIGN', 2000)),
    sinkPerSecond: positiveNumber('BENCH_SINK_RATE', 200),
    codesPerSecond: positiveNumber('BENCH_CODE_RATE', 10),
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'otpgate-bench-'));
  const sink = await startSmsSink();
  let server: ServerChild | undefined;
  // Ctrl-C, or a crash that skips `finally`: the child and the temp dir must not outlive the bench.
  const cleanUpNow = () => {
    server?.killNow();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => {
    cleanUpNow();
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted).once('exit', cleanUpNow);

  try {
    console.log(machineFacts({ seconds, warmupSeconds, connections }));
    try {
      server = await startServer({ root: ROOT, dataDir, smsWebhookUrl: sink.url, cpuProfileDir });
    } catch (error) {
      console.error(`\nbench: the server did not start: ${(error as Error).message}`);
      return 1;
    }
    const child = server;
    console.log(`server pid ${child.pid} on ${child.baseUrl}, SMS sink ${sink.url}\n`);

    const settings = {
      baseUrl: child.baseUrl,
      seconds,
      warmupSeconds,
      connections,
      serverCpuSeconds: child.cpuSeconds,
    };
    const fresh = numberSource();
    const results: Measurement[] = [];
    const step = async (run: () => Promise<Measurement>) => {
      const result = await run();
      results.push(result);
      console.log(`  ${result.name}: ${Math.round(result.rate)} ${result.unit}`);
      sink.forget();
      return result;
    };
    const trivial = await step(() => trivialRoute(settings));
    const codes = await step(() => codeRequests(settings, fresh));
    const pairs = await step(() => signIns(settings, fresh, sink));
    const queued = await queuedSends(settings, fresh, sink, createSendKey(ROOT, dataDir), campaign);
    console.log(`  ${queuedLine(queued)}`);
    const memory = child.memory();

    console.log(`\n${table(results, trivial.rate)}\n`);
    const verdict = goals(trivial, codes, pairs, memory);
    console.log(`${verdict.text}\n`);
    console.log(`SMS sink received ${sink.received()} messages`);

    const failing = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.warmupFailures > 0);
    for (const r of failing) {
      console.error(
        `bench: ${r.name} had failures (non-2xx ${r.non2xx}, errors ${r.errors}, in warm-up ${r.warmupFailures})` +
          (r.firstFailure ? `; first: ${r.firstFailure}` : ''),
      );
    }
    const logged = summarizeLog(child.output());
    if (logged.length > 0) console.error(`server log (last lines, repeats counted):\n${logged.join('\n')}`);
    if (queued.failures > 0)
      console.error(`bench: queued sends had ${queued.failures} failures; first: ${queued.firstFailure}`);
    if (failing.length > 0 || queued.failures > 0) return 1;
    console.log(verdict.failed === 0 ? 'all goals pass' : `${verdict.failed} goal(s) not met`);
    return 0;
  } finally {
    await server?.stop();
    await sink.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (cpuProfileDir) console.log(`server CPU profile written to ${cpuProfileDir}`);
  }
}

/** The child's pino lines, one per distinct message with its count, so one repeated failure is one line. */
function summarizeLog(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    let text = line;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string } };
      text = `level ${entry.level}: ${entry.msg ?? ''}${entry.err ? ` (${entry.err.type}: ${entry.err.message})` : ''}`;
    } catch {
      // Not JSON (a crash before the logger existed): shown as it is.
    }
    counts.set(text.slice(0, 300), (counts.get(text.slice(0, 300)) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => `  ${count > 1 ? `${count}x ` : ''}${text}`);
}

process.exitCode = await main().catch((error: unknown) => {
  console.error('bench failed:', error);
  return 1;
});
