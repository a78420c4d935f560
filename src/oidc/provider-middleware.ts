import type { KoaContext } from 'oidc-provider';
import type { Logger } from 'pino';
import type { PageSession } from '../pages/page-session.ts';
import { JWKS_MAX_AGE_SECONDS } from '../signing-keys/rules.ts';
import { oidcPageCsp } from './consent-page.ts';
import { fastifyRequestOf } from './raw-request.ts';
import { messageFor } from '../errors/messages/index.ts';

/** The claims access tokens carry (sessions/tokens.ts), listed beside the provider's own in discovery. */
const ACCESS_TOKEN_CLAIMS = ['iss', 'aud', 'exp', 'iat', 'jti', 'auth_time', 'amr', 'sid', 'external_id'];

/**
 * Runs around every request the provider handles. Before it: the headers the service's pages carry (a page
 * the provider renders gets the pages' policy; one that sets its own keeps it). After it:
 * - discovery is the one document of the service: the provider's endpoints, and what was there before it
 *   (our JWKS, which the provider's keys are part of, the introspection endpoint, the access tokens' claims);
 * - a sign-out confirmed for every client (`logout=yes`) ends the hosted pages' sign-in too, so the next
 *   authorization asks for a code again instead of finding the pages' cookie;
 * - a fault of the provider's (its `server_error`, logged by provider.ts) answers the service's envelope,
 *   INTERNAL_ERROR with the request id, as every other fault does: never a bare 500.
 */
export function afterProvider(deps: { issuer: string; pageSession: PageSession; log: Logger }) {
  const { issuer, pageSession, log } = deps;
  return async (ctx: KoaContext, next: () => Promise<void>): Promise<void> => {
    ctx.set('content-security-policy', oidcPageCsp());
    ctx.set('x-frame-options', 'DENY');
    ctx.set('x-content-type-options', 'nosniff');
    ctx.set('referrer-policy', 'same-origin');
    if (issuer.startsWith('https:')) ctx.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    await next();
    if (ctx.status >= 500 && (ctx.body as { error?: unknown } | undefined)?.error === 'server_error') {
      ctx.body = {
        success: false,
        message: messageFor('INTERNAL_ERROR'),
        code: 'INTERNAL_ERROR',
        request_id: fastifyRequestOf.get(ctx.req)?.id ?? 'unknown',
      };
      ctx.status = 500;
    }
    const route = ctx.oidc?.route;
    if (route === 'discovery' && ctx.status === 200) {
      const document = ctx.body as Record<string, unknown>;
      const claims = [...((document.claims_supported as string[] | undefined) ?? []), ...ACCESS_TOKEN_CLAIMS];
      ctx.body = {
        ...document,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        introspection_endpoint: `${issuer}/api/v1/auth/introspect`,
        claims_supported: [...new Set(claims)],
      };
      ctx.set('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
    }
    if (route === 'end_session_confirm' && ctx.oidc.params?.logout && ctx.status < 400) {
      const request = fastifyRequestOf.get(ctx.req);
      const dropped =
        request &&
        (await pageSession.endSession(request).catch((error: unknown) => {
          log.warn({ err: error }, 'the hosted pages’ session could not be ended at an OpenID Connect sign-out');
          return undefined;
        }));
      if (dropped) ctx.append('set-cookie', dropped);
    }
  };
}
