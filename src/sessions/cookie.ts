import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { originAllowed } from '../http/origin.ts';

export const REFRESH_COOKIE = 'otpgate_refresh';
/** Sent only to the session routes, never to sign-in, the admin API or anything else on the host. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * The refresh token as an HttpOnly cookie (SESSION_COOKIE), so that a browser front end never holds it in
 * script. `issue` sets it on a sign-in or refresh from an allowed origin and says whether it did: the JSON
 * answer then leaves the token out, since a copy in the body would be one script could read. A client that
 * is not a browser page of an allowed origin (no `Origin`, as a backend or a mobile app sends) gets the token
 * in the body as before and no cookie.
 */
export function createSessionCookie(config: Pick<Config, 'browser' | 'isProduction' | 'tokens'>) {
  const { browser } = config;
  const enabled = browser.sessionCookie;
  // Secure always in production; in development only where it can work (a browser drops a Secure cookie
  // sent over plain http://localhost in some versions, and a local front end must still sign in).
  const secure = (request: FastifyRequest) =>
    config.isProduction || request.protocol === 'https' || browser.publicOrigin?.startsWith('https:') === true;
  const attributes = (request: FastifyRequest) =>
    ({ httpOnly: true, secure: secure(request), sameSite: 'lax', path: REFRESH_COOKIE_PATH }) as const;

  return {
    enabled,

    /** Sets the cookie to `refreshToken` when the feature is on and the request comes from an allowed origin. */
    issue(request: FastifyRequest, reply: FastifyReply, refreshToken: string): boolean {
      if (!enabled || !originAllowed(browser, request)) return false;
      reply.setCookie(REFRESH_COOKIE, refreshToken, {
        ...attributes(request),
        maxAge: config.tokens.refreshTtlSeconds,
      });
      return true;
    },

    /**
     * The refresh token a request carries in the cookie, or undefined when there is none. A cookie is sent
     * by the browser whoever made the page, so using it needs an allowed `Origin`: otherwise 403
     * ORIGIN_NOT_ALLOWED, before the token is looked at.
     */
    read(request: FastifyRequest): string | undefined {
      if (!enabled) return undefined;
      const token = request.cookies[REFRESH_COOKIE];
      if (token === undefined || token === '') return undefined;
      if (!originAllowed(browser, request)) throw new AppError('ORIGIN_NOT_ALLOWED');
      return token;
    },

    /** Tells the browser to drop the cookie (logout), when the request sent one. */
    clear(request: FastifyRequest, reply: FastifyReply): void {
      if (enabled && request.cookies[REFRESH_COOKIE] !== undefined) {
        reply.clearCookie(REFRESH_COOKIE, attributes(request));
      }
    },
  };
}

export type SessionCookie = ReturnType<typeof createSessionCookie>;
