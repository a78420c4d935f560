import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.ts';
import { errorResponses } from '../../http/error-responses.ts';
import type { Staff } from '../../staff/service.ts';
import type { PageAssets } from '../assets.ts';
import { chooseLocale, langCookie } from '../locale.ts';
import { sendPage } from '../shell.ts';
import type { PageLocale } from '../messages.ts';
import type { PageSession } from '../page-session.ts';
import { pagesFor, renderConsolePage, renderConsoleRefusal } from './layout.ts';
import { CONSOLE_PAGES } from './pages.ts';

const SetsLanguage = {
  'Set-Cookie': Type.String({ description: 'with ?lang=: otpgate_lang=fa|en, as on /login' }),
};
const Html = (description: string) => ({
  description,
  headers: SetsLanguage,
  content: { 'text/html': { schema: Type.String() } },
});
const Redirect = (description: string) =>
  Type.Null({ description, headers: { Location: Type.String({ description: 'where to' }), ...SetsLanguage } });

const PAGE_ANSWERS = {
  200: Html('the page (its script fills it from the admin API)'),
  303: Redirect('not signed in: to /login, and back here after'),
  403: Html('not staff, or a role without the page’s scope'),
  404: Html('no such page'),
  ...errorResponses(['DATABASE_UNAVAILABLE']),
};

const LangQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: '`fa` or `en`: show the page in it and remember the choice' })),
});

/**
 * The admin console, `/admin/<page>` and `/admin/<page>/<id>`: staff sign in on /login like anyone else (the
 * pages' session), and who is staff, with which role, is read on every page (`otpgate admins`). Each page is
 * a frame whose script calls the admin API with the staff member's own access token.
 */
export const consoleRoutes: FastifyPluginAsyncTypebox<{
  config: Config;
  assets: PageAssets;
  pageSession: PageSession;
  staff: Pick<Staff, 'access'>;
}> = async (app, { config, assets, pageSession, staff }) => {
  // Every console answer is a signed-in visitor's page, which no cache may keep.
  const send = (_request: FastifyRequest, reply: FastifyReply, status: number, locale: PageLocale, html: string) =>
    sendPage(reply.status(status), locale, html, { private: true });

  /** The signed-in staff member, or the answer that takes their place (a redirect, a refusal page). */
  async function staffOf(request: FastifyRequest, reply: FastifyReply, path: string, locale: PageLocale) {
    const visitor = await pageSession.visitor(request);
    if (!visitor) {
      await reply.redirect(`/login?${new URLSearchParams({ return_to: path })}`, 303);
      return undefined;
    }
    const member = await staff.access(visitor.session.userId);
    if (!member || member.blockedAt !== null) {
      await send(request, reply, 403, locale, renderConsoleRefusal({ locale, assets, path, reason: 'staff_only' }));
      return undefined;
    }
    return { member, accessToken: visitor.accessToken };
  }

  function localeOf(request: FastifyRequest, reply: FastifyReply) {
    const { locale, remember } = chooseLocale(request, (request.query as { lang?: string }).lang);
    if (remember) reply.header('set-cookie', langCookie(locale, config.isProduction || request.protocol === 'https'));
    return locale;
  }

  app.get(
    '/admin',
    {
      schema: {
        tags: ['pages'],
        summary: 'The admin console: to the first page the staff member’s role may see',
        querystring: LangQuery,
        response: {
          303: Redirect('to the first page, or to /login'),
          403: PAGE_ANSWERS[403],
          ...errorResponses(['DATABASE_UNAVAILABLE']),
        },
      },
    },
    async (request, reply) => {
      const locale = localeOf(request, reply);
      const signedIn = await staffOf(request, reply, '/admin', locale);
      if (!signedIn) return reply;
      const first = pagesFor(signedIn.member)[0];
      return reply.redirect(first ? `/admin/${first.id}` : '/admin/health', 303);
    },
  );

  const page = async (
    request: FastifyRequest<{ Params: { page: string; id?: string }; Querystring: { lang?: string } }>,
    reply: FastifyReply,
  ) => {
    const locale = localeOf(request, reply);
    const found = CONSOLE_PAGES.find((one) => one.id === request.params.page);
    const path = `/admin/${request.params.page}${request.params.id === undefined ? '' : `/${request.params.id}`}`;
    const signedIn = await staffOf(request, reply, found ? path : '/admin', locale);
    if (!signedIn) return reply;
    const { member, accessToken } = signedIn;
    if (!found)
      return send(
        request,
        reply,
        404,
        locale,
        renderConsoleRefusal({ locale, assets, path: '/admin', reason: 'not_found' }),
      );
    if (!member.scopes.includes(found.scope)) {
      return send(
        request,
        reply,
        403,
        locale,
        renderConsoleRefusal({ locale, assets, path, reason: { role: member.role } }),
      );
    }
    const html = renderConsolePage({ locale, assets, staff: member, page: found, accessToken, id: request.params.id });
    return send(request, reply, 200, locale, html);
  };

  const PageParams = Type.Object({
    page: Type.String({ description: 'the page: ' + CONSOLE_PAGES.map((p) => p.id).join(', ') }),
  });
  app.get(
    '/admin/:page',
    {
      schema: {
        tags: ['pages'],
        summary: 'A page of the admin console (HTML; staff only)',
        params: PageParams,
        querystring: LangQuery,
        response: PAGE_ANSWERS,
      },
    },
    page,
  );
  app.get(
    '/admin/:page/:id',
    {
      schema: {
        tags: ['pages'],
        summary: 'One item on a page of the admin console (a message, a user, ...; HTML; staff only)',
        params: Type.Object({ ...PageParams.properties, id: Type.String({ maxLength: 200 }) }),
        querystring: LangQuery,
        response: PAGE_ANSWERS,
      },
    },
    page,
  );
};
