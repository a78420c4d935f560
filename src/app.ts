import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { adminRoutes } from './admin/index.ts';
import type { Config } from './config/index.ts';
import { deriveKeys } from './crypto/keys.ts';
import { createDatabase, type DatabaseHandle } from './db/index.ts';
import { AppError } from './errors/app-error.ts';
import {
  answerOutsideRoutes,
  clientErrorHandler,
  frameworkErrorHandler,
  registerErrorHandler,
} from './errors/handler.ts';
import { healthRoutes, LivezSchema } from './health/routes.ts';
import { registerCors } from './http/cors.ts';
import { telegramRoutes } from './telegram/routes.ts';
import { telegramOidcRoutes } from './telegram/oidc-routes.ts';
import { telegramWebhookRoutes } from './telegram/bot/webhook-route.ts';
import { linkSignInRoutes } from './telegram/link-sign-in/routes.ts';
import { registerPolling } from './telegram/bot/run-polling.ts';
import { gatewayReportRoutes } from './sms/gateway-reports/routes.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { httpTimeouts } from './http/timeouts.ts';
import { createLogger, OneLinePerRequest } from './log/logger.ts';
import { metricsRoutes } from './metrics/routes.ts';
import { otpRoutes } from './otp/routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { createServices } from './services.ts';
import { introspectionRoutes } from './sessions/introspection-routes.ts';
import { createSessionCookie } from './sessions/cookie.ts';
import { sessionListRoutes } from './sessions/list-routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { wellKnownRoutes } from './signing-keys/routes.ts';
import { createRateLimiter, type RateLimiterOptions } from './rate-limit/create.ts';
import { alertLinkRoutes } from './alerts/link-routes.ts';
import { pageRoutes } from './pages/index.ts';
import { createPageSession } from './pages/page-session.ts';
import { loadPageAssets } from './pages/assets.ts';
import { consoleRoutes } from './pages/console/routes.ts';
import { pageSessionRoutes } from './pages/session-routes.ts';
import { pageTelegramRoutes } from './pages/telegram-routes.ts';
import { createOidcAccounts } from './oidc/accounts.ts';
import { providerSessionEnder } from './oidc/page-logout.ts';
import { oidcInteractionRoutes } from './oidc/interactions.ts';
import { createOidcProvider } from './oidc/provider.ts';
import { oidcProviderRoutes } from './oidc/routes.ts';
import { createStaffGuard } from './staff/guard.ts';
import { staffRoutes } from './staff/routes.ts';

/** What the alert queue's sends in flight get to finish when an app closes (one Bot API call's timeout). */
const QUEUE_STOP_GRACE_MS = 10_000;

export interface AppOptions {
  /** A database the caller owns and closes; otherwise one is opened from the config and closed with the app. */
  readonly database?: DatabaseHandle;
  /** The clock every expiry is measured against. Tests move it; production uses Date.now. */
  readonly now?: () => number;
  /** Where log lines go (stdout by default). */
  readonly logStream?: DestinationStream;
}

