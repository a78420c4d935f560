import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { BearerAuth, responses } from '../http/schemas.ts';
import type { SessionService } from '../sessions/service.ts';
import { decodeMyCursor, encodeMyCursor } from './cursor.ts';
import {
  AlertCancelled,
  AlertPage,
  AlertParams,
  MyAlertsQuery,
  SubscribeBody,
  Subscribed,
  alertView,
} from './schemas.ts';
import { requestLocale, type Alerts } from './service.ts';

/** The signed-in user's own back-in-stock alerts, under /api/v1 (/alerts). */
export const alertRoutes: FastifyPluginAsyncTypebox<{ alerts: Alerts; sessions: SessionService }> = async (
  app,
  { alerts, sessions },
) => {
  const tags = ['alerts'];

  app.post(
    '/alerts',
    {
      schema: {
        tags,
        summary: 'Asks to be told, once, when a product is back in stock, by SMS and/or Telegram',
        description:
          'Safe to repeat: each channel has at most one active alert per product and variant, and asking again ' +
          'answers the same alerts (200, created false); 201 when this request created any. All channels or ' +
          'none: 409 ALERT_CHANNEL_UNAVAILABLE (with `channel`) when one cannot reach the user. The alert goes ' +
          "out in the user's stored locale, else the language of Accept-Language (fa or en), else fa.",
        security: BearerAuth,
        body: SubscribeBody,
        response: {
          ...responses(200, Subscribed, [
            ...BODY_ERRORS,
            'UNAUTHORIZED',
            'USER_BLOCKED',
            'ALERT_CHANNEL_UNAVAILABLE',
            'DATABASE_UNAVAILABLE',
          ]),
          201: Subscribed,
        },
      },
    },
    async (request, reply) => {
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const { product_id, variant_id, channels } = request.body;
      const done = await alerts.subscribe(
        userId,
        { productId: product_id, variantId: variant_id ?? '', channels },
        requestLocale(request.headers['accept-language']),
      );
      if (!done) throw new AppError('UNAUTHORIZED');
      const created = done.created > 0;
      const body = { success: true as const, created, alerts: done.alerts.map(alertView) };
      return created ? reply.status(201).send(body) : body;
    },
  );

  app.get(
    '/alerts',
    {
      schema: {
        tags,
        summary: "The signed-in user's alerts: active ones first, then notified and cancelled, newest first",
        security: BearerAuth,
        querystring: MyAlertsQuery,
        response: responses(200, AlertPage, ['UNAUTHORIZED', 'VALIDATION_ERROR', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const { query } = request;
      const after = query.cursor === undefined ? undefined : decodeMyCursor(query.cursor);
      if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
      const limit = query.limit === undefined ? 20 : Number(query.limit);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await alerts.listMine(userId, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const more = rows.length > limit && last;
      return {
        success: true as const,
        alerts: page.map(alertView),
        next_cursor: more
          ? encodeMyCursor({ active: last.status === 'active', createdAt: last.created_at, id: last.id })
          : null,
      };
    },
  );

  app.delete(
    '/alerts/:id',
    {
      schema: {
        tags,
        summary: 'Cancels one of your alerts',
        description:
          'Cancelling again, or an alert already notified, answers 200 with cancelled false. Another ' +
          "user's alert is 404 NOT_FOUND, as an id that does not exist.",
        security: BearerAuth,
        params: AlertParams,
        response: responses(200, AlertCancelled, [...BODY_ERRORS, 'UNAUTHORIZED', 'NOT_FOUND', 'DATABASE_UNAVAILABLE']),
      },
    },
    async (request) => {
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const done = await alerts.cancelMine(userId, request.params.id);
      if (!done) throw new AppError('NOT_FOUND', 'No alert of yours with this id');
      return { success: true as const, cancelled: done.cancelled, alert: alertView(done.alert) };
    },
  );
};
