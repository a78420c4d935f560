import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, type RequireScope } from '../admin/auth.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { listRestocks } from './restocks.ts';
import type { StockReports } from './stock.ts';
import {
  ProductParams,
  RestockList,
  RestockQuery,
  StockBody,
  StockRecordedBody,
  restockView,
} from './stock-schemas.ts';

export interface StockRouteOptions {
  readonly stock: StockReports;
  readonly db: Kysely<Database>;
  /** Production accepts https product links only. */
  readonly isProduction: boolean;
  readonly requireScope: RequireScope;
}

/** A product link the alert may lead to: http or https (https only in production). */
function checkUrl(url: string, isProduction: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('VALIDATION_ERROR', 'url must be an absolute http or https URL');
  }
  const allowed = isProduction ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(parsed.protocol)) {
    throw new AppError('VALIDATION_ERROR', isProduction ? 'url must be https' : 'url must be http or https');
  }
}

/** Stock reports and restocks over the admin API; mounted under /api/v1/admin, behind its key check. */
export const stockRoutes: FastifyPluginAsyncTypebox<StockRouteOptions> = async (app, options) => {
  const { stock, db, requireScope } = options;

  app.put(
    '/products/:product_id/stock',
    {
      preHandler: requireScope('alerts:write'),
      schema: {
        tags: ['admin'],
        security: AdminKeyAuth,
        summary: "Reports a product's stock; a change from none to some starts a restock; scope alerts:write",
        description:
          'Records the quantity (0 or less: out of stock; report backorderable items as 0). When the product ' +
          'had none (never reported, or 0 or less) and now has some, a restock is written in the same ' +
          'transaction and its subscribers are notified in the background, oldest first, at most quantity ' +
          'times ALERTS_PER_UNIT of them. Safe to repeat: the same report twice, or concurrent reports, make ' +
          'one restock.',
        params: ProductParams,
        body: StockBody,
        response: responses(200, StockRecordedBody, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS]),
      },
    },
    async ({ params, body }) => {
      if (body.url !== undefined) checkUrl(body.url, options.isProduction);
      const recorded = await stock.report({
        productId: params.product_id,
        variantId: body.variant_id ?? '',
        quantity: body.quantity,
        name: body.name,
        url: body.url,
      });
      return {
        success: true as const,
        product_id: recorded.productId,
        variant_id: recorded.variantId === '' ? null : recorded.variantId,
        quantity: recorded.quantity,
        restock: recorded.restock && { id: recorded.restock.id, notify_limit: recorded.restock.notifyLimit },
      };
    },
  );

  app.get(
    '/products/:product_id/restocks',
    {
      preHandler: requireScope('alerts:read'),
      schema: {
        tags: ['admin'],
        security: AdminKeyAuth,
        summary: "A product's restocks, newest first, with what came of their alerts; scope alerts:read",
        description:
          'delivered counts SMS the provider took or reported delivered (sent, delivered) and Telegram ' +
          'messages Telegram accepted (sent); clicked counts alerts whose link was opened.',
        params: ProductParams,
        querystring: RestockQuery,
        response: responses(200, RestockList, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ params, query }) => {
      const limit = query.limit === undefined ? 20 : Number(query.limit);
      const rows = await listRestocks(db, params.product_id, query.variant_id, limit);
      return { success: true as const, restocks: rows.map(restockView) };
    },
  );
};
