import type { SmsLogRepository } from '../sms/log-repository.ts';
import type { SmsLane } from '../sms/lanes.ts';
import { SmsError, type SmsProvider } from '../sms/provider.ts';

const RECENT_MS = 60 * 60 * 1000;

type Credit = { credit: { amount: number; unit: string } } | { credit: null; credit_error: string } | { credit: null };

/**
 * What the admin API reports about each configured provider, in the order they are tried: its breaker's
 * state, its last hour from the delivery log, and its credit where it reports one. Credit calls run in
 * parallel and a failed one is reported on its provider, never as a failure of the whole answer.
 */
export function createProviderReport(deps: {
  /** The codes' lane and the queue's: the same providers, with a circuit each. */
  lanes: { readonly codes: SmsLane; readonly queue: SmsLane };
  logs: Pick<SmsLogRepository, 'tallySince'>;
  /** SMS_TIMEOUT_MS: what each provider was built with, and so the longest a credit call may take. */
  timeoutMs: number;
  now: () => number;
}) {
  const { lanes, logs, timeoutMs, now } = deps;
  const routes = lanes.codes.routes;
  return async function report() {
    const [tallies, credits] = await Promise.all([
      logs.tallySince(now() - RECENT_MS),
      // On the queue's connections: an admin looking at credit must not take a connection a code needs.
      Promise.all(lanes.queue.routes.map(({ provider }) => creditOf(provider, timeoutMs))),
    ]);
    return routes.map(({ provider, breaker }, i) => {
      const queue = lanes.queue.routes[i]!;
      const tally = tallies.find((row) => row.provider === provider.name) ?? { sent: 0, failed: 0 };
      const total = tally.sent + tally.failed;
      return {
        name: provider.name,
        live: provider.live,
        circuit: breaker.state(),
        queue_circuit: queue.breaker.state(),
        recent: { sent: tally.sent, failed: tally.failed, success_rate: total === 0 ? null : tally.sent / total },
        ...credits[i]!,
      };
    });
  };
}

async function creditOf(provider: SmsProvider, timeoutMs: number): Promise<Credit> {
  if (!provider.credit) return { credit: null };
  // Providers bound their own calls by SMS_TIMEOUT_MS; the race only guards this route against one that
  // does not, so that a provider can never hold the whole answer up.
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SmsError(provider.name, 'timeout', 'no credit answer')), timeoutMs + 100);
  });
  const call = provider.credit();
  call.catch(() => {});
  try {
    const { amount, unit } = await Promise.race([call, cut]);
    return { credit: { amount, unit } };
  } catch (error) {
    return { credit: null, credit_error: error instanceof SmsError ? (error.providerCode ?? error.kind) : 'transport' };
  } finally {
    clearTimeout(timer);
  }
}

export type ProviderReport = ReturnType<typeof createProviderReport>;
