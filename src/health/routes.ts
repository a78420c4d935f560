import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyScope } from '../api-keys/scopes.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import type { Config } from '../config/index.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { schemaStatus } from '../db/migrate.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import type { SmsSetup } from '../sms/setup.ts';
import { VERSION } from '../version.ts';
import { errorResponses } from '../http/error-responses.ts';
import { healthDetailAccess } from './detail-access.ts';
import { sharedProbe } from './shared-probe.ts';

const DETAIL =
  'only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token ' +
  'of a staff member whose role has it';

const Health = Type.Object({
  success: Type.Boolean(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.Optional(Type.String({ description: DETAIL })),
  environment: Type.Optional(Type.String({ description: DETAIL })),
  database: Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable'), Type.Literal('behind')]),
    dialect: Type.String(),
    schema_version: Type.Union([Type.Integer(), Type.Null()]),
    latest_schema_version: Type.Integer(),
    pool: Type.Optional(
      Type.Object(
        {
          size: Type.Integer({ description: 'DATABASE_POOL_SIZE' }),
          open: Type.Integer(),
          idle: Type.Integer(),
          waiting: Type.Integer({
            description: 'requests waiting for a connection now: above zero for long, the database is the limit',
          }),
        },
        { description: `PostgreSQL only; ${DETAIL}` },
      ),
    ),
  }),
  events: Type.Object({
    configured: Type.Boolean({ description: 'whether events are sent to EVENTS_WEBHOOK_URL' }),
  }),
  telegram: Type.Object(
    {
      widget: Type.Object({ configured: Type.Boolean({ description: 'TELEGRAM_BOT_TOKEN is set' }) }),
      webapp: Type.Object({ configured: Type.Boolean({ description: 'TELEGRAM_BOT_TOKEN is set' }) }),
      oidc: Type.Object({
        configured: Type.Boolean({ description: 'TELEGRAM_OIDC_CLIENT_ID, its secret and return URLs are set' }),
      }),
      bot: Type.Object({
        configured: Type.Boolean({ description: 'TELEGRAM_BOT_TOKEN is set: the bot can write to users' }),
        updates: Type.Union([Type.Literal('webhook'), Type.Literal('polling'), Type.Literal('off')], {
          description: 'how the bot takes updates (TELEGRAM_UPDATES); off without a token',
        }),
      }),
    },
    { description: 'which ways of signing in with Telegram are on; never a token or secret' },
  ),
  sms: Type.Object({
    enabled: Type.Boolean(),
    configured: Type.Boolean(),
    available: Type.Boolean({ description: 'whether code requests can be served at all' }),
    provider: Type.Optional(Type.String({ description: `the first provider messages are tried on; ${DETAIL}` })),
    mode: Type.Union([Type.Literal('live'), Type.Literal('development')]),
    providers: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String(),
          configured: Type.Boolean({
            description: 'a live provider with its settings (false for the console fallback)',
          }),
          state: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')], {
            description: "this instance's circuit breaker for code messages through the provider",
          }),
          queue_state: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')], {
            description: "this instance's circuit breaker for queued messages, separate from the codes' one",
          }),
          queue_rate_per_second: Type.Number({
            description: 'how many calls a second the queue makes to the provider now, learned from its 429s',
          }),
        }),
        { description: `every provider, in the order messages are tried on them; ${DETAIL}` },
      ),
    ),
    test_numbers: Type.Optional(
      Type.Integer({ description: `how many numbers get no SMS (SMS_TEST_NUMBERS); ${DETAIL}` }),
    ),
  }),
  rate_limit: Type.Object({
    store: Type.Union([Type.Literal('database'), Type.Literal('redis')], {
      description: 'where counters go at this moment',
    }),
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
      description: 'degraded: Redis is configured but unreachable, and the database counts instead',
    }),
  }),
});

const PING_TIMEOUT_MS = 1500;
/** How long one database probe's answer serves every health check (see shared-probe.ts). */
const PROBE_MAX_AGE_MS = 1000;

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
  /** Whether EVENTS_WEBHOOK_URL is set (never the URL or its secret). */
  eventsConfigured: boolean;
  limiter: RateLimiter;
  apiKeys: ApiKeyService;
  /** The scopes of the staff member a request's access token belongs to (the console's health page). */
  staffScopes: (request: FastifyRequest) => Promise<readonly ApiKeyScope[]>;
}> = async (app, { config, database, sms, limiter, apiKeys, staffScopes, eventsConfigured }) => {
  const mayReadDetail = healthDetailAccess(config.metrics.token, apiKeys, staffScopes);
  const probeDatabase = sharedProbe(
    () =>
      withTimeout(
        database.probe.ping().then(() => schemaStatus(database.probe)),
        PING_TIMEOUT_MS,
      ).catch(() => null),
    PROBE_MAX_AGE_MS,
  );
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'What is configured and whether the database answers',
        description: `The version, the environment and each SMS provider with its breaker state are shown ${DETAIL}.`,
        response: {
          200: Health,
          ...healthErrors,
          503: Type.Union([Health, healthErrors[503]!], {
            description: 'degraded (the database does not answer or is behind), or SERVICE_UNAVAILABLE while closing',
          }),
        },
      },
    },
    async (request, reply) => {
      const detailed = await mayReadDetail(request);
      const schema = await probeDatabase();
      const databaseStatus = !schema ? 'unavailable' : schema.pending.length > 0 ? 'behind' : 'ok';
      const healthy = databaseStatus === 'ok';
      // Counting in the database while Redis is away still serves every request with exact limits, and a
      // Redis outage reaches every instance at once: a 503 would take them all out of rotation for nothing.
      const status = healthy && !limiter.degraded ? 'ok' : 'degraded';
      return reply.status(healthy ? 200 : 503).send({
        success: healthy,
        status,
        ...(detailed && { version: VERSION, environment: config.env }),
        database: {
          status: databaseStatus,
          dialect: database.dialect,
          schema_version: schema?.version ?? null,
          latest_schema_version: LATEST_SCHEMA_VERSION,
          ...(detailed && database.poolStats() && { pool: database.poolStats()! }),
        },
        sms: {
          enabled: sms.enabled,
          configured: sms.configured,
          available: sms.available,
          mode: sms.mode,
          ...(detailed && {
            provider: sms.provider.name,
            providers: sms.codes.routes.map(({ provider, breaker }, i) => {
              const queue = sms.queue.routes[i]!;
              return {
                name: provider.name,
                configured: provider.live,
                state: breaker.state(),
                queue_state: queue.breaker.state(),
                queue_rate_per_second: Math.round((queue.pacer?.ratePerSecond() ?? 0) * 10) / 10,
              };
            }),
            test_numbers: config.sms.testNumbers.length,
          }),
        },
        rate_limit: { store: limiter.store, status: limiter.degraded ? 'degraded' : 'ok' },
        events: { configured: eventsConfigured },
        telegram: {
          widget: { configured: config.telegram.botToken !== null },
          webapp: { configured: config.telegram.botToken !== null },
          oidc: { configured: config.telegram.oidc !== null },
          bot: { configured: config.telegram.bot !== null, updates: config.telegram.bot?.updates ?? 'off' },
        },
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
