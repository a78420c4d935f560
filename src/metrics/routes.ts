import type { FastifyPluginAsync, FastifySchema } from 'fastify';
import { Registry } from 'prom-client';
import { Type } from '@sinclair/typebox';
import { AppError } from '../errors/app-error.ts';
import { bearerTokenCheck } from '../http/bearer.ts';
import { errorResponses } from '../http/error-responses.ts';
import type { Metrics } from './metrics.ts';
import { processMetrics } from './process.ts';

/**
 * `GET /metrics` in the Prometheus text format: the app's metrics and the process's. With a token, a
 * scrape must send `Authorization: Bearer <token>`. Registered only when METRICS_ENABLED is true.
 */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (
  app,
  { metrics, token },
) => {
  const registry = Registry.merge([processMetrics(), metrics.registry]);
  const tokenMatches = bearerTokenCheck(token);

  // Scrapes come every few seconds; their log lines would drown the rest. Refusals are logged below.
  app.get('/metrics', { schema: MetricsSchema, logLevel: 'warn' }, async (request, reply) => {
    if (tokenMatches && !tokenMatches(request.headers.authorization)) {
      request.log.warn({ ip: request.ip }, 'metrics scrape refused: missing or wrong token');
      throw new AppError('UNAUTHORIZED', 'A valid metrics token is required');
    }
    const text = await registry.metrics();
    return reply.header('content-type', registry.contentType).send(text);
  });
};

const MetricsSchema: FastifySchema = {
  tags: ['health'],
  summary: 'Prometheus metrics (absent when METRICS_ENABLED=false)',
  // Anonymous, or the metrics token when METRICS_TOKEN is set: then it is required.
  security: [{ metricsToken: [] }, {} as Record<string, string[]>],
  response: {
    200: {
      description: 'the Prometheus text format',
      content: { 'text/plain': { schema: Type.String() } },
    },
    ...errorResponses(['UNAUTHORIZED']),
  },
};
