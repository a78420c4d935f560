import type { FastifyRequest } from 'fastify';
import type { BrowserConfig } from '../config/index.ts';

/**
 * Whether the request's `Origin` names a front end allowed to act with the session cookie: an origin of
 * CORS_ORIGINS, or the service's own (PUBLIC_URL's origin, or the one the request itself was addressed to,
 * as Host or a trusted proxy's X-Forwarded-Host and -Proto say). A page on another site cannot choose the
 * Origin its browser sends, which is what makes this a defence against cross-site request forgery (OWASP's
 * "verifying origin with standard headers"). No Origin at all is refused: browsers send it on every
 * cross-origin request and on same-origin POSTs, so a cookie request without one is not from a page we know.
 */
export function originAllowed(config: BrowserConfig, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (config.corsOrigins.includes(origin)) return true;
  if (config.publicOrigin !== undefined && origin === config.publicOrigin) return true;
  return origin === `${request.protocol}://${request.host}`;
}
