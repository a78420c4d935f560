import os from 'node:os';
import type { ServerMemory } from './server.ts';
import type { Measurement } from './scenarios.ts';

/** The speed goals (docs/performance.md): fractions of the trivial route's rate, and a memory ceiling. */
export const GOALS = {
  codeRequestsFraction: 1 / 15,
  codeRequestsP99Ms: 50,
  signInsFraction: 1 / 40,
  peakMemoryMiB: 150,
} as const;

export function machineFacts(settings: { seconds: number; warmupSeconds: number; connections: number }): string {
  const cpus = os.cpus();
  const [load] = os.loadavg();
  const busy =
    load !== undefined && load > cpus.length / 2
      ? [
          `warning: the machine is busy (load ${load.toFixed(1)} on ${cpus.length} CPUs): rates and their ratios are unreliable`,
        ]
      : [];
  return [
    `node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}`,
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per scenario; ` +
      `server and load generator share the CPUs`,
    ...busy,
  ].join('\n');
}

const integer = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : integer(n)} ms` : 'n/a');
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
/** "1/N": how many of these operations cost as much as one trivial request. */
const ratio = (rate: number, trivial: number) => (rate > 0 ? `1/${(trivial / rate).toFixed(1)}` : 'n/a');

export function table(results: readonly Measurement[], trivialRate: number): string {
  const trivialCpu = results[0]?.cpuMsPerOp ?? null;
  const header = [
    'scenario',
    'rate',
    'p50',
    'p99',
    'non-2xx',
    'errors',
    'vs trivial',
    'server CPU/op',
    'CPU vs trivial',
  ];
  const rows = results.map((r) => [
    r.name,
    `${integer(r.rate)} ${r.unit}`,
    ms(r.p50Ms),
    ms(r.p99Ms),
    String(r.non2xx),
    String(r.errors),
    ratio(r.rate, trivialRate),
    r.cpuMsPerOp === null ? 'n/a' : `${r.cpuMsPerOp.toFixed(r.cpuMsPerOp < 0.1 ? 3 : 2)} ms`,
    r.cpuMsPerOp === null || trivialCpu === null ? 'n/a' : ratio(1 / r.cpuMsPerOp, 1 / trivialCpu),
  ]);
  const notes = results.flatMap((r) => (r.note ? [`  ${r.name.slice(0, 2)} ${r.note}`] : []));
  // Rates swing with whatever else the machine runs; CPU per operation of the server swings much less.
  notes.push(
    '  CPU vs trivial: the same ratio from server CPU time per operation, a cross-check less sensitive to noise',
  );
  return [...align([header, ...rows]), ...notes].join('\n');
}

export function goals(
  trivial: Measurement,
  codes: Measurement,
  signIns: Measurement,
  memory: ServerMemory | null,
): { text: string; failed: number } {
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
  const lines: [string, string, boolean | null][] = [
    [
      'code requests >= 1/15 of trivial',
      ratio(codes.rate, trivial.rate),
      codes.rate >= trivial.rate * GOALS.codeRequestsFraction,
    ],
    [`code requests p99 < ${GOALS.codeRequestsP99Ms} ms`, ms(codes.p99Ms), codes.p99Ms < GOALS.codeRequestsP99Ms],
    [
      'full sign-ins >= 1/40 of trivial',
      ratio(signIns.rate, trivial.rate),
      signIns.rate >= trivial.rate * GOALS.signInsFraction,
    ],
    [
      `server peak memory < ${GOALS.peakMemoryMiB} MiB`,
      memory ? `${mib(memory.peakKiB)} (RSS now ${mib(memory.rssKiB)})` : 'unknown (no /proc)',
      memory ? memory.peakKiB / 1024 < GOALS.peakMemoryMiB : null,
    ],
  ];
  const rows = lines.map(([goal, measured, pass]) => [goal, measured, verdict(pass)]);
  return {
    text: align([['goal', 'measured', ''], ...rows]).join('\n'),
    failed: lines.filter(([, , p]) => p === false).length,
  };
}

function align(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return head ? [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)] : [];
}
