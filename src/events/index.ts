import type { Config } from '../config/index.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { LoopLog } from '../sms/queue/lease-loop.ts';
import { createEventRecorder, type EventRecorder } from './recorder.ts';
import { createEventRepository } from './repository.ts';
import { createEventWebhook } from './webhook.ts';
import { createEventWorker } from './worker.ts';

/** A row written on this instance wakes its worker this long after, once the write has committed. */
const WAKE_DELAY_MS = 20;

/**
 * Events to the shop's backend: the recorder the writes use, the outbox repository, and the worker that
 * delivers them. With EVENTS_WEBHOOK_URL unset the recorder writes nothing and there is no worker. The
 * worker runs on the SMS queue's loop (sms/queue/lease-loop.ts) and is started and stopped with the queue
 * (`createSmsQueue`), so SMS_QUEUE_WORKER=false leaves event delivery to other instances too.
 */
export function createEvents(deps: {
  config: Config;
  database: DatabaseHandle;
  log: LoopLog & { info(obj: object, msg: string): void };
  metrics: Pick<Metrics, 'eventDelivery'>;
  now: () => number;
}) {
  const { config, database, log, metrics, now } = deps;
  const settings = config.events;
  const repository = createEventRepository(database, now);
  const webhook = settings.webhook
    ? createEventWebhook({ url: settings.webhook.url, secret: settings.webhook.secret, timeoutMs: settings.timeoutMs })
    : null;
  const worker = webhook
    ? createEventWorker({
        events: repository,
        post: webhook.post,
        timeoutMs: settings.timeoutMs,
        maxAttempts: settings.maxAttempts,
        log,
        metrics,
        now,
      })
    : null;
  let timer: NodeJS.Timeout | null = null;
  const wakeSoon = () => {
    if (!worker || timer) return;
    timer = setTimeout(() => {
      timer = null;
      worker.wake();
    }, WAKE_DELAY_MS);
    timer.unref();
  };
  const recorder: EventRecorder = createEventRecorder(settings.webhook !== null, now, wakeSoon);
  return {
    configured: settings.webhook !== null,
    recorder,
    repository,
    /** Null when events are off. */
    worker,
    wake: () => worker?.wake(),
    async close(): Promise<void> {
      if (timer) clearTimeout(timer);
      await webhook?.close();
    },
  };
}

export type Events = ReturnType<typeof createEvents>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Events to the shop (decorated in app.ts). */
    readonly events: Events;
  }
}
