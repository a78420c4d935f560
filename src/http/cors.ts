import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BrowserConfig } from '../config/index.ts';

/**
 * The routes a browser front end calls: sign-in and phone change, the session routes, and the public
 * discovery documents. Everything else (the admin API, health and its detail, metrics, the reference) never
 * answers cross-origin, so a listed origin cannot read what only operators should.
 */
const BROWSER_PREFIXES = ['/api/v1/otp/phone/', '/api/v1/auth/', '/api/v1/telegram/', '/.well-known/'];

/** Routes under those prefixes that are for the shop's backend with an admin key, not for browsers. */
const NOT_FOR_BROWSERS = ['/api/v1/auth/introspect'];

/** Long enough to spare a preflight per call, short enough that an origin taken off the list stops soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the origins in CORS_ORIGINS, with credentials. An origin not listed, or a route not for
 * browsers, gets no CORS header at all, and its preflight the 404 of any unknown route. Not registered
 * without CORS_ORIGINS, so a preflight then answers 404 as any OPTIONS does.
 */
export async function registerCors(app: FastifyInstance, config: BrowserConfig): Promise<void> {
  if (config.corsOrigins.length === 0) return;
  const listed = new Set(config.corsOrigins);
  await app.register(cors, {
    hideOptionsRoute: true,
    delegator: (request: FastifyRequest, callback) => {
      const origin = request.headers.origin;
      const allowed = origin !== undefined && listed.has(origin) && forBrowsers(request) && !badPreflight(request);
      callback(null, {
        // The exact origin, never a list: the plugin would otherwise send its credentials and preflight
        // headers to origins that are not listed too.
        origin: allowed ? origin : false,
        credentials: true,
        methods: ['GET', 'POST', 'PATCH', 'DELETE'],
        allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language'],
        exposedHeaders: ['Retry-After', 'Content-Language'],
        maxAge: PREFLIGHT_MAX_AGE_SECONDS,
      });
    },
  });
}

/**
 * Whether the request's path is one browsers may call. Read from the path as Fastify routes it, decoded, so
 * that `/api/v1/auth/%69ntrospect` is the introspection route it reaches; a path with dot segments or empty
 * segments is never for browsers (a browser resolves those before it sends a request).
 */
function forBrowsers(request: FastifyRequest): boolean {
  let path: string;
  try {
    path = decodeURIComponent(request.url.split('?')[0]!);
  } catch {
    return false;
  }
  if (/\/\.{1,2}(\/|$)|\/\//.test(path)) return false;
  if (NOT_FOR_BROWSERS.some((route) => path === route || path.startsWith(`${route}/`))) return false;
  return BROWSER_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** An OPTIONS without Access-Control-Request-Method is no preflight: it gets the 404 envelope, not a 400 text. */
function badPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && request.headers['access-control-request-method'] === undefined;
}