/**
 * Builds the whole service without listening: infrastructure first (database, counters, SMS), then the
 * domains, then the one error handler. Only `server.ts` listens; tests use `app.inject` or `listen(0)`.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  if (!config.authSecret) throw new Error('buildApp: config.authSecret is not set (see withAuthSecret)');
  const logger = createLogger(config, options.logStream);
  const requestLog = new OneLinePerRequest(config.phone.allowedCountries);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.http.bodyLimitBytes,
    ...httpTimeouts(config.http),
    // A hop count is valid at run time (proxy-addr) though Fastify's types omit it.
    trustProxy: config.http.trustProxy as boolean | string[],
    genReqId: () => randomUUID(),
    // One line per request, when it is answered, instead of Fastify's two.
    logController: requestLog,
    requestIdHeader: false,
    // Our own hook answers requests that arrive while closing, in the envelope (see below).
    return503OnClosing: false,
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler(requestLog),
    // Numbers where strings belong are refused rather than quietly turned into strings, and fields a schema
    // does not name are refused rather than dropped: the API reference says `additionalProperties: false`,
    // and a misspelt optional field must not pass as if it had not been sent.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });

  answerOutsideRoutes(app.server);

  const database = options.database ?? createDatabase(config.database);
  const limiterOptions: RateLimiterOptions = {
    database,
    redisUrl: config.redis.url,
    redisKeyPrefix: config.redis.keyPrefix,
    log: logger,
  };
  const limiter = createRateLimiter(limiterOptions);
  app.addHook('onClose', async () => {
    await limiter.close();
    if (!options.database) await database.close();
  });

  const keys = deriveKeys(config.authSecret);
  const services = createServices({
    config,
    database,
    limiter,
    keys,
    log: logger,
    now: options.now ?? Date.now,
  });

  // Registered before `serve` adds its hook that stops the queue, so it runs after it (Fastify runs onClose
  // hooks last-added first): sends in flight finish before their connections close.
  app.addHook('onClose', () => services.sms.close());
  app.addHook('onClose', () => services.events.close());
  // `serve` starts the queue's worker and poller; tests drive them through this.
  app.decorate('smsQueue', services.smsQueue);
  // The restocks' fan-out: `serve` starts and stops it with the queue; tests drive it through this.
  app.decorate('alertFanOut', services.alertFanOut);
  // Read before the first request, so that signing a token costs no database round trip; reread on a timer.
  app.decorate('signingKeys', services.signingKeys);
  app.addHook('onReady', () => services.signingKeys.start());
  app.addHook('onClose', async () => services.signingKeys.stop());
  // The recorder other domains write their events with, and the outbox (tests read both through this).
  app.decorate('events', services.events);
  // The bot learns who it is and lists its commands once the app is ready, in the background: a Telegram that
  // cannot be reached never stops the service from starting. With updates off nothing reaches out.
  const telegramBot = services.telegramBot;
  app.decorate('telegramBot', telegramBot);
  if (telegramBot && telegramBot.config.updates !== 'off') {
    app.addHook('onReady', async () => void telegramBot.start());
    app.addHook('onClose', async () => telegramBot.stop());
  }
  // `serve` starts the alert queue's worker with the SMS queue's; tests drive it through this. Stopping it is
  // idempotent: `serve` stops it before the database closes, and this covers an app closed without `serve`.
  const telegramQueue = services.telegramQueue;
  app.decorate('telegramQueue', telegramQueue);
  if (telegramQueue) app.addHook('onClose', () => telegramQueue.stop(QUEUE_STOP_GRACE_MS));
  // What the Telegram bot's features use: sign-in and linking through t.me links, and the message templates.
  app.decorate('telegramLinkSignIn', services.telegramLinkSignIn);
  app.decorate('templateRenderer', services.renderer);
  // Held polls answer their current state at once, so closing does not wait out their 25 s.
  app.addHook('preClose', async () => services.telegramLinkSignIn.close());
  // With TELEGRAM_UPDATES=polling, one instance at a time asks Telegram for the updates (telegram/bot/polling.ts).
  if (telegramBot?.config.updates === 'polling') {
    registerPolling(app, {
      config: telegramBot.config,
      database,
      updates: telegramBot.updates,
      log: logger,
      now: options.now ?? Date.now,
    });
  }
  registerErrorHandler(app);
  // Only JSON bodies are part of the API; Fastify's built-in text/plain parser would let them through.
  app.removeContentTypeParser('text/plain');
  // Nothing is cached unless its route says so (the public signing keys do).
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  registerSecurityHeaders(app);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('SERVICE_UNAVAILABLE');
  });
  await registerCors(app, config.browser);
  // Cookies are read for the session cookie and for the browser binding of a sign-in with Telegram's OpenID
  // Connect; without either no request's cookies are looked at.
  if (config.browser.sessionCookie || config.telegram.oidc) await app.register(fastifyCookie);
  await registerOpenApi(app);
  app.get('/livez', { schema: LivezSchema }, async () => ({ success: true as const }));
  // Staff sign in with their own access token: the admin API and the console read it, and health shows its
  // detail to a role with providers:read.
  const staffGuard = createStaffGuard({ sessions: services.sessions, staff: services.staff });
  await app.register(healthRoutes, {
    prefix: '/api/v1/otp',
    config,
    database,
    sms: services.sms,
    limiter,
    apiKeys: services.apiKeys,
    staffScopes: async (request) => (await staffGuard.identify(request)).scopes,
    eventsConfigured: services.events.configured,
  });
  const cookie = createSessionCookie(config);
  // The hosted pages' own sign-in (pages/page-session.ts), beside the API's cookie.
  const pageSession = createPageSession(config, services.sessions);
  // Read once, at start: the pages' stylesheets, scripts and font (a missing file fails the start).
  const pageAssets = loadPageAssets();
  await app.register(otpRoutes, { prefix: '/api/v1/otp', flows: services.flows, sessions: services.sessions, cookie });
  await app.register(sessionRoutes, {
    prefix: '/api/v1/auth',
    sessions: services.sessions,
    users: services.users,
    cookie,
    telegram: services.telegramAccounts,
    now: options.now ?? Date.now,
  });
  await app.register(introspectionRoutes, {
    prefix: '/api/v1/auth',
    sessions: services.sessions,
    apiKeys: services.apiKeys,
  });
  await app.register(telegramRoutes, {
    prefix: '/api/v1/telegram',
    logins: services.telegramLogins,
    accounts: services.telegramAccounts,
    sessions: services.sessions,
    cookie,
  });
  await app.register(telegramOidcRoutes, {
    prefix: '/api/v1/telegram',
    config,
    flow: services.telegramOidc,
    sessions: services.sessions,
    cookie,
    charge: services.telegramLogins.charge,
  });
  await app.register(telegramWebhookRoutes, { prefix: '/api/v1/telegram', bot: telegramBot });
  await app.register(linkSignInRoutes, {
    prefix: '/api/v1/telegram',
    linkSignIn: services.telegramLinkSignIn,
    sessions: services.sessions,
    cookie,
  });
  await app.register(gatewayReportRoutes, { prefix: '/api/v1/telegram', reports: services.gatewayReports });
  // The links in alert messages (/s/ stop, /c/ click): pages for a browser, outside the API.
  await app.register(alertLinkRoutes, { links: services.alertLinks });
  // The hosted sign-in page and its assets: pages for a browser, outside the API.
  await app.register(pageRoutes, { config, assets: pageAssets, pageSession });
  await app.register(pageSessionRoutes, {
    flows: services.flows,
    pageSession,
    onLogout: providerSessionEnder({ db: database.db, now: options.now ?? Date.now }),
  });
  await app.register(pageTelegramRoutes, {
    pageSession,
    linkSignIn: services.telegramLinkSignIn,
    flow: services.telegramOidc,
    charge: services.telegramLogins.charge,
  });
  await app.register(wellKnownRoutes, { ring: services.signingKeys });
  // The OpenID Connect provider under /oidc, and the discovery document it shares with the API's tokens.
  const oidcAccounts = createOidcAccounts(database.db, async (userId) => {
    // The user's open sessions, as their sessions list shows them (none is "current" here).
    const open = await services.sessions.list({ userId, sessionId: '' });
    return open.length > 0;
  });
  const oidc = createOidcProvider({
    config,
    db: database.db,
    ring: services.signingKeys,
    cookieKey: keys.oidcCookie,
    accounts: oidcAccounts,
    assets: pageAssets,
    pageSession,
    log: logger,
    now: options.now ?? Date.now,
  });
  // Built once the keys are read (onReady above), so that the first sign-in does not wait for it; a database
  // away at start is not fatal here either: the first request builds it.
  app.addHook('onReady', async () => {
    await oidc.current().catch((error: unknown) => logger.warn({ err: error }, 'the OpenID Connect provider waits'));
  });
  await app.register(oidcProviderRoutes, { oidc });
  await app.register(oidcInteractionRoutes, {
    config,
    oidc,
    pageSession,
    accounts: oidcAccounts,
    now: options.now ?? Date.now,
  });
  await app.register(sessionListRoutes, { prefix: '/api/v1/auth', sessions: services.sessions, cookie });
  await app.register(consoleRoutes, { config, assets: pageAssets, pageSession, staff: services.staff });
  await app.register(adminRoutes, {
    prefix: '/api/v1/admin',
    staffOf: staffGuard.identify,
    apiKeys: services.apiKeys,
    smsLogs: services.smsLogs,
    smsProviders: services.smsProviders,
    smsSend: services.smsQueue.send,
    smsCancel: services.smsQueue.cancel,
    audit: services.audit,
    templates: services.templates,
    users: services.userAdmin,
    allowedCountries: config.phone.allowedCountries,
    events: services.events,
    alerts: services.alerts,
    now: options.now ?? Date.now,
    stock: services.stockReports,
    db: database.db,
    isProduction: config.isProduction,
    oidcClients: services.oidcClients,
  });
  await app.register(alertRoutes, { prefix: '/api/v1', alerts: services.alerts, sessions: services.sessions });
  // The admin console's routes: a staff member's own access token, and the scopes of their role.
  await app.register(staffRoutes, { prefix: '/api/v1/staff', guard: staffGuard });
  app.decorate('metrics', services.metrics);
  // With METRICS_PORT, server.ts serves /metrics on a loopback listener of its own (metrics/listener.ts).
  if (config.metrics.enabled && config.metrics.port === undefined) {
    await app.register(metricsRoutes, { metrics: services.metrics, token: config.metrics.token });
  } else if (config.metrics.withheld) {
    app.log.warn('/metrics is off: in production set METRICS_TOKEN, or METRICS_PORT to serve it on 127.0.0.1 only');
  }
  return app;
}
