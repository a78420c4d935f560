import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { JWTPayload } from 'jose';
import { ADMIN_SCOPE_ERRORS, createAdminAuth } from '../admin/auth.ts';
import type { ApiKeyService } from '../api-keys/service.ts';
import { AppError } from '../errors/app-error.ts';
import { BODY_ERRORS } from '../http/error-responses.ts';
import { responses } from '../http/schemas.ts';
import { IntrospectBody, Introspection } from './introspection-schemas.ts';
import type { SessionService } from './service.ts';

/** A token is well under 1 KiB; RFC 7662 bodies carry one token and a hint. */
const BODY_LIMIT_BYTES = 8 * 1024;

/**
 * `POST /introspect` (RFC 7662) for backends that would rather ask than verify: form-encoded, authenticated
 * by an admin API key with `tokens:introspect` (checked before the body is read). Whatever is wrong with the
 * token itself (forged, expired, its session ended, not a token at all) is the same `active: false`, so the
 * answer says nothing more about why.
 */
export const introspectionRoutes: FastifyPluginAsyncTypebox<{
  sessions: SessionService;
  apiKeys: ApiKeyService;
}> = async (app, { sessions, apiKeys }) => {
  const { authenticate, requireScope } = createAdminAuth(apiKeys);
  // Only in this plugin, which takes the form RFC 7662 defines and nothing else; every other route takes JSON.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(body as string)) {
      if (fields.has(name)) return done(new AppError('VALIDATION_ERROR', `${name} is given more than once`));
      fields.set(name, value);
    }
    done(null, Object.fromEntries(fields));
  });

  app.post(
    '/introspect',
    {
      bodyLimit: BODY_LIMIT_BYTES,
      onRequest: authenticate,
      preHandler: requireScope('tokens:introspect'),
      schema: {
        tags: ['tokens'],
        summary: 'Whether an access token is active, and its claims (RFC 7662); scope tokens:introspect',
        description:
          'The body is `application/x-www-form-urlencoded` (`token=...`), at most 8 KiB. A refresh token, ' +
          'or any token this service did not issue, answers `active: false`.',
        // An API key only: introspection is for a shop's backend, not for the console.
        security: [{ adminKey: [] }],
        consumes: ['application/x-www-form-urlencoded'],
        body: IntrospectBody,
        response: responses(200, Introspection, [...BODY_ERRORS, ...ADMIN_SCOPE_ERRORS]),
      },
    },
    async (request) => {
      const verified = await sessions.introspect(request.body.token);
      if (!verified) return { success: true as const, active: false };
      return { success: true as const, active: true, ...claimsOf(verified.payload), token_type: 'Bearer' as const };
    },
  );
};

/** The token's claims as RFC 7662 names them (the same names as in the token). */
function claimsOf(payload: JWTPayload) {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return {
    sub: text(payload.sub),
    sid: text(payload.sid),
    phone_number: text(payload.phone_number),
    phone_number_verified:
      typeof payload.phone_number_verified === 'boolean' ? payload.phone_number_verified : undefined,
    external_id: text(payload.external_id),
    amr: Array.isArray(payload.amr) ? payload.amr.filter((method) => typeof method === 'string') : undefined,
    auth_time: number(payload.auth_time),
    exp: number(payload.exp),
    iat: number(payload.iat),
    iss: text(payload.iss),
    aud: Array.isArray(payload.aud) ? payload.aud[0] : text(payload.aud),
    jti: text(payload.jti),
  };
}
