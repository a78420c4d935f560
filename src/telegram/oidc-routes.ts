import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Config } from '../config/index.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { BODY_ERRORS, errorResponses } from '../http/error-responses.ts';
import { BearerAuth, responses } from '../http/schemas.ts';
import type { SessionCookie } from '../sessions/cookie.ts';
import type { SessionService } from '../sessions/service.ts';
import { telegramIdentityView } from './identity-view.ts';
import { telegramSignedIn } from './routes.ts';
import {
  BINDING_COOKIE_PATH,
  BINDING_COOKIE_PREFIX,
  PAGE_RETURN_PATH,
  type Cookies,
  type Started,
  type TelegramOidcFlow,
} from './oidc/flow.ts';
import { TelegramLinked, TelegramSignedIn } from './schemas.ts';

const ReturnTo = Type.String({
  maxLength: 2048,
  description:
    'where the browser comes back with ?code= (or ?error=): exactly one of TELEGRAM_LOGIN_RETURN_URLS, or (to sign in) the hosted sign-in page, PUBLIC_URL/login/telegram',
});

const Redirect = (description: string) =>
  Type.Null({
    description,
    headers: {
      Location: Type.String({ description }),
      'Set-Cookie': Type.String({
        description: `${BINDING_COOKIE_PREFIX}…: binds this sign-in to the browser (start only); for a return to the sign-in page, set for ${PAGE_RETURN_PATH} too`,
      }),
    },
  });

const ClearsBinding = {
  'Set-Cookie': Type.String({
    description: `clears the sign-in's ${BINDING_COOKIE_PREFIX}… cookie; may also set the session cookie`,
  }),
};

const START_ERRORS: readonly ErrorCode[] = [
  'VALIDATION_ERROR',
  'TELEGRAM_NOT_CONFIGURED',
  'TELEGRAM_UNAVAILABLE',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
];

