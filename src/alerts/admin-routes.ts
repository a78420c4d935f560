import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestActor, requestKey, type RequireScope } from '../admin/auth.ts';
import { keyActor } from '../audit/actor.ts';
import { decodeCursor, encodeCursor } from '../db/list-cursor.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { parseMobile } from '../phone/parse.ts';
import type { AlertFilter } from './repository.ts';
import {
  AdminAlertCancelled,
  AdminAlertPage,
  AdminAlertsQuery,
  AdminSubscribeBody,
  AdminSubscribed,
  AlertParams,
  ProductAlertCounts,
  ProductParams,
  adminAlertView,
  productCountsView,
} from './schemas.ts';
import { requestLocale, type AlertHolder, type Alerts } from './service.ts';

export interface AlertAdminOptions {
  readonly alerts: Alerts;
  /** PHONE_ALLOWED_COUNTRIES, for the numbers the routes take. */
  readonly allowedCountries: readonly string[];
  readonly requireScope: RequireScope;
}

/** Back-in-stock alerts over the admin API; mounted under /api/v1/admin, behind its key check. */
export const alertAdminRoutes: FastifyPluginAsyncTypebox<AlertAdminOptions> = async (app, options) => {
  const { alerts, allowedCountries, requireScope } = options;
  const canonical = (typed: string) => {
    const parsed = parseMobile(typed, allowedCountries);
    if (!parsed) throw new AppError('INVALID_PHONE');
    return parsed.e164;
  };
  const tags = ['admin'];

  app.post(
    '/alerts',
    {
      preHandler: requireScope('alerts:write'),
      schema: {
        tags,
        security: AdminKeyAuth,
        summary: 'Subscribes a user to a back-in-stock alert, for the shop; scope alerts:write',
        description:
          'For a guest who proved a number on the product page: name the user by exactly one of phone_number ' +
          '(a number without a user gets one, as POST /users creates it, and user_created is true), external_id ' +
          'or user_id. Safe to repeat: 201 when any alert was created, else 200 with the same alerts. All ' +
          'channels or none (409 ALERT_CHANNEL_UNAVAILABLE with `channel`). A blocked user is 403 ' +
          'USER_BLOCKED. Audited as alert.subscribe (and user.create for a new user).',
        body: AdminSubscribeBody,
        response: {
          ...responses(200, AdminSubscribed, [
            ...ADMIN_SCOPE_ERRORS,
            ...BODY_ERRORS,
            'INVALID_PHONE',
            'NOT_FOUND',
            'USER_BLOCKED',
            'ALERT_CHANNEL_UNAVAILABLE',
          ]),
          201: AdminSubscribed,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const done = await alerts.subscribeFor(
        holderOf(body, canonical),
        { productId: body.product_id, variantId: body.variant_id ?? '', channels: body.channels },
        requestLocale(request.headers['accept-language']),
        keyActor(requestKey(request)),
      );
      const created = done.created > 0;
      const answer = {
        success: true as const,
        created,
        user_created: done.userCreated,
        user_id: done.user.id,
        alerts: done.alerts.map(adminAlertView),
      };
      return created ? reply.status(201).send(answer) : answer;
    },
  );

  app.get(
    '/alerts',
    {
      preHandler: requireScope('alerts:read'),
      schema: {
        tags,
        security: AdminKeyAuth,
        summary: 'Alerts, newest first, filtered and paged by cursor; scope alerts:read',
        description: 'Filters combine: phone_number (as typed), external_id, user_id, product_id, status.',
        querystring: AdminAlertsQuery,
        response: responses(200, AdminAlertPage, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'INVALID_PHONE']),
      },
    },
    async ({ query }) => {
      const filter = alertFilter(query, canonical);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await alerts.list({ ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      const more = rows.length > filter.limit && last;
      return {
        success: true as const,
        alerts: page.map(adminAlertView),
        next_cursor: more ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.delete(
    '/alerts/:id',
    {
      preHandler: requireScope('alerts:write'),
      schema: {
        tags,
        security: AdminKeyAuth,
        summary: 'Cancels an alert (reason admin); scope alerts:write',
        description:
          'An alert already notified or cancelled is answered as it is, with cancelled false. Audited as ' +
          "alert.cancel, by the key or the staff member (the console's) who cancelled it.",
        params: AlertParams,
        response: responses(200, AdminAlertCancelled, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'NOT_FOUND']),
      },
    },
    async (request) => {
      const done = await alerts.cancelByAdmin(request.params.id, requestActor(request));
      if (!done) throw new AppError('NOT_FOUND', 'No alert with this id');
      return { success: true as const, cancelled: done.cancelled, alert: adminAlertView(done.alert) };
    },
  );

  app.get(
    '/products/:product_id/alerts',
    {
      preHandler: requireScope('alerts:read'),
      schema: {
        tags,
        security: AdminKeyAuth,
        summary: "A product's subscribers: active per variant and channel, and how many were notified or cancelled",
        description: 'A product nobody subscribed to answers an empty list. Scope alerts:read.',
        params: ProductParams,
        response: responses(200, ProductAlertCounts, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ params }) => ({
      success: true as const,
      product_id: params.product_id,
      variants: productCountsView(await alerts.productCounts(params.product_id)),
    }),
  );
};

/** The one user the body names. */
function holderOf(body: Static<typeof AdminSubscribeBody>, canonical: (typed: string) => string): AlertHolder {
  const named = [body.phone_number, body.external_id, body.user_id].filter((value) => value !== undefined);
  if (named.length !== 1) {
    throw new AppError('VALIDATION_ERROR', 'Name the user with exactly one of phone_number, external_id or user_id');
  }
  if (body.user_id !== undefined) return { userId: body.user_id };
  if (body.external_id !== undefined) return { externalId: body.external_id };
  return { phoneNumber: canonical(body.phone_number!) };
}

/** The listing's querystring, already checked against AdminAlertsQuery, as a repository filter. */
function alertFilter(query: Static<typeof AdminAlertsQuery>, canonical: (typed: string) => string): AlertFilter {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
  return {
    phoneNumber: query.phone_number === undefined ? undefined : canonical(query.phone_number),
    externalId: query.external_id,
    userId: query.user_id,
    productId: query.product_id,
    status: query.status,
    after,
    limit: query.limit === undefined ? 20 : Number(query.limit),
  };
}
