import type { Config } from '../../config/index.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import type { TemplateRenderer } from '../../templates/types.ts';
import type { SmsEvents } from '../dispatcher.ts';
import type { DeliveryPolling } from '../log-repository.ts';
import { PACE_WAIT_MS, queuePausedForMs } from '../lanes.ts';
import type { SmsSetup } from '../setup.ts';
import type { RateLimiter } from '../../rate-limit/limiter.ts';
import { createCancelService } from './cancel-service.ts';
import { createKeyedEnqueue } from './keyed-enqueue.ts';
import { createPollRepository } from './poll-repository.ts';
import { createDeliveryPoller, type PollerLog } from './poller.ts';
import { createQueueRepository } from './repository.ts';
import { createSendService } from './send-service.ts';
import { createQueueWorker, type WorkerLog } from './worker.ts';
import type { LeaseLoop } from './lease-loop.ts';
import { NO_EVENTS, type EventRecorder } from '../../events/recorder.ts';

/** Which messages the delivery poller asks about: those of providers with `status`. */
export function deliveryPolling(sms: SmsSetup, config: Config): DeliveryPolling {
  const reporters = new Set(
    sms.codes.routes.filter(({ provider }) => provider.status).map(({ provider }) => provider.name),
  );
  return {
    reportsDelivery: (provider) => reporters.has(provider),
    delayMs: config.sms.queue.deliveryPollSeconds * 1000,
  };
}

/**
 * The queue for every message that is not a code: the send service that accepts them, the worker that
 * delivers them, and the delivery poller. Nothing runs until `start`; `serve` starts it when
 * SMS_QUEUE_WORKER is true (the default), so an instance can take messages and leave delivery to others.
 */
export function createSmsQueue(deps: {
  config: Config;
  database: DatabaseHandle;
  sms: SmsSetup;
  renderer: TemplateRenderer;
  log: WorkerLog & PollerLog;
  now: () => number;
  events?: Pick<SmsEvents, 'smsMessage'> | undefined;
  /** Counts each admin API key's sends (SMS_KEY_SEND_RATE_PER_MINUTE) across instances. */
  limiter: Pick<RateLimiter, 'consume' | 'refund'>;
  /**
   * Events for the shop (events/): status changes are written with them, and their worker, on this queue's
   * loop, is started and stopped with it. Without it no event is written.
   */
  outbox?: { recorder: EventRecorder; worker: LeaseLoop | null } | undefined;
}) {
  const { config, database, sms, log, now, events } = deps;
  const { queue: settings } = config.sms;
  const polling = deliveryPolling(sms, config);
  const recorder = deps.outbox?.recorder ?? NO_EVENTS;
  const outboxWorker = deps.outbox?.worker ?? null;
  const queue = createQueueRepository(database, now, polling, recorder);
  const worker = createQueueWorker({
    queue,
    dispatcher: sms.queue.dispatcher,
    // Unlike a code, nobody is waiting: every provider may take its full SMS_TIMEOUT_MS, after its pacer's wait.
    deadlineMs: (config.sms.timeoutMs + PACE_WAIT_MS) * sms.queue.routes.length,
    pausedForMs: () => queuePausedForMs(sms.queue),
    paceWaitMs: PACE_WAIT_MS,
    maxAttempts: settings.maxAttempts,
    concurrency: settings.concurrency,
    log,
    events,
  });
  const poller = createDeliveryPoller({
    polls: createPollRepository(database, now, recorder),
    // The queue's providers: its polls go out on the queue's connections, never on the codes'.
    providers: sms.queue.routes.map(({ provider }) => provider),
    intervalMs: polling.delayMs,
    log,
    events,
    now,
  });
  const testNumbers = new Set(config.sms.testNumbers.map(({ phoneNumber }) => phoneNumber));
  const send = createSendService({
    queue,
    enqueueForKey: createKeyedEnqueue(database, now, recorder),
    keyLimits: {
      limiter: deps.limiter,
      sendRule: { name: 'sms-key-send', points: settings.keySendRatePerMinute, durationSeconds: 60 },
      maxQueued: settings.keyQueuedMax,
    },
    renderer: deps.renderer,
    allowedCountries: config.phone.allowedCountries,
    isTestNumber: (to) => testNumbers.has(to),
    provider: sms.provider.name,
    available: sms.available,
    maxParts: config.sms.maxParts,
    wake: worker.wake,
    events,
  });

  return {
    send,
    cancel: createCancelService(database.db, now),
    worker,
    poller,
    /** The event worker, when events are on (tests drive it through this). */
    events: outboxWorker,
    /** Starts the worker, the poller and the event worker, unless SMS_QUEUE_WORKER is false. */
    start(): void {
      if (!settings.worker) return;
      worker.start();
      poller.start();
      outboxWorker?.start();
    },
    /** Stops both; sends in flight get at most `graceMs` to finish (see QueueWorker.stop). */
    async stop(graceMs: number): Promise<void> {
      await Promise.all([worker.stop(graceMs), poller.stop(), outboxWorker?.stop(graceMs)]);
    },
  };
}

export type SmsQueue = ReturnType<typeof createSmsQueue>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The SMS queue of this app (decorated in app.ts); `serve` starts and stops it. */
    readonly smsQueue: SmsQueue;
  }
}
