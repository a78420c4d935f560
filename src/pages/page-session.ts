import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { SignInMethod } from '../sessions/repository.ts';
import type { Session, SessionService, TokenPair } from '../sessions/service.ts';
import { cookieValue } from './locale.ts';

/** The hosted pages' session: an HttpOnly cookie on the whole host, holding a refresh token. */
export const PAGE_SESSION_COOKIE = 'otpgate_session';

/** A signed-in visitor of a hosted page, and an access token for the page's calls to the JSON API. */
export interface PageVisitor {
  /** With how it signed in (`amr`): the OpenID Connect provider passes it on. */
  readonly session: Session & { readonly amr: SignInMethod };
  readonly accessToken: string;
}

/**
 * The hosted pages (`/login`, `/account`, `/admin`, the OpenID Connect interactions) keep their own sign-in in
 * one cookie, apart from the API's: a refresh token the pages never spend. Each page reads it on the server
 * (SessionService.resume) and hands its script a short-lived access token for the JSON API, so no page's
 * script ever holds the refresh token, and tabs loaded together cannot trip reuse detection as rotating it
 * would. It is the token of a session like any other: it is listed among the user's sessions, and ending
 * that session, a logout, a block or SESSION_MAX_AGE_SECONDS ends it.
 *
 * Only pages of this origin set or use it: a POST that sets or ends it must carry this origin's `Origin`
 * (cross-site request forgery), and the cookie is SameSite=Lax, so another site's page cannot make a
 * browser send it with a POST.
 */
export function createPageSession(
  config: Pick<Config, 'isProduction' | 'tokens' | 'browser'>,
  sessions: Pick<SessionService, 'resume' | 'logout'>,
) {
  const secure = (request: FastifyRequest) =>
    config.isProduction || request.protocol === 'https' || config.browser.publicOrigin?.startsWith('https:') === true;
  // Written by hand, as the language cookie is: the cookie plugin is registered only for the API's cookie.
  const cookie = (request: FastifyRequest, value: string, maxAge: number) =>
    `${PAGE_SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure(request) ? '; Secure' : ''}`;
  const token = (request: FastifyRequest) => {
    const value = cookieValue(request.headers.cookie, PAGE_SESSION_COOKIE);
    return value === undefined || value === '' ? undefined : value;
  };

  return {
    /** Refuses a state-changing request that is not from a page of this origin: 403 ORIGIN_NOT_ALLOWED. */
    requireOwnOrigin(request: FastifyRequest): void {
      const origin = request.headers.origin;
      const { publicOrigin } = config.browser;
      // In production the pages are at PUBLIC_URL and nowhere else: the Host and X-Forwarded-Host a request
      // names are not trusted. In development the address the request came to counts too (127.0.0.1 or
      // localhost, whichever the developer typed).
      const requested = `${request.protocol}://${request.host}`;
      const own =
        origin !== undefined &&
        (origin === publicOrigin || (!(config.isProduction && publicOrigin) && origin === requested));
      if (!own) throw new AppError('ORIGIN_NOT_ALLOWED', 'Only the service’s own pages may do this');
    },

    /**
     * Keeps a new sign-in's refresh token in the cookie, for as long as the token lives. A session the cookie
     * held before (another account signed in in this browser) ends: it would otherwise stay open, unseen.
     */
    async start(request: FastifyRequest, reply: FastifyReply, tokens: TokenPair): Promise<void> {
      await this.endSession(request);
      // base64url: nothing in it needs quoting in a cookie.
      reply.header('set-cookie', cookie(request, tokens.refreshToken, config.tokens.refreshTtlSeconds));
    },

    /** Drops another cookie of the pages' (one a sign-in no longer needs), with the same attributes. */
    drop(request: FastifyRequest, reply: FastifyReply, name: string, path: string): void {
      reply.header(
        'set-cookie',
        `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax${secure(request) ? '; Secure' : ''}`,
      );
    },

    /** The signed-in visitor, or undefined: no cookie, or one whose session has ended. */
    async visitor(request: FastifyRequest): Promise<PageVisitor | undefined> {
      const value = token(request);
      if (value === undefined) return undefined;
      return (await sessions.resume(value)) ?? undefined;
    },

    /** Ends the cookie's session (when it has a live one) and drops the cookie. */
    async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const dropped = await this.endSession(request);
      if (dropped) reply.header('set-cookie', dropped);
    },

    /**
     * Ends the cookie's session, if there is a cookie, and answers the Set-Cookie that drops it (undefined
     * without a cookie): for an answer Fastify does not send itself (the OpenID Connect sign-out).
     */
    async endSession(request: FastifyRequest): Promise<string | undefined> {
      const value = token(request);
      if (value === undefined) return undefined;
      await sessions.logout(value).catch((error: unknown) => {
        // A session that already ended is what a logout wants.
        if (!(error instanceof AppError && error.code === 'UNAUTHORIZED')) throw error;
      });
      return cookie(request, '', 0);
    },
  };
}

export type PageSession = ReturnType<typeof createPageSession>;
