import type { Logger } from 'pino';
import { createProviderReport } from './admin/sms-providers.ts';
import { createApiKeyRepository } from './api-keys/repository.ts';
import { createApiKeyService } from './api-keys/service.ts';
import { createAuditRepository } from './audit/repository.ts';
import type { Config } from './config/index.ts';
import type { Keys } from './crypto/keys.ts';
import type { DatabaseHandle } from './db/index.ts';
import { createMetrics } from './metrics/metrics.ts';
import { dailyCeilingAlarm } from './otp/daily-ceiling.ts';
import { otpRules } from './otp/limits.ts';
import { createPhoneChangeNotice } from './otp/phone-change-notice.ts';
import { createPhoneFlows } from './otp/phone-flows.ts';
import { createOtpRepository } from './otp/repository.ts';
import { createOtpService } from './otp/service.ts';
import { createCodeWrites } from './otp/writes/index.ts';
import { reportingRejections } from './rate-limit/counted.ts';
import type { RateLimiter } from './rate-limit/limiter.ts';
import { createSessionRepository } from './sessions/repository.ts';
import { createSessionService } from './sessions/service.ts';
import { createAccessTokens } from './sessions/tokens.ts';
import { createKeyRing } from './signing-keys/ring.ts';
import { createSigningKeyRepository } from './signing-keys/repository.ts';
import { createSigningKeyService } from './signing-keys/service.ts';
import { createSmsLogRepository } from './sms/log-repository.ts';
import { createCodeSender } from './sms/sender.ts';
import { createSmsQueue, deliveryPolling } from './sms/queue/index.ts';
import { createGatewayReports } from './sms/gateway-reports/service.ts';
import { createPollRepository } from './sms/queue/poll-repository.ts';
import { createSmsSetup } from './sms/setup.ts';
import { createTemplateCache } from './templates/cache.ts';
import { createTemplateRenderer } from './templates/renderer.ts';
import { createTemplateRepository } from './templates/repository.ts';
import { createTemplateService } from './templates/service.ts';
import { createUserRepository } from './users/repository.ts';
import { createUserAdmin } from './users/service.ts';
import { createEvents } from './events/index.ts';
import { createTelegramAccounts } from './telegram/accounts.ts';
import { createTelegramLogins } from './telegram/logins.ts';
import { createTelegramLinkNotice } from './telegram/link-notice.ts';
import { createTelegramOidc } from './telegram/oidc/client.ts';
import { createTelegramOidcFlow } from './telegram/oidc/flow.ts';
import { createLinkSignIn } from './telegram/link-sign-in/service.ts';
import { createLinkTokenRepository } from './telegram/link-sign-in/repository.ts';
import { createPollWatcher } from './telegram/link-sign-in/watcher.ts';
import { createBotCodeRoute } from './telegram/bot/code-route.ts';
import { createTelegramContacts } from './telegram/contact.ts';
import { createTelegramBot } from './telegram/bot/bot.ts';
import { createAlerts } from './alerts/service.ts';
import { createTelegramQueue } from './alerts/telegram-queue/index.ts';
import { createAlertLinks } from './alerts/links.ts';
import { createFanOut } from './alerts/fan-out.ts';
import { createStockReports } from './alerts/stock.ts';
import { createStaff } from './staff/service.ts';
import { createClientRepository } from './oidc/client-repository.ts';
import { createOidcClients } from './oidc/clients.ts';

export interface Infrastructure {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly limiter: RateLimiter;
  readonly keys: Keys;
  readonly log: Logger;
  readonly now: () => number;
}

