import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/error-responses.ts';
import { pageReturnUrl } from '../telegram/oidc/flow.ts';
import type { PageAssets } from './assets.ts';
import { chooseLocale, langCookie } from './locale.ts';
import { renderAccountPage } from './account-page.ts';
import { renderLoginPage, safeReturnTo } from './login-page.ts';
import type { PageSession } from './page-session.ts';
import { sendPage } from './shell.ts';

/** The name has the content's hash in it: a new release serves new names, so old ones may be kept forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const LoginQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: '`fa` or `en`: show the page in it and remember the choice' })),
  return_to: Type.Optional(
    Type.String({ description: 'a path on this origin to go to once signed in (others are ignored)' }),
  ),
  error: Type.Optional(
    Type.String({
      description: 'an error code to say in a sentence: where a sign-in with Telegram that failed comes back',
    }),
  ),
});

const AccountQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: '`fa` or `en`: show the page in it and remember the choice' })),
});

/**
 * The hosted pages, outside /api/v1: `GET /login` (sign in with a code by SMS, through the JSON API),
 * `GET /account` (the signed-in customer's number, sessions, Telegram and alerts) and the assets they load.
 * Pages and assets are server-rendered and read at start; nothing is inline, so the pages'
 * Content-Security-Policy allows only this origin's files.
 */
export const pageRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  assets: PageAssets;
  pageSession: PageSession;
}> = async (app, { config, assets, pageSession }) => {
  // Each way in with Telegram is offered when its service would take it (telegram/link-sign-in, telegram/oidc).
  const bot = config.telegram.botToken !== null && config.telegram.botUsername !== null;
  const oidc = config.telegram.oidc !== null;
  const oidcStart = (returnTo: string | undefined) =>
    `${config.tokens.issuer}/api/v1/telegram/oidc/start?${new URLSearchParams({
      return_to: pageReturnUrl(config.tokens.issuer, returnTo),
    })}`;

  app.get(
    '/login',
    {
      schema: {
        tags: ['pages'],
        summary: 'The hosted sign-in page (HTML; Persian by default, English with ?lang=en)',
        description:
          'A page a shop can send its customers to. It signs in through POST /api/v1/otp/phone/login/request ' +
          'and /verify from its script; with SESSION_COOKIE the refresh token stays in the HttpOnly cookie. ' +
          '`?lang=` sets the otpgate_lang cookie. A visitor already signed in to the pages (otpgate_session) with ' +
          'a `return_to` is sent there at once; one without is shown that it is signed in, and a way to sign out. ' +
          'With the Telegram bot configured (TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME) it also offers sign-in ' +
          'through the bot (POST /api/v1/telegram/login/link, then POST /login/telegram/poll); with Telegram OpenID ' +
          'Connect, Log In With Telegram (GET /api/v1/telegram/oidc/start, back to GET /login/telegram).',
        querystring: LoginQuery,
        response: {
          200: {
            description: 'the page',
            headers: {
              'Set-Cookie': Type.String({
                description: 'with ?lang=: otpgate_lang=fa|en; Path=/; SameSite=Lax; Max-Age=31536000 (Secure)',
              }),
            },
            content: { 'text/html': { schema: Type.String({ description: 'the page (fa: dir=rtl)' }) } },
          },
          303: Type.Null({ description: 'already signed in: to `return_to`', headers: { Location: Type.String() } }),
          ...errorResponses(['DATABASE_UNAVAILABLE']),
        },
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.query.return_to);
      const visitor = await pageSession.visitor(request);
      if (returnTo && visitor) return reply.redirect(returnTo, 303);
      const { locale, remember } = chooseLocale(request, request.query.lang);
      if (remember) reply.header('set-cookie', langCookie(locale, config.isProduction || request.protocol === 'https'));
      return sendPage(
        reply,
        locale,
        renderLoginPage(locale, assets, {
          returnTo,
          error: request.query.error,
          signedIn: visitor !== undefined,
          telegram: { bot, oidcStart: oidc ? oidcStart(returnTo) : null },
        }),
      );
    },
  );

  app.get(
    '/account',
    {
      schema: {
        tags: ['pages'],
        summary: "The signed-in customer's hosted account page (HTML; Persian by default, English with ?lang=en)",
        description:
          'Shows and changes the number (POST /api/v1/otp/phone/change/request and /confirm), lists and ends ' +
          'sessions, links and unlinks Telegram, lists and cancels back-in-stock alerts, and signs out (POST ' +
          '/logout). The page is served only to a visitor signed in to the pages (otpgate_session); it hands its ' +
          'script a short-lived access token and the script does all of this through the JSON API with it. ' +
          'Not signed in: 303 to /login?return_to=/account. `?lang=` sets the otpgate_lang cookie.',
        querystring: AccountQuery,
        response: {
          200: {
            description: 'the page; never cached (Cache-Control: no-store): it carries an access token',
            headers: {
              'Set-Cookie': Type.String({
                description: 'with ?lang=: otpgate_lang=fa|en; Path=/; SameSite=Lax; Max-Age=31536000 (Secure)',
              }),
            },
            content: { 'text/html': { schema: Type.String({ description: 'the page (fa: dir=rtl)' }) } },
          },
          303: Type.Null({
            description: 'not signed in: to /login?return_to=/account (with the language asked for)',
            headers: { Location: Type.String() },
          }),
          ...errorResponses(['DATABASE_UNAVAILABLE']),
        },
      },
    },
    async (request, reply) => {
      const { locale, remember } = chooseLocale(request, request.query.lang);
      const visitor = await pageSession.visitor(request);
      if (!visitor) {
        // The language asked for here goes on to the sign-in page, which remembers it.
        return reply.redirect(`/login?return_to=/account${remember ? `&lang=${locale}` : ''}`, 303);
      }
      if (remember) reply.header('set-cookie', langCookie(locale, config.isProduction || request.protocol === 'https'));
      const telegram = config.telegram.bot !== null;
      return sendPage(reply, locale, renderAccountPage(locale, assets, visitor.accessToken, telegram), {
        private: true,
      });
    },
  );

  app.get(
    '/assets/:name',
    {
      schema: {
        tags: ['pages'],
        summary: "A hosted page's stylesheet, script or font; the name carries its content's hash",
        params: Type.Object({ name: Type.String({ description: 'as the page names it' }) }),
        response: {
          200: {
            description: 'the file, cacheable for a year',
            content: {
              'text/css': { schema: Type.String() },
              'text/javascript': { schema: Type.String() },
              'font/woff2': { schema: Type.String({ format: 'binary' }) },
            },
          },
          ...errorResponses(['NOT_FOUND']),
        },
      },
    },
    async (request, reply) => {
      const asset = assets.byName(request.params.name);
      if (!asset) throw new AppError('NOT_FOUND');
      // The schema types the body as a string (OpenAPI's way to say "bytes"); Fastify sends a Buffer as it is.
      return reply
        .header('content-type', asset.type)
        .header('cache-control', IMMUTABLE)
        .send(asset.body as unknown as string);
    },
  );
};
