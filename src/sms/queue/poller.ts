import type { SmsEvents } from '../dispatcher.ts';
import { SmsError, type SmsProvider } from '../provider.ts';
import type { PolledMessage, PollRepository } from './poll-repository.ts';

/** The slice of a pino logger this needs. */
export interface PollerLog {
  warn(obj: object, msg: string): void;
}

export interface DeliveryPollerOptions {
  readonly polls: PollRepository;
  /** Every configured provider; those without `status` are never asked. */
  readonly providers: readonly SmsProvider[];
  /** SMS_DELIVERY_POLL_SECONDS in ms: between two polls of one message, and between two passes. */
  readonly intervalMs: number;
  /**
   * A message whose provider has not given a final report this long after it was sent is `expired`.
   * @default 48 hours
   */
  readonly expireAfterMs?: number;
  readonly log: PollerLog;
  readonly events?: Pick<SmsEvents, 'smsMessage'> | undefined;
  readonly now: () => number;
}

const BATCH = 100;
/** Status calls in flight at once: a backlog should not look like an attack to the provider. */
export const CALLS_AT_ONCE = 4;
const DAY_MS = 24 * 3600_000;

/**
 * Asks providers that report delivery where each `sent` message got to, every `intervalMs`, until the
 * report is final (`delivered`, `undelivered`, `failed`) or 48 hours have passed (`expired`). This covers
 * code messages sent inside requests as much as queued ones: both are `sent` rows with a provider id.
 */
export function createDeliveryPoller(options: DeliveryPollerOptions) {
  const { polls, intervalMs, log, events, now } = options;
  const expireAfterMs = options.expireAfterMs ?? 2 * DAY_MS;
  const reporters = new Map(options.providers.filter((p) => p.status).map((p) => [p.name, p] as const));
  const names = [...reporters.keys()];
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<number> | null = null;

  async function ask(message: PolledMessage): Promise<void> {
    try {
      const report = await reporters.get(message.provider)!.status!(message.providerMessageId);
      if ((await polls.record(message, report)) && report.final) {
        events?.smsMessage({ provider: message.provider, template: message.template ?? 'text', status: report.status });
      }
    } catch (error) {
      // Whatever one message's read does (a refusal, garbage, a throw of the driver), it costs that message a
      // counted failure and a longer wait, and the rest of the batch goes on.
      const code = error instanceof SmsError ? (error.providerCode ?? error.kind) : 'unknown';
      const failures = message.pollFailures;
      const gaveUp = await polls.failed(message.id, failures, intervalMs).catch(() => false);
      const fields = { smsLogId: message.id, provider: message.provider, code, poll_failures: failures };
      log.warn(fields, gaveUp ? 'SMS delivery status not read; no longer asked' : 'SMS delivery status not read');
    }
  }

  /** One pass: expires what is too old, then asks about every message due, in batches. */
  async function runOnce(): Promise<number> {
    for (const row of await polls.expire(now() - expireAfterMs)) {
      events?.smsMessage({ provider: row.provider, template: row.template ?? 'text', status: 'expired' });
    }
    let asked = 0;
    for (;;) {
      const due = await polls.claimDue(names, BATCH, intervalMs);
      for (let i = 0; i < due.length; i += CALLS_AT_ONCE) {
        await Promise.all(due.slice(i, i + CALLS_AT_ONCE).map(ask));
      }
      asked += due.length;
      if (due.length < BATCH) return asked;
    }
  }

  const tick = () => {
    if (pass) return;
    pass = runOnce()
      .catch((error: unknown) => {
        log.warn({ err: error }, 'SMS delivery poll failed; will try again');
        return 0;
      })
      .finally(() => (pass = null));
  };

  return {
    runOnce,
    start(): void {
      if (timer || names.length === 0) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    /** Stops the timer and waits for a pass under way. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await pass;
    },
  };
}

export type DeliveryPoller = ReturnType<typeof createDeliveryPoller>;
