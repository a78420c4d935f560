import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BearerAuth, responses } from '../http/schemas.ts';
import { requestStaff, STAFF_ERRORS, type StaffGuard } from './guard.ts';
import { StaffMe, staffView } from './schemas.ts';

/** The admin console's own routes, under /api/v1/staff, each behind the staff check (guard.ts). */
export const staffRoutes: FastifyPluginAsyncTypebox<{ guard: StaffGuard }> = async (app, { guard }) => {
  app.get(
    '/me',
    {
      preHandler: guard.authenticate,
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member: their role and its scopes',
        description:
          "The console's first call. Takes the user's own access token, as /api/v1/auth/me does. 403 STAFF_ONLY " +
          'for a user who is not staff; staff are read afresh on every request, so a removal counts at once.',
        security: BearerAuth,
        response: responses(200, StaffMe, STAFF_ERRORS),
      },
    },
    async (request) => ({ success: true as const, staff: staffView(requestStaff(request)) }),
  );
};
