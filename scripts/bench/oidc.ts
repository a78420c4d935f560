import { performance } from 'node:perf_hooks';
import {
  Agent,
  authorizationRequest,
  callbackOf,
  fetchTransport,
  follow,
  redeem,
  type RelyingParty,
} from '../../test/helpers/oidc-rp.ts';
import type { BenchSettings, Measurement } from './scenarios.ts';
import { runCli } from './server.ts';
import type { SmsSink } from './sink.ts';

const ISSUER = 'https://otpgate.bench.invalid';
const REDIRECT_URI = 'https://shop.bench.invalid/callback';

/** A first-party client registered as an operator does, with `otpgate clients create`. */
export function createBenchClient(root: string, dataDir: string, databaseUrl: string): RelyingParty {
  const output = runCli(root, dataDir, { DATABASE_URL: databaseUrl }, [
    'clients',
    'create',
    '--name',
    'bench shop',
    '--redirect-uri',
    REDIRECT_URI,
    '--first-party',
  ]);
  const clientId = /client_id (\S+)/.exec(output)?.[1];
  const secret = output.trim().split('\n').at(-1)!;
  if (!clientId) throw new Error(`otpgate clients create said: ${output}`);
  return { clientId, secret, redirectUri: REDIRECT_URI, postLogoutRedirectUri: 'https://shop.bench.invalid/' };
}

/**
 * Scenario k: full OpenID Connect authorization-code round trips, without a browser. Each of
 * `settings.connections` workers is one customer signed in to the hosted pages once (a code by SMS, then
 * POST /login/session); a round trip is then what a shop's sign-in button costs that customer: the
 * authorization request, the sign-in step (answered from the pages' session), back to the provider, the
 * redirect to the shop with a code, and the shop's token request with PKCE and its client secret. The
 * provider's own session cookies are dropped before each, so every round trip goes through the sign-in step.
 */
export async function oidcRoundTrips(
  settings: BenchSettings,
  rp: RelyingParty,
  fresh: () => string,
  sink: SmsSink,
): Promise<Measurement> {
  let requests = 0;
  const plain = fetchTransport(settings.baseUrl);
  const transport: typeof plain = (request) => {
    requests += 1;
    return plain(request);
  };
  const agents = await Promise.all(
    Array.from({ length: settings.connections }, async () => {
      const agent = new Agent(transport, ISSUER);
      const phone = fresh();
      const sent = await agent.postJson('/api/v1/otp/phone/login/request', { phone_number: phone });
      if (sent.status !== 200) throw new Error(`code request: ${sent.status} ${sent.body}`);
      const signedIn = await agent.postJson('/login/session', { phone_number: phone, code: sink.takeCode(phone) });
      if (signedIn.status !== 200) throw new Error(`page sign-in: ${signedIn.status} ${signedIn.body}`);
      return agent;
    }),
  );
  async function roundTrip(agent: Agent): Promise<number> {
    agent.jar.keepOnly('otpgate_session');
    const started = performance.now();
    const request = authorizationRequest(rp);
    const callback = callbackOf(await follow(agent, request.url), rp);
    const tokens = await redeem(transport, ISSUER, rp, callback.code!, request.verifier);
    if (tokens.status !== 200) throw new Error(`token: ${tokens.status} ${tokens.body}`);
    return performance.now() - started;
  }

  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstFailure: string | null = null;
    const cpuBefore = settings.serverCpuSeconds();
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      agents.map(async (agent) => {
        while (performance.now() < until) {
          try {
            latencies.push(await roundTrip(agent));
          } catch (error) {
            errors += 1;
            firstFailure ??= (error as Error).message.slice(0, 300);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = settings.serverCpuSeconds();
    return {
      latencies,
      errors,
      firstFailure,
      elapsed,
      cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    };
  };
  const warm = await run(settings.warmupSeconds);
  requests = 0;
  const measured = await run(settings.seconds);
  const perRoundTrip = measured.latencies.length === 0 ? 0 : requests / measured.latencies.length;
  const sorted = measured.latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const done = sorted.length;
  return {
    name: 'k. OpenID Connect code round trips (auth, sign-in step, code, token)',
    unit: 'round trips/s',
    rate: done / measured.elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    non2xx: 0,
    errors: measured.errors,
    warmupFailures: warm.errors,
    firstFailure: warm.firstFailure ?? measured.firstFailure,
    cpuMsPerOp: measured.cpu === null || done === 0 ? null : (measured.cpu * 1000) / done,
    note: `${settings.connections} customers at once, each signed in to the hosted pages once; ${perRoundTrip.toFixed(1)} HTTP requests per round trip`,
  };
}
