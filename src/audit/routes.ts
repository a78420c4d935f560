import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMIN_SCOPE_ERRORS, AdminKeyAuth, type RequireScope } from '../admin/auth.ts';
import { decodeCursor, encodeCursor } from '../db/list-cursor.ts';
import { AppError } from '../errors/app-error.ts';
import { responses } from '../http/schemas.ts';
import type { AuditRepository } from './repository.ts';
import { AuditPage, AuditQuery, auditView } from './schemas.ts';

/** The audit trail of admin changes; mounted under /api/v1/admin, behind its key check. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditRepository; requireScope: RequireScope }> = async (
  app,
  { audit, requireScope },
) => {
  app.get(
    '/audit',
    {
      preHandler: requireScope('audit:read'),
      schema: {
        tags: ['admin'],
        summary: 'Every admin change, newest first, filtered by key and action and paged by cursor; scope audit:read',
        security: AdminKeyAuth,
        querystring: AuditQuery,
        response: responses(200, AuditPage, [...ADMIN_SCOPE_ERRORS, 'VALIDATION_ERROR']),
      },
    },
    async ({ query }) => {
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
      const limit = query.limit === undefined ? 20 : Number(query.limit);
      // One row more than asked tells whether another page follows without a second query.
      const rows = await audit.list({ keyId: query.key_id, action: query.action, after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        success: true as const,
        records: page.map(auditView),
        next_cursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );
};
