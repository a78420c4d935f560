import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A year, and every subdomain: the service is never meant to be reached over plain HTTP once on TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries. `nosniff` keeps a browser from running a JSON error (or anything a client
 * got echoed back) as script or HTML. HSTS goes only on answers to requests that arrived over TLS, directly
 * or as a trusted proxy's X-Forwarded-Proto says (Fastify reads that header only from a TRUST_PROXY hop):
 * sent over plain HTTP it would be ignored, and on a local http:// setup it would only confuse. An onSend
 * hook rather than @fastify/helmet: helmet's Content-Security-Policy would have to be loosened for the
 * Swagger UI at /docs, and these two headers are all the API needs.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => setSecurityHeaders(request, reply));
}

/** For answers that no hook sees: Fastify's framework errors (see `frameworkErrorHandler`). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}
