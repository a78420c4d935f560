import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, requestActor, type RequireScope } from '../admin/auth.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import {
  OneTemplate,
  PreviewBody,
  SavedTemplate,
  TEMPLATE_PAGE_SIZE,
  TemplateBody,
  TemplateDeleted,
  TemplateList,
  TemplateListQuery,
  TemplateParams,
  TemplatePreviewAnswer,
  templateView,
} from './schemas.ts';
import { DEFAULT_LOCALE } from './locale.ts';
import type { TemplateService } from './service.ts';

/** Message templates over the admin API; mounted under /api/v1/admin, behind its key check. */
export const templateAdminRoutes: FastifyPluginAsyncTypebox<{
  templates: TemplateService;
  requireScope: RequireScope;
}> = async (app, { templates, requireScope }) => {
  app.get(
    '/sms/templates',
    {
      preHandler: requireScope('templates:read'),
      schema: {
        tags: ['admin'],
        summary: 'Message templates by key then locale, paged by cursor; scope templates:read',
        security: AdminKeyAuth,
        querystring: TemplateListQuery,
        response: responses(200, TemplateList, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ query }) => {
      const limit = query.limit === undefined ? TEMPLATE_PAGE_SIZE : Number(query.limit);
      const page = await templates.list({ key: query.key, cursor: query.cursor, limit });
      return { success: true as const, templates: page.templates.map(templateView), next_cursor: page.next };
    },
  );

  app.get(
    '/sms/templates/:key/:locale',
    {
      preHandler: requireScope('templates:read'),
      schema: {
        tags: ['admin'],
        summary: 'One message template; scope templates:read',
        security: AdminKeyAuth,
        params: TemplateParams,
        response: responses(200, OneTemplate, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR', 'TEMPLATE_NOT_FOUND']),
      },
    },
    async ({ params }) => ({
      success: true as const,
      template: templateView(await templates.get(params.key, params.locale)),
    }),
  );

  app.post(
    '/sms/templates/preview',
    {
      preHandler: requireScope('templates:read'),
      schema: {
        tags: ['admin'],
        summary: 'A body as it would go out, with sample values, and its size in SMS; scope templates:read',
        description:
          'Saves nothing: for an editor that shows the message and its parts as it is typed. Counts as the ' +
          'service does (GSM-7: 160, or 153 per part; UCS-2: 70, or 67 per part). problem says what PUT would ' +
          'refuse for key.',
        security: AdminKeyAuth,
        body: PreviewBody,
        response: responses(200, TemplatePreviewAnswer, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS]),
      },
    },
    async ({ body }) => {
      const preview = await templates.preview({
        key: body.key,
        locale: body.locale ?? DEFAULT_LOCALE,
        body: body.body,
      });
      const { perPart, maxParts, ...rest } = preview;
      return { success: true as const, ...rest, per_part: perPart, max_parts: maxParts };
    },
  );

  app.put(
    '/sms/templates/:key/:locale',
    {
      preHandler: requireScope('templates:write'),
      schema: {
        tags: ['admin'],
        summary: 'Create or replace a message template; scope templates:write',
        description:
          'Placeholders are {name} in lower case. Code messages (otp_login, otp_phone_change) must contain ' +
          '{code} and may use only {code} and {minutes}. Each approved provider names placeholders of the body.',
        security: AdminKeyAuth,
        params: TemplateParams,
        body: TemplateBody,
        response: responses(200, SavedTemplate, [...ADMIN_SCOPE_ERRORS, ...BODY_ERRORS, 'MESSAGE_TOO_LONG']),
      },
    },
    async (request) => {
      const { params, body } = request;
      const input = { body: body.body, approved: body.approved ?? {} };
      const { record, created } = await templates.put(params.key, params.locale, input, requestActor(request));
      return { success: true as const, created, template: templateView(record) };
    },
  );

  app.delete(
    '/sms/templates/:key/:locale',
    {
      preHandler: requireScope('templates:write'),
      schema: {
        tags: ['admin'],
        summary: "Delete a message template; the last locale of the service's own is refused; scope templates:write",
        description:
          'The service sends the code messages (otp_login, otp_phone_change) and the notice to the old number ' +
          'after a phone change (phone_changed) itself: the last locale of these answers 409 TEMPLATE_REQUIRED; ' +
          'replace it with PUT instead. Other templates can be deleted entirely.',
        security: AdminKeyAuth,
        params: TemplateParams,
        // Fastify reads a body sent with a DELETE too, so its refusals are this route's as well.
        response: responses(200, TemplateDeleted, [
          ...ADMIN_SCOPE_ERRORS,
          ...BODY_ERRORS,
          'TEMPLATE_NOT_FOUND',
          'TEMPLATE_REQUIRED',
        ]),
      },
    },
    async (request) => {
      await templates.remove(request.params.key, request.params.locale, requestActor(request));
      return { success: true as const, message: 'Template deleted' };
    },
  );
};
