import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../errors/codes.ts';
import { BODY_ERRORS } from '../../http/error-responses.ts';
import { BearerAuth, emptyBodyAsObject, responses } from '../../http/schemas.ts';
import type { SessionCookie } from '../../sessions/cookie.ts';
import type { SessionService } from '../../sessions/service.ts';
import { telegramSignedIn } from '../routes.ts';
import type { LinkSignIn, PollOutcome, StartedLink } from './service.ts';
import { NoBody, PollAnswer, PollBody, StartedLink as StartedLinkSchema, StartedLogin } from './schemas.ts';

const ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'TELEGRAM_NOT_CONFIGURED',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
];

/**
 * One poll of a sign-in through the bot, for this API and for the hosted page's own route alike: a client
 * that goes away ends its wait, and then no session is taken for it.
 */
export async function heldPoll(
  linkSignIn: LinkSignIn,
  request: FastifyRequest,
  reply: FastifyReply,
  body: { poll_secret: string; wait?: number },
): Promise<PollOutcome> {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  reply.raw.once('close', onClose);
  const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
  return linkSignIn
    .poll(body.poll_secret, client, { waitSeconds: body.wait, signal: gone.signal })
    .finally(() => reply.raw.off('close', onClose));
}

const view = (link: StartedLink) => ({ url: link.url, qr_svg: link.qrSvg, expires_in: link.expiresIn });

/** Signing in, and linking Telegram, through the bot's `t.me` links (service.ts has the rules). */
export const linkSignInRoutes: FastifyPluginAsyncTypebox<{
  linkSignIn: LinkSignIn;
  sessions: SessionService;
  cookie: SessionCookie;
}> = async (app, { linkSignIn, sessions, cookie }) => {
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

  app.post(
    '/login/link',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['telegram'],
        summary: 'Start signing in through the Telegram bot: a t.me link and its QR code',
        description:
          'Show the QR code (or the link, on a phone) and poll /login/link/poll with poll_secret. The person opens ' +
          'the link in Telegram and confirms there, seeing the device and address that asked.',
        body: NoBody,
        response: responses(200, StartedLogin, ERRORS),
      },
    },
    async (request) => {
      const started = await linkSignIn.startLogin(client(request));
      return { success: true as const, ...view(started), poll_secret: started.pollSecret };
    },
  );

  app.post(
    '/login/link/poll',
    {
      schema: {
        tags: ['telegram'],
        summary: 'Whether the sign-in through the bot was confirmed; the tokens, once',
        description:
          'Answers status pending, expired, cancelled or used, or, once after the confirmation in Telegram, the ' +
          'tokens as every sign-in gives them (status signed_in). With wait, a pending sign-in is held until it ' +
          'changes, up to 25 s. A poll secret that names nothing is TELEGRAM_LINK_UNKNOWN.',
        body: PollBody,
        response: responses(200, PollAnswer, [...ERRORS, 'TELEGRAM_LINK_UNKNOWN', 'USER_BLOCKED']),
      },
    },
    async (request, reply) => {
      const outcome = await heldPoll(linkSignIn, request, reply, request.body);
      if (outcome.status === 'signed_in') {
        return { ...telegramSignedIn(cookie, request, reply, outcome.signIn), status: 'signed_in' as const };
      }
      if (outcome.status === 'pending')
        return { success: true as const, status: outcome.status, expires_in: outcome.expiresIn };
      return { success: true as const, status: outcome.status };
    },
  );

  app.post(
    '/link/start',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['telegram'],
        summary: "Start linking Telegram to the signed-in user's account through the bot: a t.me link",
        description:
          'Opening the link in Telegram links the Telegram account that opens it, at once, so it is a key to the ' +
          'account for its 10 minutes: show it to the signed-in user only. Refused in the bot, with nothing ' +
          'changed, when that Telegram account belongs to someone else (as TELEGRAM_ALREADY_LINKED).',
        security: BearerAuth,
        body: NoBody,
        response: responses(200, StartedLinkSchema, [...ERRORS, 'UNAUTHORIZED']),
      },
    },
    async (request) => {
      const userId = async () => (await sessions.authenticate(request.headers.authorization)).userId;
      return { success: true as const, ...view(await linkSignIn.startLink(userId, client(request))) };
    },
  );
};