/** Wires the domains onto the infrastructure. Each piece gets only what it uses. */
export function createServices({ config, database, limiter, keys, log, now }: Infrastructure) {
  const { db } = database;
  const metrics = createMetrics({
    rateLimitDegraded: () => limiter.degraded,
    databasePool: () => database.poolStats(),
  });
  const sms = createSmsSetup(config, { log, now, events: metrics });
  const events = createEvents({ config, database, log, metrics, now });
  const users = createUserRepository(db);
  const smsLogs = createSmsLogRepository(db, now, deliveryPolling(sms, config), {
    database,
    events: events.recorder,
  });
  const templateRepository = createTemplateRepository(db);
  const templateCache = createTemplateCache({ load: templateRepository.all, now });
  const renderer = createTemplateRenderer(templateCache);
  const templates = createTemplateService({
    templates: templateRepository,
    cache: templateCache,
    now,
    maxParts: config.sms.maxParts,
    codeFill: {
      codeLength: config.otp.length,
      minutes: Math.max(1, Math.ceil(config.otp.ttlSeconds / 60)),
      webOtpDomain: config.otp.webOtpDomain,
    },
  });
  const sender = createCodeSender({
    sms,
    templates: renderer,
    log,
    deadlineMs: config.sms.otpDeadlineMs,
    testNumbers: config.sms.testNumbers,
    webOtpDomain: config.otp.webOtpDomain,
    events: metrics,
    viaTelegram: createBotCodeRoute(config, { db, log, now, events: metrics }),
  });
  const rules = otpRules(config, keys.rateLimitPhone);
  const ceilingReached = dailyCeilingAlarm({ rule: rules.dailyTotal, log, metrics, now });
  const codes = createOtpRepository(db);
  const sessionRepository = createSessionRepository(db);
  const writes = createCodeWrites(
    database,
    { codes, logs: smsLogs, users, sessions: sessionRepository },
    events.recorder,
  );
  const otp = createOtpService({
    config,
    keys,
    codes,
    writes,
    log,
    limiter: reportingRejections(limiter, (rule, retryAfterSeconds) => {
      metrics.rateLimitRejection(rule.name);
      ceilingReached(rule, retryAfterSeconds);
    }),
    rules,
    sender,
    now,
  });
  const signingKeys = createKeyRing({
    service: createSigningKeyService({
      keys: createSigningKeyRepository(db),
      sealKey: keys.signingKeySeal,
      accessTtlSeconds: config.tokens.accessTtlSeconds,
      now,
    }),
    sealKey: keys.signingKeySeal,
    accessTtlSeconds: config.tokens.accessTtlSeconds,
    log,
    now,
  });
  const sessions = createSessionService({
    config: config.tokens,
    sessions: sessionRepository,
    tokens: createAccessTokens({ ring: signingKeys, legacySecret: keys.accessToken, config: config.tokens, now }),
    log,
    now,
  });
  const smsQueue = createSmsQueue({
    config,
    database,
    sms,
    renderer,
    log,
    now,
    events: metrics,
    limiter: reportingRejections(limiter, (rule) => metrics.rateLimitRejection(rule.name)),
    outbox: { recorder: events.recorder, worker: events.worker },
  });
  const notifyPhoneChanged = createPhoneChangeNotice({ send: smsQueue.send.send, log });
  const flows = createPhoneFlows({
    config,
    otp,
    writes,
    users,
    sessions,
    metrics,
    notifyPhoneChanged,
    events: events.recorder,
    now,
  });
  const apiKeys = createApiKeyService({ keys: createApiKeyRepository(db), now });
  const smsProviders = createProviderReport({
    lanes: sms,
    logs: smsLogs,
    timeoutMs: config.sms.timeoutMs,
    now,
  });
  const audit = createAuditRepository(db);
  const userAdmin = createUserAdmin({
    db,
    sessions: sessionRepository,
    events: events.recorder,
    lockRows: database.dialect === 'postgres',
    now,
  });
  const notifyJoined = createTelegramLinkNotice({
    send: smsQueue.send.send,
    limiter: reportingRejections(limiter, (rule) => metrics.rateLimitRejection(rule.name)),
    phoneKey: rules.phoneKey,
    log,
  });
  const telegramAccounts = createTelegramAccounts({
    db,
    sessions,
    sessionRows: sessionRepository,
    events: events.recorder,
    notifyJoined,
    now,
  });
  // A number shared with the bot (features/phone.ts): the same account rules, the same notice.
  const telegramContacts = createTelegramContacts({
    db,
    events: events.recorder,
    allowedCountries: config.phone.allowedCountries,
    notifyJoined,
    now,
  });
  const telegramLogins = createTelegramLogins({
    config,
    accounts: telegramAccounts,
    limiter: reportingRejections(limiter, (rule) => metrics.rateLimitRejection(rule.name)),
    now,
  });
  const oidc = config.telegram.oidc;
  const telegramOidc = createTelegramOidcFlow({
    config,
    db,
    client: oidc ? createTelegramOidc(oidc, { now, log }) : null,
    accounts: telegramAccounts,
    pkceKey: keys.telegramPkce,
    now,
  });
  const linkTokens = createLinkTokenRepository(db);
  const telegramLinkSignIn = createLinkSignIn({
    config,
    tokens: linkTokens,
    accounts: telegramAccounts,
    watcher: createPollWatcher({ read: linkTokens.statuses }),
    charge: telegramLogins.charge,
    now,
  });
  const botConfig = config.telegram.bot;
  const alerts = createAlerts({ db, botConfigured: botConfig !== null, now });
  const telegramBot = botConfig
    ? createTelegramBot({
        config: botConfig,
        db,
        renderer,
        log,
        now,
        features: {
          linkSignIn: telegramLinkSignIn,
          contacts: telegramContacts,
          alerts: { service: alerts, shopName: config.telegram.shopName },
        },
      })
    : null;
  // The alerts' Telegram messages go out through the bot's token, paced for every instance by the limiter.
  const telegramQueue =
    botConfig && telegramBot
      ? createTelegramQueue({
          database,
          bot: botConfig,
          reach: telegramBot.reach,
          limiter,
          perSecond: config.alerts.telegramPerSecond,
          log,
          now,
        })
      : null;
  const alertLinks = createAlertLinks({ db, secret: keys.alertLink, now });
  // Back-in-stock alerts: a stock report that restocks a product wakes the fan-out, which queues SMS on the
  // queue above (and wakes its worker) and Telegram messages for the bot.
  const testNumbers = new Set(config.sms.testNumbers.map(({ phoneNumber }) => phoneNumber));
  const alertFanOut = createFanOut({
    database,
    renderer,
    events: events.recorder,
    now,
    log,
    links: { issuer: config.tokens.issuer, secret: keys.alertLink },
    quietHours: config.alerts.quietHours,
    timeZone: config.alerts.timeZone,
    sms: { provider: sms.provider.name, isTestNumber: (to) => testNumbers.has(to) },
    telegramBot: config.telegram.bot !== null,
    wakeSms: () => smsQueue.worker.wake(),
  });
  const stockReports = createStockReports({
    database,
    perUnit: config.alerts.perUnit,
    now,
    restocked: () => alertFanOut.wake(),
  });
  const gatewayReports = createGatewayReports({
    token: config.sms.telegramGateway.token,
    polls: createPollRepository(database, now, events.recorder),
    now,
    events: metrics,
  });
  const staff = createStaff({ db, lockRows: database.dialect === 'postgres', now });
  const oidcClients = createOidcClients({ clients: createClientRepository(db), now });
  return {
    sms,
    smsLogs,
    gatewayReports,
    smsQueue,
    smsProviders,
    users,
    sessions,
    signingKeys,
    userAdmin,
    flows,
    apiKeys,
    metrics,
    renderer,
    templates,
    audit,
    events,
    telegramAccounts,
    telegramContacts,
    telegramLogins,
    telegramOidc,
    telegramLinkSignIn,
    telegramBot,
    alerts,
    telegramQueue,
    alertLinks,
    alertFanOut,
    stockReports,
    staff,
    oidcClients,
  };
}
