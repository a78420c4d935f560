import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { requirePublicUrl, type Config } from './config/index.ts';
import { openReadyDatabase } from './db/open.ts';
import { startMaintenance } from './maintenance.ts';
import { loopbackMetrics } from './metrics/listener.ts';
import { StartupError } from './server-errors.ts';

const SHUTDOWN_GRACE_MS = 10_000;
/** What queued sends in flight get to finish on shutdown, leaving time to close the pools within the grace. */
const QUEUE_STOP_GRACE_MS = 7_000;

/**
 * Opens the database, brings the schema up to date or refuses a schema that is behind, builds the app,
 * listens, and starts the SMS queue's worker and delivery poller and, with a bot, the Telegram alert queue's
 * worker (unless SMS_QUEUE_WORKER=false). Returns
 * the running app; SIGTERM and SIGINT close it gracefully, the queue's sends in flight included.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  requirePublicUrl(config);
  const database = await openReadyDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(config, { database });
    await requireSigningKey(app);
    const stopMaintenance = startMaintenance(database, app.log, {
      smsLogRetentionDays: config.sms.logRetentionDays,
      eventRetentionDays: config.events.retentionDays,
    });
    const queue = app.smsQueue;
    const telegramQueue = app.telegramQueue;
    const fanOut = app.alertFanOut;
    app.addHook('onClose', async () => {
      // Before the database closes: a send in flight still writes its outcome, and a fan-out between
      // batches gives its restock back.
      await Promise.all([
        queue.stop(QUEUE_STOP_GRACE_MS),
        telegramQueue?.stop(QUEUE_STOP_GRACE_MS),
        fanOut.stop(QUEUE_STOP_GRACE_MS),
      ]);
      await stopMaintenance();
      await database.close();
    });
    const metrics = loopbackMetrics(app, config.metrics);
    await listen(app, config.http);
    await metrics?.listen();
  } catch (error) {
    // Whatever was opened (the pools, the Redis client, timers, a metrics listener) would otherwise keep the
    // process alive after a start that failed.
    await (app ? app.close() : database.close()).catch(() => {});
    throw error;
  }
  app.smsQueue.start();
  // The alert queue's worker follows the same switch: SMS_QUEUE_WORKER=false leaves delivery to other instances.
  if (config.sms.queue.worker) app.telegramQueue?.start();
  // The restocks' fan-out runs where the queue's worker does (SMS_QUEUE_WORKER): it only queues messages.
  if (config.sms.queue.worker) app.alertFanOut.start();
  handleSignals(app);
  return app;
}

/**
 * The key that signs tokens must open with this AUTH_SECRET (it is sealed under it): an instance that cannot
 * sign would refuse every sign-in, so it does not start.
 */
async function requireSigningKey(app: FastifyInstance): Promise<void> {
  try {
    await app.signingKeys.signer();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `AUTH_SECRET: ${reason}: it is sealed under another AUTH_SECRET; set that one, or run otpgate signing-keys rotate --now`,
    );
  }
}

/** A port that cannot be had is a StartupError naming PORT and HOST, not a stack. */
async function listen(app: FastifyInstance, { port, host }: Config['http']): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`PORT: ${host}:${port} is already in use`);
    if (code === 'EACCES') throw new StartupError(`PORT: not allowed to listen on ${host}:${port}`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartupError(`HOST: ${host} is not an address of this machine`);
    }
    throw error;
  }
}

/**
 * On SIGTERM: stop accepting, let requests in flight finish (new ones on kept-alive sockets get 503),
 * close the pools and exit 0; exit 1 if that takes longer than the grace period.
 */
function handleSignals(app: FastifyInstance): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // server.close() drops only the connections idle at that moment: a kept-alive connection whose request
    // was in flight would stay open after its answer and hold the exit until the grace period ran out.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