export const telegramOidcRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  flow: TelegramOidcFlow;
  sessions: SessionService;
  cookie: SessionCookie;
  charge: (ip: string) => Promise<void>;
}> = async (app, { config, flow, sessions, cookie, charge }) => {
  /**
   * Each sign-in's own cookie, Lax: the callback is a top-level navigation back from Telegram, which Lax
   * cookies go with, and the exchange comes from the shop's page on the same site.
   */
  const cookieAttributes = (request: FastifyRequest) =>
    ({
      httpOnly: true,
      secure: config.isProduction || request.protocol === 'https' || config.tokens.issuer.startsWith('https:'),
      sameSite: 'lax',
      path: BINDING_COOKIE_PATH,
    }) as const;
  const bindBrowser = (request: FastifyRequest, reply: FastifyReply, started: Started) => {
    const { name, value } = started.cookie;
    reply.setCookie(name, value, { ...cookieAttributes(request), maxAge: 600 });
    // The hosted page exchanges the code at its own path (pages/telegram-routes.ts): the same cookie goes there.
    if (started.toPage)
      reply.setCookie(name, value, { ...cookieAttributes(request), path: PAGE_RETURN_PATH, maxAge: 600 });
  };
  const cookiesOf =
    (request: FastifyRequest): Cookies =>
    (name) =>
      request.cookies?.[name];

  app.get(
    '/oidc/start',
    {
      schema: {
        tags: ['telegram'],
        summary: 'Start signing in with Telegram (OpenID Connect): redirects to Telegram',
        description:
          'Open it in the browser (a link or a redirect). return_to must be listed in TELEGRAM_LOGIN_RETURN_URLS, ' +
          'or be the hosted sign-in page of this service (PUBLIC_URL/login/telegram, with its own return_to path); ' +
          'anything else is refused before anything happens.',
        querystring: Type.Object({ return_to: ReturnTo }, { additionalProperties: false }),
        response: { 302: Redirect("to Telegram's authorization page"), ...errorResponses(START_ERRORS) },
      },
    },
    async (request, reply) => {
      flow.listed(request.query.return_to, 'signin');
      await charge(request.ip);
      const started = await flow.start({
        returnTo: request.query.return_to,
        intent: 'signin',
        linkUserId: null,
      });
      bindBrowser(request, reply, started);
      return reply.redirect(started.authorizationUrl, 302);
    },
  );

  app.post(
    '/link/oidc',
    {
      schema: {
        tags: ['telegram'],
        summary: "Start linking Telegram to the signed-in user's account (OpenID Connect)",
        description:
          'Answers the URL to send the browser to; the front end exchanges the code it comes back with, with the ' +
          "same user's Bearer token. The browser must accept this service's cookie (same site as the front end).",
        security: BearerAuth,
        body: Type.Object({ return_to: ReturnTo }, { additionalProperties: false }),
        response: responses(
          200,
          Type.Object(
            { success: Type.Literal(true), authorization_url: Type.String() },
            {
              headers: {
                'Set-Cookie': Type.String({
                  description: `${BINDING_COOKIE_PREFIX}…: binds this sign-in to the browser`,
                }),
              },
            },
          ),
          [...BODY_ERRORS, ...START_ERRORS, 'UNAUTHORIZED'],
        ),
      },
    },
    async (request, reply) => {
      flow.listed(request.body.return_to, 'link');
      await charge(request.ip);
      const { userId } = await sessions.authenticate(request.headers.authorization);
      const started = await flow.start({
        returnTo: request.body.return_to,
        intent: 'link',
        linkUserId: userId,
      });
      bindBrowser(request, reply, started);
      return { success: true as const, authorization_url: started.authorizationUrl };
    },
  );

  app.get(
    '/oidc/callback',
    {
      schema: {
        tags: ['telegram'],
        summary: 'Where Telegram sends the browser back; redirects to return_to with a one-time code',
        description:
          'Register this URL in @BotFather (Web Login, Allowed URLs). It redirects to return_to with ?code= on ' +
          'success, or ?error=<error code> when Telegram or the check refused; a state that is unknown, used, ' +
          'expired or from another browser is OIDC_STATE_INVALID.',
        querystring: Type.Object({
          state: Type.Optional(Type.String({ maxLength: 256 })),
          code: Type.Optional(Type.String({ maxLength: 2048 })),
          error: Type.Optional(Type.String({ maxLength: 256 })),
          error_description: Type.Optional(Type.String({ maxLength: 2048 })),
        }),
        response: {
          302: Redirect('to return_to, with code or error'),
          ...errorResponses([
            'VALIDATION_ERROR',
            'OIDC_STATE_INVALID',
            'TELEGRAM_NOT_CONFIGURED',
            'RATE_LIMITED',
            'DATABASE_UNAVAILABLE',
          ]),
        },
      },
    },
    async (request, reply) => {
      await charge(request.ip);
      const { state, code, error } = request.query;
      const location = await flow.callback({ state, code, error, cookies: cookiesOf(request) });
      return reply.redirect(location, 302);
    },
  );

  app.post(
    '/oidc/exchange',
    {
      schema: {
        tags: ['telegram'],
        summary: 'Exchange the one-time code from the callback for tokens (or finish linking)',
        description:
          'Within a minute, once. A sign-in answers tokens as the other sign-ins do (the refresh token as a cookie ' +
          'with SESSION_COOKIE); a link started with /link/oidc needs the same Bearer token and answers the account.',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: responses(200, Type.Union([TelegramSignedIn, TelegramLinked], { headers: ClearsBinding }), [
          ...BODY_ERRORS,
          'OIDC_STATE_INVALID',
          'TELEGRAM_NOT_CONFIGURED',
          'TELEGRAM_ALREADY_LINKED',
          'USER_BLOCKED',
          'UNAUTHORIZED',
          'RATE_LIMITED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request, reply) => {
      await charge(request.ip);
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const done = await flow.exchange(request.body.code, {
        client,
        cookies: cookiesOf(request),
        userId: async () => (await sessions.authenticate(request.headers.authorization)).userId,
      });
      reply.clearCookie(done.binding, cookieAttributes(request));
      if (done.intent === 'link') return { success: true as const, telegram: telegramIdentityView(done.telegram) };
      return telegramSignedIn(cookie, request, reply, done.signIn);
    },
  );
};
