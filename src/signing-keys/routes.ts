import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/error-responses.ts';
import type { KeyRing } from './ring.ts';
import { JWKS_MAX_AGE_SECONDS } from './rules.ts';
import { Discovery, Jwks } from './schemas.ts';

/** The claims an access token may carry (sessions/tokens.ts). */
const CLAIMS = [
  'iss',
  'aud',
  'sub',
  'exp',
  'iat',
  'jti',
  'auth_time',
  'amr',
  'sid',
  'phone_number',
  'phone_number_verified',
  'external_id',
];

const CACHE = `public, max-age=${JWKS_MAX_AGE_SECONDS}`;

/**
 * The public half of token signing, for shops' backends: the keys and the document that names them and the
 * issuer. Both are public and cacheable; the JWKS's max-age is part of the rotation rule (rules.ts).
 */
export const wellKnownRoutes: FastifyPluginAsyncTypebox<{ ring: KeyRing; issuer: string }> = async (
  app,
  { ring, issuer },
) => {
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

  app.get(
    '/.well-known/openid-configuration',
    {
      schema: {
        tags: ['tokens'],
        summary: 'The issuer and where its keys are (discovery document)',
        response: { 200: Discovery, ...errorResponses([]) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', CACHE);
      return {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        introspection_endpoint: `${issuer}/api/v1/auth/introspect`,
        subject_types_supported: ['public' as const],
        id_token_signing_alg_values_supported: ['ES256' as const],
        response_types_supported: [],
        grant_types_supported: [],
        claims_supported: CLAIMS,
        service_documentation: `${issuer}/docs`,
      };
    },
  );
};
