import os from 'node:os';
import type { ServerMemory } from './server.ts';
import type { Measurement, StoreFigures } from './scenarios.ts';

/** The speed goals (docs/performance.md): fractions of the trivial route's rate, and a memory ceiling. */
export const GOALS = {
  codeRequestsFraction: 1 / 15,
  codeRequestsP99Ms: 50,
  signInsFraction: 1 / 40,
  peakMemoryMiB: 150,
} as const;

/** On PostgreSQL each statement is a round trip to another process: looser ratios, and the round trips counted. */
export const POSTGRES_GOALS = {
  codeRequestsFraction: 1 / 40,
  signInsFraction: 1 / 80,
  signInCpuMs: 0.6,
  commitsPerCodeRequest: 2,
  commitsPerSignIn: 4,
} as const;

/** What one store's run measured, for its goals and the summary across stores. */
export interface StoreRun {
  readonly store: string;
  readonly trivial: Measurement;
  readonly codes: Measurement;
  readonly signIns: Measurement;
  /** Scenarios f and g: one request each, a new person signing in with a fresh login (not with BENCH_ONLY=otp). */
  readonly telegramWidget?: Measurement | undefined;
  readonly telegramWebApp?: Measurement | undefined;
  /** Scenario h: Telegram updates handled through the webhook, each with the bot's reply. */
  readonly botUpdates?: Measurement | undefined;
  readonly memory: ServerMemory | null;
}

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

type Goal = [goal: string, measured: string, pass: boolean | null];

/**
 * The goals of one store's run: on SQLite the four of docs/performance.md; on PostgreSQL looser ratios,
 * CPU per code request no more than SQLite's in the same bench (`sqliteCodeCpuMs`, null when SQLite did
 * not run), CPU per sign-in, and commits per operation.
 */
export function goals(run: StoreRun, sqliteCodeCpuMs: number | null): { text: string; failed: number } {
  const { trivial, codes, signIns, memory } = run;
  const postgres = run.store !== 'sqlite';
  const codeFraction = postgres ? POSTGRES_GOALS.codeRequestsFraction : GOALS.codeRequestsFraction;
  const signInFraction = postgres ? POSTGRES_GOALS.signInsFraction : GOALS.signInsFraction;
  const lines: Goal[] = [
    [
      `code requests >= 1/${Math.round(1 / codeFraction)} of trivial`,
      ratio(codes.rate, trivial.rate),
      codes.rate >= trivial.rate * codeFraction,
    ],
    [`code requests p99 < ${GOALS.codeRequestsP99Ms} ms`, ms(codes.p99Ms), codes.p99Ms < GOALS.codeRequestsP99Ms],
    [
      `full sign-ins >= 1/${Math.round(1 / signInFraction)} of trivial`,
      ratio(signIns.rate, trivial.rate),
      signIns.rate >= trivial.rate * signInFraction,
    ],
    [
      `server peak memory < ${GOALS.peakMemoryMiB} MiB`,
      memory ? `${mib(memory.peakKiB)} (RSS now ${mib(memory.rssKiB)})` : 'unknown (no /proc)',
      memory ? memory.peakKiB / 1024 < GOALS.peakMemoryMiB : null,
    ],
  ];
  if (postgres) {
    const atMost = (value: number | null | undefined, limit: number | null) =>
      value === null || value === undefined || limit === null || !Number.isFinite(value) ? null : value <= limit;
    // In the requests: the sweeps' share over the same time taken off (see idleRates).
    // Judged as printed, to two decimals: what is left past that is the noise of the subtraction.
    const commits = (m: Measurement) =>
      m.store
        ? Math.round(((m.store.perOp.commits ?? NaN) - (m.store.backgroundPerOp.commits ?? 0)) * 100) / 100
        : undefined;
    lines.push(
      [
        "code requests CPU/op <= SQLite's",
        `${cpu(codes.cpuMsPerOp)} (SQLite ${cpu(sqliteCodeCpuMs)})`,
        atMost(codes.cpuMsPerOp, sqliteCodeCpuMs),
      ],
      [
        `sign-ins CPU/op <= ${POSTGRES_GOALS.signInCpuMs} ms`,
        cpu(signIns.cpuMsPerOp),
        atMost(signIns.cpuMsPerOp, POSTGRES_GOALS.signInCpuMs),
      ],
      [
        `commits per code request <= ${POSTGRES_GOALS.commitsPerCodeRequest} (less idle sweeps)`,
        perOp(commits(codes)),
        atMost(commits(codes), POSTGRES_GOALS.commitsPerCodeRequest),
      ],
      [
        `commits per sign-in <= ${POSTGRES_GOALS.commitsPerSignIn} (less idle sweeps)`,
        perOp(commits(signIns)),
        atMost(commits(signIns), POSTGRES_GOALS.commitsPerSignIn),
      ],
    );
  }
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
  const rows = lines.map(([goal, measured, pass]) => [goal, measured, verdict(pass)]);
  return {
    text: align([[`goal (${run.store})`, 'measured', ''], ...rows]).join('\n'),
    failed: lines.filter(([, , p]) => p === false).length,
  };
}

