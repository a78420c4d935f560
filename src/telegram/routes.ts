import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { BearerAuth, emptyBodyAsObject, responses } from '../http/schemas.ts';
import type { SessionCookie } from '../sessions/cookie.ts';
import { signedInTokens } from '../sessions/signed-in.ts';
import type { SessionService } from '../sessions/service.ts';
import { Type } from '@sinclair/typebox';
import type { TelegramSignIn, TelegramAccounts } from './accounts.ts';
import type { TelegramLogins } from './logins.ts';
import { TelegramLinked, TelegramSignedIn, WebAppLoginBody, WidgetLoginBody } from './schemas.ts';
import { profileView, telegramIdentityView } from './identity-view.ts';
import { initDataFromAuthorization } from './verify/webapp.ts';

/** What checking a widget or Mini App login can answer. */
const LOGIN_ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'TELEGRAM_NOT_CONFIGURED',
  'TELEGRAM_AUTH_INVALID',
  'TELEGRAM_AUTH_EXPIRED',
  'TELEGRAM_AUTH_REPLAYED',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
];

const LINK_ERRORS: readonly ErrorCode[] = [...LOGIN_ERRORS, 'UNAUTHORIZED', 'USER_BLOCKED', 'TELEGRAM_ALREADY_LINKED'];

/** The sign-in takes initData in the body or in the header; an empty body is then `{}`. */
const WebAppSignInBody = Type.Partial(WebAppLoginBody, { additionalProperties: false });

/** A Telegram sign-in's answer: the tokens as every sign-in gives them, the user, and the Telegram account. */
export function telegramSignedIn(
  cookie: SessionCookie,
  request: FastifyRequest,
  reply: FastifyReply,
  done: TelegramSignIn,
) {
  return {
    ...signedInTokens(cookie, request, reply, done.tokens),
    user: { id: done.user.id, phone_number: done.user.phone_number, is_new: done.isNew },
    telegram: profileView(done.profile),
  };
}

export const telegramRoutes: FastifyPluginAsyncTypebox<{
  logins: TelegramLogins;
  accounts: TelegramAccounts;
  sessions: SessionService;
  cookie: SessionCookie;
}> = async (app, { logins, accounts, sessions, cookie }) => {
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

  const userOf = (request: FastifyRequest) => async () =>
    (await sessions.authenticate(request.headers.authorization)).userId;

  /** The body's initData, else the `Authorization: tma <initData>` header's. */
  const initDataOf = (request: FastifyRequest, body: { init_data?: string }): string => {
    const initData = body?.init_data ?? initDataFromAuthorization(request.headers.authorization);
    if (!initData) throw new AppError('VALIDATION_ERROR', 'init_data is required (or Authorization: tma <initData>)');
    return initData;
  };

  app.post(
    '/login/widget',
    {
      schema: {
        tags: ['telegram'],
        summary: 'Sign in with the Telegram login widget',
        description:
          'Send every field the widget gave, unchanged: Telegram signs them all. A login works once and only while ' +
          'its auth_date is within TELEGRAM_AUTH_MAX_AGE_SECONDS.',
        body: WidgetLoginBody,
        response: responses(200, TelegramSignedIn, [...LOGIN_ERRORS, 'USER_BLOCKED']),
      },
    },
    async (request, reply) => {
      const done = await logins.signInWithWidget(request.body, client(request));
      return telegramSignedIn(cookie, request, reply, done);
    },
  );

  app.post(
    '/login/webapp',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['telegram'],
        summary: 'Sign in from a Telegram Mini App',
        description: 'The raw Telegram.WebApp.initData, as init_data in the body or as Authorization: tma <initData>.',
        body: WebAppSignInBody,
        response: responses(200, TelegramSignedIn, [...LOGIN_ERRORS, 'USER_BLOCKED']),
      },
    },
    async (request, reply) => {
      const done = await logins.signInWithWebApp(initDataOf(request, request.body), client(request));
      return telegramSignedIn(cookie, request, reply, done);
    },
  );

  app.post(
    '/link/widget',
    {
      schema: {
        tags: ['telegram'],
        summary: "Link Telegram to the signed-in user's account, with the login widget",
        security: BearerAuth,
        body: WidgetLoginBody,
        response: responses(200, TelegramLinked, LINK_ERRORS),
      },
    },
    async (request) => {
      const linked = await logins.linkWidget(userOf(request), request.body, request.ip);
      return { success: true as const, telegram: telegramIdentityView(linked) };
    },
  );

  app.post(
    '/link/webapp',
    {
      schema: {
        tags: ['telegram'],
        summary: "Link Telegram to the signed-in user's account, from a Mini App",
        description: 'The Bearer token names the user; the body carries the initData.',
        security: BearerAuth,
        body: WebAppLoginBody,
        response: responses(200, TelegramLinked, LINK_ERRORS),
      },
    },
    async (request) => {
      const linked = await logins.linkWebApp(userOf(request), request.body.init_data, request.ip);
      return { success: true as const, telegram: telegramIdentityView(linked) };
    },
  );

  app.delete(
    '/link',
    {
      schema: {
        tags: ['telegram'],
        summary: "Unlink the signed-in user's Telegram account",
        description:
          'Refused (TELEGRAM_UNLINK_REFUSED) while Telegram is the only way into the account: add a number first.',
        security: BearerAuth,
        response: responses(200, Type.Object({ success: Type.Literal(true) }), [
          'UNAUTHORIZED',
          'NOT_FOUND',
          'TELEGRAM_UNLINK_REFUSED',
          'RATE_LIMITED',
          'DATABASE_UNAVAILABLE',
        ]),
      },
    },
    async (request) => {
      await logins.charge(request.ip);
      const { userId } = await sessions.authenticate(request.headers.authorization);
      await accounts.unlink(userId);
      return { success: true as const };
    },
  );
};
