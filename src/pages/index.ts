import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/error-responses.ts';
import type { PageAssets } from './assets.ts';
import { chooseLocale, langCookie } from './locale.ts';
import { LOGIN_CSP, renderLoginPage, safeReturnTo } from './login-page.ts';
import type { PageSession } from './page-session.ts';

/** The name has the content's hash in it: a new release serves new names, so old ones may be kept forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const LoginQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: '`fa` or `en`: show the page in it and remember the choice' })),
  return_to: Type.Optional(
    Type.String({ description: 'a path on this origin to go to once signed in (others are ignored)' }),
  ),
});

/**
 * The hosted pages, outside /api/v1: `GET /login` (sign in with a code by SMS, through the JSON API) and the
 * assets it loads. Pages and assets are server-rendered and read at start; nothing is inline, so the page's
 * Content-Security-Policy allows only this origin's files.
 */
export const pageRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  assets: PageAssets;
  pageSession: PageSession;
}> = async (app, { config, assets, pageSession }) => {
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
          'a `return_to` is sent there at once.',
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
      if (returnTo && (await pageSession.visitor(request))) return reply.redirect(returnTo, 303);
      const { locale, remember } = chooseLocale(request, request.query.lang);
      if (remember) reply.header('set-cookie', langCookie(locale, config.isProduction || request.protocol === 'https'));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-language', locale)
        .header('content-security-policy', LOGIN_CSP)
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'same-origin')
        .send(renderLoginPage(locale, assets, returnTo));
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
