import type { StaffAccess } from '../staff/service.ts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { apiKeyRoutes } from '../api-keys/routes.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import type { SmsLogRepository } from '../sms/log-repository.ts';
import type { CancelService } from '../sms/queue/cancel-service.ts';
import type { SendService } from '../sms/queue/send-service.ts';
import { auditRoutes } from '../audit/routes.ts';
import type { AuditRepository } from '../audit/repository.ts';
import { templateAdminRoutes } from '../templates/admin-routes.ts';
import type { TemplateService } from '../templates/service.ts';
import { userAdminRoutes } from '../users/admin-routes.ts';
import type { UserAdmin } from '../users/service.ts';
import { createAdminAuth } from './auth.ts';
import type { ProviderReport } from './sms-providers.ts';
import { smsAdminRoutes } from './sms-routes.ts';
import { createSmsStats } from './sms-stats.ts';
import { eventAdminRoutes } from '../events/routes.ts';
import type { Events } from '../events/index.ts';
import { alertAdminRoutes } from '../alerts/admin-routes.ts';
import type { Alerts } from '../alerts/service.ts';
import { stockRoutes } from '../alerts/stock-routes.ts';
import type { StockReports } from '../alerts/stock.ts';
import { oidcClientAdminRoutes } from '../oidc/admin-routes.ts';
import type { OidcClients } from '../oidc/clients.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface AdminOptions {
  readonly apiKeys: ApiKeyService;
  readonly smsLogs: SmsLogRepository;
  readonly smsProviders: ProviderReport;
  /** Queues the shop's own messages (POST /sms/send). */
  readonly smsSend: SendService;
  /** Cancels a queued message (DELETE /sms/messages/:id). */
  readonly smsCancel: CancelService;
  /** The audit trail of admin changes (GET /audit). */
  readonly audit: AuditRepository;
  readonly templates: TemplateService;
  /** The shop's users (/users). */
  readonly users: UserAdmin;
  /** PHONE_ALLOWED_COUNTRIES, for filters that take a phone number. */
  readonly allowedCountries: readonly string[];
  /** Events sent to the shop (GET /events, POST /events/:id/redeliver). */
  readonly events: Pick<Events, 'repository' | 'wake'>;
  /** Back-in-stock alerts (/alerts, /products/:product_id/alerts). */
  readonly alerts: Alerts;
  readonly now: () => number;
  /** Stock reports (PUT /products/:id/stock) and the database the restock figures are read from. */
  readonly stock: StockReports;
  readonly db: Kysely<Database>;
  readonly isProduction: boolean;
  /** The OpenID Connect clients (/oidc/clients). */
  readonly oidcClients: OidcClients;
  /** The staff member a console request's access token belongs to (staff/guard.ts). */
  readonly staffOf: (request: FastifyRequest) => Promise<StaffAccess>;
}

/**
 * The admin API, registered at /api/v1/admin: for a shop's backend with an API key, and for the admin console
 * with a staff member's access token. Every route in it needs a valid credential (checked once per request,
 * before the body is read); each route adds `preHandler: requireScope(...)` for the scope it needs. Admin
 * routes of other domains register here and receive `requireScope`.
 */
export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const { apiKeys, smsLogs, smsProviders, allowedCountries } = options;
  const { authenticate, requireScope } = createAdminAuth(apiKeys, options.staffOf);
  app.addHook('onRequest', authenticate);
  await app.register(apiKeyRoutes, { apiKeys, requireScope });
  await app.register(smsAdminRoutes, {
    logs: smsLogs,
    providers: smsProviders,
    stats: createSmsStats({ logs: smsLogs, now: options.now }),
    send: options.smsSend,
    cancel: options.smsCancel,
    allowedCountries,
    requireScope,
  });
  await app.register(templateAdminRoutes, { templates: options.templates, requireScope });
  await app.register(auditRoutes, { audit: options.audit, requireScope });
  await app.register(userAdminRoutes, { users: options.users, allowedCountries, requireScope });
  await app.register(eventAdminRoutes, {
    events: options.events.repository,
    wake: options.events.wake,
    now: options.now,
    requireScope,
  });
  await app.register(alertAdminRoutes, { alerts: options.alerts, allowedCountries, requireScope });
  await app.register(stockRoutes, {
    stock: options.stock,
    db: options.db,
    isProduction: options.isProduction,
    requireScope,
  });
  await app.register(oidcClientAdminRoutes, { clients: options.oidcClients, requireScope });
};