const cpu = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(value < 0.1 ? 3 : 2)} ms`);
const perOp = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(2);

const POSTGRES_COLUMNS = ['commits', 'rollbacks', 'inserted', 'updated', 'deleted', 'returned', 'fetched'];

/** The store's counters per operation of each scenario: PostgreSQL's pg_stat_database, Redis's commands. */
export function storeTable(rows: readonly { name: string; store?: StoreFigures | undefined }[]): string {
  const measured = rows.filter((row) => row.store);
  if (measured.length === 0) return '';
  const redis = measured.some((row) => row.store?.perOp['redis commands'] !== undefined);
  const header = [
    'per operation',
    ...POSTGRES_COLUMNS,
    'connections',
    ...(redis ? ['Redis commands', 'scripts', 'Redis by command'] : []),
  ];
  const body = measured.map(({ name, store }) => [
    name.slice(0, 2),
    ...POSTGRES_COLUMNS.map((key) => perOp(store!.perOp[key])),
    String(store!.gauges.connections ?? 'n/a'),
    ...(redis ? [perOp(store!.perOp['redis commands']), perOp(scripts(store!)), byCommand(store!)] : []),
  ]);
  return [
    ...align([header, ...body]),
    "  connections: the server's to the database at the end of the run; rows: pg_stat_database tup_*",
    ...(redis
      ? [
          '  Redis commands: as Redis counts them, the ones a script runs included (a rate limit is one EVALSHA',
          '  running SET, INCRBY and PTTL); the round trips are the scripts and the commands outside them',
        ]
      : []),
  ].join('\n');
}

/** EVAL and EVALSHA calls: each is one round trip, however many commands it runs. */
function scripts(store: StoreFigures): number | undefined {
  const { perOp } = store;
  if (perOp['redis commands'] === undefined) return undefined;
  return (perOp['redis evalsha'] ?? 0) + (perOp['redis eval'] ?? 0);
}

function byCommand(store: StoreFigures): string {
  return Object.entries(store.perOp)
    .filter(([key, value]) => key.startsWith('redis ') && key !== 'redis commands' && value >= 0.01)
    .sort(([, a], [, b]) => b - a)
    .map(([key, value]) => `${key.slice('redis '.length)} ${value.toFixed(2)}`)
    .join(', ');
}

/** One row per store of the one scenario `pick` chooses: the stores side by side. */
export function summary<Run extends Pick<StoreRun, 'store' | 'trivial'>>(
  runs: readonly Run[],
  title: string,
  pick: (run: Run) => Measurement | undefined,
): string {
  const header = [
    title,
    'rate',
    'vs trivial',
    'p50',
    'p99',
    'server CPU/op',
    'commits/op',
    'ins/upd/del per op',
    'Redis commands/op',
  ];
  const rows = runs.flatMap((run) => {
    const m = pick(run);
    if (!m) return [];
    const figure = (key: string) => perOp(m.store?.perOp[key]);
    return [
      [
        run.store,
        `${integer(m.rate)} ${m.unit}`,
        ratio(m.rate, run.trivial.rate),
        ms(m.p50Ms),
        ms(m.p99Ms),
        cpu(m.cpuMsPerOp),
        figure('commits'),
        m.store ? `${figure('inserted')} / ${figure('updated')} / ${figure('deleted')}` : 'n/a',
        m.store?.perOp['redis commands'] === undefined
          ? 'n/a'
          : `${figure('redis commands')} (${perOp(scripts(m.store))} scripts)`,
      ],
    ];
  });
  if (rows.length === 0) return '';
  return align([header, ...rows]).join('\n');
}

function align(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return head ? [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)] : [];
}
