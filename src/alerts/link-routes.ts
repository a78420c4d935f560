import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponses } from '../http/error-responses.ts';
import { PAGE_CSP, pageLocale, pageLocaleOf, renderPage, type PageKind, type PageLocale } from './link-pages.ts';
import type { AlertLinks } from './links.ts';

const Token = Type.Object({ token: Type.String({ description: 'the token from the alert message' }) });

const Page = (description: string) => ({
  description,
  content: { 'text/html': { schema: Type.String({ description: 'a small HTML page (fa: dir=rtl)' }) } },
});

/**
 * Every answer of these routes' own is a page or a redirect: a browser opened the link. What the server
 * answers before any route (a path it cannot decode, a request that is too slow, an `Expect`) stays the
 * JSON envelope, as on every route.
 */
const PAGES = {
  ...errorResponses([]),
  404: Page('the link is not valid (forged, altered, or of another kind), or the product has no web page'),
  500: Page('something went wrong (the log has the cause)'),
  503: Page('the database cannot be reached, or the instance is closing'),
};

/**
 * Robots that fetch a link to preview it (Telegram's, messengers', social networks'): they get the page or
 * the redirect, and record nothing, so a preview neither stops alerts nor passes for a click.
 */
const PREVIEW_ROBOT =
  /TelegramBot|WhatsApp|facebookexternalhit|Facebot|Twitterbot|Slackbot|Discordbot|SkypeUriPreview|LinkedInBot|vkShare|Googlebot|bingbot/i;

const records = (request: FastifyRequest) =>
  request.method === 'GET' && !PREVIEW_ROBOT.test(String(request.headers['user-agent'] ?? ''));

function page(reply: FastifyReply, status: number, kind: PageKind, locale: PageLocale, product?: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('content-security-policy', PAGE_CSP)
    .header('x-frame-options', 'DENY')
    .send(renderPage(kind, locale, product));
}

/**
 * The alerts' links, outside /api/v1: `GET /s/<token>` (stop this product's alerts, no sign-in) and
 * `GET /c/<token>` (record the click, redirect to the product). Every answer is no-store and no-referrer (the
 * token is in the path), and every failure a page, never the JSON envelope: this plugin has its own error
 * handler, which Fastify uses for its routes (the closing instance's 503 included).
 */
export const alertLinkRoutes: FastifyPluginAsyncTypebox<{ links: AlertLinks }> = async (app, { links }) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  });
  app.setErrorHandler((error, request, reply) => {
    const locale = pageLocaleOf(request.headers['accept-language']);
    const unavailable =
      isDatabaseUnavailable(error) || (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE');
    if (unavailable) {
      request.log.warn({ err: error }, 'alert link: service unavailable');
      return page(reply, 503, 'unavailable', locale);
    }
    request.log.error({ err: error }, 'unhandled error');
    return page(reply, 500, 'error', locale);
  });

  app.get(
    '/s/:token',
    {
      schema: {
        tags: ['alerts'],
        summary: "Stop a product's back-in-stock alerts (the one-click link in an alert SMS)",
        description:
          "Cancels every active alert of the link's user for that product and variant, on every channel, and " +
          "answers a page in the alert's language. Opening it again answers the same page.",
        params: Token,
        response: { 200: Page('alerts for the product are stopped'), ...PAGES },
      },
    },
    async (request, reply) => {
      const stopped = await links.stop(request.params.token, records(request));
      if (!stopped.found) return page(reply, 404, 'invalid', pageLocaleOf(request.headers['accept-language']));
      return page(reply, 200, 'stopped', pageLocale(stopped.locale), stopped.product);
    },
  );

  app.get(
    '/c/:token',
    {
      schema: {
        tags: ['alerts'],
        summary: "Open the product of a back-in-stock alert (the alert's link); records the first click",
        description:
          'Redirects to the product page the restock (else the last stock report) gave; nothing in the request ' +
          'chooses where. No http(s) page known: 404 page.',
        params: Token,
        response: {
          302: Type.Null({
            description: "to the product's page",
            headers: { Location: Type.String({ description: "the product's page" }) },
          }),
          ...PAGES,
        },
      },
    },
    async (request, reply) => {
      const clicked = await links.click(request.params.token, records(request));
      if (!clicked.found) return page(reply, 404, 'invalid', pageLocaleOf(request.headers['accept-language']));
      if (clicked.url === null) return page(reply, 404, 'no_url', pageLocale(clicked.locale));
      return reply.redirect(clicked.url, 302);
    },
  );
};
