import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { BODY_ERRORS, errorResponses } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { VERIFY_ERRORS } from '../otp/routes.ts';
import type { PhoneFlows } from '../otp/phone-flows.ts';
import { CodeVerifyBody } from '../otp/schemas.ts';
import type { PageSession } from './page-session.ts';

export const SetsPageSession = {
  'Set-Cookie': Type.String({
    description: 'otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure); empty with Max-Age=0 to end it',
  }),
};

const PageSignedIn = Type.Object(
  {
    success: Type.Literal(true),
    message: Type.String(),
    user: Type.Object({ id: Type.String(), is_new: Type.Boolean() }),
  },
  { headers: SetsPageSession },
);

/**
 * Signing in and out of the hosted pages. The sign-in checks the code as /api/v1/otp/phone/login/verify does
 * (the same flow, limits and log); what differs is where the session goes: into the pages' cookie, and no
 * token into the answer.
 */
export const pageSessionRoutes: FastifyPluginAsyncTypebox<{
  flows: PhoneFlows;
  pageSession: PageSession;
  /** What else signing out of the pages ends (the OpenID Connect provider's session in this browser). */
  onLogout: (request: FastifyRequest) => Promise<void>;
}> = async (app, { flows, pageSession, onLogout }) => {
  app.post(
    '/login/session',
    {
      schema: {
        tags: ['pages'],
        summary: "Sign in to the hosted pages with the code (the sign-in page's own call)",
        description:
          'Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED. Sets the otpgate_session ' +
          'cookie (HttpOnly, SameSite=Lax, Path=/) and answers no token.',
        body: CodeVerifyBody,
        response: responses(200, PageSignedIn, [
          ...BODY_ERRORS,
          'ORIGIN_NOT_ALLOWED',
          'INVALID_PHONE',
          ...VERIFY_ERRORS,
          'USER_BLOCKED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request, reply) => {
      pageSession.requireOwnOrigin(request);
      const { user, isNew, tokens } = await flows.verifyLogin(request.body.phone_number, request.body.code, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      await pageSession.start(request, reply, tokens);
      return { success: true as const, message: 'Signed in', user: { id: user.id, is_new: isNew } };
    },
  );

  // In a context of its own: the only route of the pages that takes a form, as a browser posts it.
  await app.register(async (forms) => {
    // The sign-out form has no fields: whatever its body holds is not read.
    forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) =>
      done(null, undefined),
    );
    forms.post(
      '/logout',
      {
        schema: {
          tags: ['pages'],
          summary: "Sign out of the hosted pages (a form's POST)",
          description:
            'Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED. Ends the session of the ' +
            'otpgate_session cookie, drops the cookie and sends the browser to /login. The body, if any (a form ' +
            'with no fields, application/x-www-form-urlencoded), is not read.',
          response: {
            303: Type.Null({ description: 'to /login', headers: { Location: Type.String(), ...SetsPageSession } }),
            ...errorResponses(['ORIGIN_NOT_ALLOWED', 'DATABASE_UNAVAILABLE']),
          },
        },
      },
      async (request, reply) => {
        pageSession.requireOwnOrigin(request);
        await onLogout(request);
        await pageSession.end(request, reply);
        return reply.redirect('/login', 303);
      },
    );
  });
};
