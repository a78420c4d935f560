import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { BODY_ERRORS, errorResponses } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { heldPoll } from '../telegram/link-sign-in/routes.ts';
import { Over, Pending, PollBody } from '../telegram/link-sign-in/schemas.ts';
import type { LinkSignIn } from '../telegram/link-sign-in/service.ts';
import { BINDING_COOKIE_PATH, PAGE_RETURN_PATH, type TelegramOidcFlow } from '../telegram/oidc/flow.ts';
import { cookieValue } from './locale.ts';
import { loginHref, safeReturnTo } from './login-page.ts';
import type { PageSession } from './page-session.ts';
import { SetsPageSession } from './session-routes.ts';

const PageSignedIn = Type.Object(
  {
    success: Type.Literal(true),
    status: Type.Literal('signed_in', { description: 'signed in to the pages: the otpgate_session cookie is set' }),
    user: Type.Object({ id: Type.String(), is_new: Type.Boolean() }),
  },
  { headers: SetsPageSession },
);

const PollErrors: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'ORIGIN_NOT_ALLOWED',
  'TELEGRAM_NOT_CONFIGURED',
  'TELEGRAM_LINK_UNKNOWN',
  'USER_BLOCKED',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
];

const ReturnQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 256, description: 'the one-time code of the callback' })),
  error: Type.Optional(Type.String({ maxLength: 256, description: "the callback's error code, instead of a code" })),
  return_to: Type.Optional(
    Type.String({ maxLength: 2000, description: 'the sign-in page’s own return_to: a path on this origin' }),
  ),
});

/** An error code of ours, as the callback names it; anything else is shown as the general sentence. */
const asCode = (value: string): string => (/^[A-Z_]{1,64}$/.test(value) ? value : 'TELEGRAM_AUTH_INVALID');

/**
 * The sign-in page's two ways in with Telegram, as page routes: each runs the API's own service (the same
 * checks, limits and log) and keeps the session in the pages' cookie, so no token reaches the page.
 */
export const pageTelegramRoutes: FastifyPluginAsyncTypebox<{
  pageSession: PageSession;
  linkSignIn: LinkSignIn;
  flow: TelegramOidcFlow;
  /** The per-address charge every Telegram route makes (telegram/logins.ts). */
  charge: (ip: string) => Promise<void>;
}> = async (app, { pageSession, linkSignIn, flow, charge }) => {
  app.post(
    '/login/telegram/poll',
    {
      schema: {
        tags: ['pages'],
        summary: "Whether the sign-in through the bot was confirmed (the sign-in page's own poll)",
        description:
          'POST /api/v1/telegram/login/link/poll for the sign-in page: the same answers, but signed_in sets the ' +
          'otpgate_session cookie and answers no token. Only from a page of this origin (`Origin`), else 403 ' +
          'ORIGIN_NOT_ALLOWED.',
        body: PollBody,
        response: responses(200, Type.Union([Pending, Over, PageSignedIn], { headers: SetsPageSession }), PollErrors),
      },
    },
    async (request, reply) => {
      pageSession.requireOwnOrigin(request);
      const outcome = await heldPoll(linkSignIn, request, reply, request.body);
      if (outcome.status === 'signed_in') {
        const { signIn } = outcome;
        await pageSession.start(request, reply, signIn.tokens);
        return { success: true as const, status: outcome.status, user: { id: signIn.user.id, is_new: signIn.isNew } };
      }
      if (outcome.status === 'pending')
        return { success: true as const, status: outcome.status, expires_in: outcome.expiresIn };
      return { success: true as const, status: outcome.status };
    },
  );

  const cookies = (request: FastifyRequest) => (name: string) => cookieValue(request.headers.cookie, name);

  app.get(
    PAGE_RETURN_PATH,
    {
      schema: {
        tags: ['pages'],
        summary: 'Where Log In With Telegram comes back to the sign-in page; signs in to the pages',
        description:
          'The return of GET /api/v1/telegram/oidc/start?return_to=PUBLIC_URL/login/telegram (always allowed, ' +
          'listed or not). Exchanges the code on the server, as POST /api/v1/telegram/oidc/exchange does, sets ' +
          'the otpgate_session cookie and sends the browser to the page’s return_to (a path on this origin), ' +
          'else to /login. A refusal goes back to /login with ?error=<code>, which the page says in a sentence.',
        querystring: ReturnQuery,
        response: {
          303: Type.Null({
            description: 'to return_to when signed in; to /login?error= when not',
            headers: {
              Location: Type.String(),
              'Set-Cookie': Type.String({
                description:
                  'otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure), and the sign-in’s binding cookies cleared',
              }),
            },
          }),
          ...errorResponses(['VALIDATION_ERROR']),
        },
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.query.return_to);
      const refused = (code: string) => reply.redirect(loginHref({ returnTo, error: asCode(code) }), 303);
      const { code, error } = request.query;
      if (error !== undefined || !code) return refused(error ?? 'OIDC_STATE_INVALID');
      try {
        await charge(request.ip);
        const done = await flow.exchange(code, {
          client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          cookies: cookies(request),
          // The page's return is refused for a link at the start (it has no Bearer token): never here.
          userId: () => Promise.reject(new AppError('OIDC_STATE_INVALID')),
        });
        if (done.intent !== 'signin') throw new AppError('OIDC_STATE_INVALID');
        await pageSession.start(request, reply, done.signIn.tokens);
        for (const path of [BINDING_COOKIE_PATH, PAGE_RETURN_PATH])
          pageSession.drop(request, reply, done.binding, path);
        return reply.redirect(returnTo ?? '/login', 303);
      } catch (failure) {
        if (failure instanceof AppError) return refused(failure.code);
        throw failure;
      }
    },
  );
};
