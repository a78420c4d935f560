import Fastify, { type FastifyInstance } from 'fastify';
import type { MetricsConfig } from '../config/metrics.ts';
import { registerErrorHandler } from '../errors/handler.ts';
import { metricsRoutes } from './routes.ts';

/** Only the host itself can scrape: a port published by mistake still exposes nothing. */
const LOOPBACK = '127.0.0.1';

/**
 * METRICS_PORT: `/metrics` on a second listener bound to 127.0.0.1, for a scraper on the same host (or a
 * sidecar in the same network namespace); the main listener then has no `/metrics`. Created before the
 * app listens, so that closing the app closes it too; `listen` is called once the app listens. Undefined
 * when METRICS_PORT is not set.
 */
export function loopbackMetrics(app: FastifyInstance, config: MetricsConfig): { listen(): Promise<void> } | undefined {
  const { port } = config;
  if (!config.enabled || port === undefined) return undefined;
  const server = Fastify({ loggerInstance: app.log, disableRequestLogging: true });
  registerErrorHandler(server);
  void server.register(metricsRoutes, { metrics: app.metrics, token: config.token });
  app.addHook('onClose', async () => {
    await server.close();
  });
  return {
    async listen() {
      await server.listen({ port, host: LOOPBACK });
      app.log.info(`metrics served on http://${LOOPBACK}:${port}/metrics`);
    },
  };
}
