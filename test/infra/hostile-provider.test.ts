import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { startFakeHostileProvider, type FakeHostileProvider } from '../helpers/fake-hostile-provider.ts';
import { freePort, startCli, waitUntilServing, type CliProcess } from '../helpers/infra-cli.ts';
import { startProviderFakes, type ProviderFakes } from '../helpers/sms-fakes.ts';

/** The heap `npm start` gives the service (package.json), which a provider's answer must not exhaust. */
const HEAP = '--max-old-space-size=96 --max-semi-space-size=4';
/**
 * Resident memory the process may reach: about twice what it uses serving these requests. Reading each
 * answer to its end took it past 900 MB within the 5 s timeout.
 */
const RSS_BOUND_MB = 300;
const AT_ONCE = 6;

/** Resident memory of `pid` in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

let hostile: FakeHostileProvider;
let fakes: ProviderFakes;
let server: CliProcess;
let base: string;

before(async () => {
  hostile = await startFakeHostileProvider({ mode: 'huge' });
  fakes = await startProviderFakes();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startCli(['serve'], {
    ...fakes.env(['kavenegar', 'smsir']),
    KAVENEGAR_BASE_URL: hostile.url,
    NODE_OPTIONS: HEAP,
    PORT: String(port),
    LOG_LEVEL: 'error',
    // Every request must reach the hostile provider: no breaker opens, no limit of one address stops it.
    SMS_BREAKER_FAILURES: '1000',
    OTP_IP_HOURLY_LIMIT: '1000',
    OTP_FAILED_SEND_IP_HOURLY_LIMIT: '1000',
  });
  await waitUntilServing(`${base}/livez`, server);
});

after(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await fakes?.close();
  await hostile?.close();
});

let phone = 0;
async function requestCode(): Promise<number> {
  const phone_number = `0912${String(5_000_000 + phone++).padStart(7, '0')}`;
  const response = await fetch(`${base}/api/v1/otp/phone/login/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number }),
  });
  await response.arrayBuffer();
  return response.status;
}

for (const mode of ['huge', 'endless', 'nested', 'slow'] as const) {
  it(`under the heap of npm start, ${AT_ONCE} codes at once through a provider answering ${mode} are sent by the next one`, async () => {
    hostile.setMode(mode);
    const pid = server.child.pid!;
    let peak = rssMb(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    try {
      const statuses = await Promise.all(Array.from({ length: AT_ONCE }, requestCode));
      assert.deepEqual(statuses, Array(AT_ONCE).fill(200), server.stderr());
    } finally {
      clearInterval(sampler);
    }
    assert.equal(server.child.exitCode, null, `the service died:\n${server.stderr()}`);
    assert.ok(peak < RSS_BOUND_MB, `resident memory reached ${Math.round(peak)} MB`);
    const health = await fetch(`${base}/api/v1/otp/health`);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
  });
}
