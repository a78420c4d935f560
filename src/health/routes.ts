import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config/index.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { schemaStatus } from '../db/migrate.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import type { SmsSetup } from '../sms/setup.ts';
import { VERSION } from '../version.ts';
import { errorResponses } from '../http/error-responses.ts';

const Health = Type.Object({
  success: Type.Boolean(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  environment: Type.String(),
  database: Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable'), Type.Literal('behind')]),
    dialect: Type.String(),
    schema_version: Type.Union([Type.Integer(), Type.Null()]),
    latest_schema_version: Type.Integer(),
  }),
  sms: Type.Object({
    enabled: Type.Boolean(),
    configured: Type.Boolean(),
    available: Type.Boolean({ description: 'whether code requests can be served at all' }),
    provider: Type.String({ description: 'the first provider messages are tried on' }),
    mode: Type.Union([Type.Literal('live'), Type.Literal('development')]),
    providers: Type.Array(
      Type.Object({
        name: Type.String(),
        configured: Type.Boolean({ description: 'a live provider with its settings (false for the console fallback)' }),
        state: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')], {
          description: "this instance's circuit breaker for the provider",
        }),
      }),
      { description: 'every provider, in the order messages are tried on them' },
    ),
    test_numbers: Type.Integer({ description: 'how many numbers get no SMS (SMS_TEST_NUMBERS)' }),
  }),
  rate_limit: Type.Object({ store: Type.Union([Type.Literal('database'), Type.Literal('redis')]) }),
});

const PING_TIMEOUT_MS = 1500;

/** GET /livez (registered by the app, outside any prefix): the process runs; nothing else is checked. */
export const LivezSchema = {
  tags: ['health'],
  summary: 'Liveness: 200 while the process runs (health is readiness)',
  response: { 200: Type.Object({ success: Type.Literal(true) }), ...errorResponses([]) },
};

const healthErrors = errorResponses([]);

export const healthRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  database: DatabaseHandle;
  sms: SmsSetup;
  limiter: RateLimiter;
}> = async (app, { config, database, sms, limiter }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'What is configured and whether the database answers',
        response: {
          200: Health,
          ...healthErrors,
          503: Type.Union([Health, healthErrors[503]!], {
            description: 'degraded (the database does not answer or is behind), or SERVICE_UNAVAILABLE while closing',
          }),
        },
      },
    },
    async (_request, reply) => {
      const schema = await withTimeout(
        database.ping().then(() => schemaStatus(database)),
        PING_TIMEOUT_MS,
      ).catch(() => null);
      const databaseStatus = !schema ? 'unavailable' : schema.pending.length > 0 ? 'behind' : 'ok';
      const healthy = databaseStatus === 'ok';
      return reply.status(healthy ? 200 : 503).send({
        success: healthy,
        status: healthy ? 'ok' : 'degraded',
        version: VERSION,
        environment: config.env,
        database: {
          status: databaseStatus,
          dialect: database.dialect,
          schema_version: schema?.version ?? null,
          latest_schema_version: LATEST_SCHEMA_VERSION,
        },
        sms: {
          enabled: sms.enabled,
          configured: sms.configured,
          available: sms.available,
          provider: sms.provider.name,
          mode: sms.mode,
          providers: sms.routes.map(({ provider, breaker }) => ({
            name: provider.name,
            configured: provider.live,
            state: breaker.state(),
          })),
          test_numbers: config.sms.testNumbers.length,
        },
        rate_limit: { store: limiter.store },
      });
    },
  );
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
