import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/error-responses.ts';
import type { KeyRing } from './ring.ts';
import { JWKS_MAX_AGE_SECONDS } from './rules.ts';
import { Jwks } from './schemas.ts';

const CACHE = `public, max-age=${JWKS_MAX_AGE_SECONDS}`;

/**
 * The public half of token signing, for shops' backends and OpenID Connect clients: the keys of access
 * tokens and ID tokens, public and cacheable; the max-age is part of the rotation rule (rules.ts). The
 * discovery document that names them is served with the provider (oidc/routes.ts).
 */
export const wellKnownRoutes: FastifyPluginAsyncTypebox<{ ring: KeyRing }> = async (app, { ring }) => {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['tokens'],
        summary: 'The public keys that verify access tokens (JWKS)',
        response: { 200: Jwks, ...errorResponses(['DATABASE_UNAVAILABLE']) },
      },
    },
    async (_request, reply) => {
      const keys = await ring.published();
      reply.header('cache-control', CACHE);
      return {
        keys: keys.map((key) => ({ ...key.jwk, kid: key.kid, alg: 'ES256' as const, use: 'sig' as const })),
      };
    },
  );
};
