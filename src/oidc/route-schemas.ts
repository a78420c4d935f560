import { Type, type TSchema } from '@sinclair/typebox';
import type { ErrorCode } from '../errors/codes.ts';
import { errorResponses } from '../http/error-responses.ts';

/** OAuth 2.0's error body (RFC 6749 5.2), which the provider's endpoints answer with instead of the envelope. */
export const OAuthError = Type.Object(
  {
    error: Type.String({ description: 'invalid_request, invalid_client, invalid_grant, invalid_token, ...' }),
    error_description: Type.Optional(Type.String()),
    iss: Type.Optional(Type.String()),
    state: Type.Optional(Type.String()),
  },
  { description: "OAuth 2.0 / OpenID Connect's own error (not the envelope)" },
);

const Html = Type.String({ description: 'a page for the browser (fa, or en when the visitor chose it)' });
const SetCookie = Type.Union([Type.String(), Type.Array(Type.String())], {
  description:
    "the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure " +
    'on https); at a sign-out also otpgate_session emptied',
});

/** A redirect: to the next step, to the client's redirect URI (with `code` or `error`), or after a sign-out. */
export const redirect = (description: string) =>
  Type.Null({ description, headers: { Location: Type.String(), 'Set-Cookie': SetCookie } });

export const htmlPage = (description: string) => ({
  description,
  headers: { 'Set-Cookie': SetCookie },
  content: { 'text/html': { schema: Html } },
});

/**
 * The answers of an endpoint handed to oidc-provider: the given ones, OAuth errors at `oauthStatuses` (JSON,
 * or an HTML page for a browser, which asks for HTML), and the envelope for what the service refuses before
 * the provider is reached (`codes`); where both can come at one status, either.
 */
export function providerResponses(
  answers: Record<number, unknown>,
  oauthStatuses: readonly number[],
  codes: readonly ErrorCode[] = [],
): Record<number, unknown> {
  const envelopes = errorResponses(['DATABASE_UNAVAILABLE', ...codes]) as Record<number, TSchema>;
  const result: Record<number, unknown> = { ...envelopes, ...answers };
  for (const status of oauthStatuses) {
    const envelope = envelopes[status];
    result[status] = {
      description: 'OAuth error (JSON), or a page saying the sign-in failed (for a browser)',
      headers: {
        'Set-Cookie': SetCookie,
        'WWW-Authenticate': Type.Union([Type.String(), Type.Array(Type.String())], {
          description: 'at 401: how to authenticate (RFC 6750, RFC 6749 5.2)',
        }),
      },
      content: {
        'application/json': { schema: envelope ? Type.Union([OAuthError, envelope]) : OAuthError },
        'text/html': { schema: Html },
      },
    };
  }
  // A fault inside the provider answers the envelope (provider-middleware.ts), or a page to a browser.
  result[500] = {
    description: 'a fault: the envelope (INTERNAL_ERROR), or a page for a browser',
    content: { 'application/json': { schema: envelopes[500]! }, 'text/html': { schema: Html } },
  };
  return result;
}

export const Discovery = Type.Object(
  {
    issuer: Type.String({ description: 'PUBLIC_URL: the `iss` of every access token and ID token' }),
    authorization_endpoint: Type.String(),
    token_endpoint: Type.String(),
    userinfo_endpoint: Type.String(),
    end_session_endpoint: Type.String(),
    revocation_endpoint: Type.String(),
    jwks_uri: Type.String({ description: '/.well-known/jwks.json: the keys of access tokens and ID tokens' }),
    introspection_endpoint: Type.String({
      description: 'RFC 7662, for access tokens of the API; needs an admin API key with tokens:introspect',
    }),
    scopes_supported: Type.Array(Type.String()),
    claims_supported: Type.Array(Type.String()),
    response_types_supported: Type.Array(Type.Literal('code')),
    grant_types_supported: Type.Array(Type.String()),
    code_challenge_methods_supported: Type.Array(Type.Literal('S256')),
    subject_types_supported: Type.Array(Type.Literal('public')),
    id_token_signing_alg_values_supported: Type.Array(Type.Literal('ES256')),
    token_endpoint_auth_methods_supported: Type.Array(Type.String()),
    service_documentation: Type.String(),
  },
  {
    additionalProperties: true,
    description:
      'OpenID Connect Discovery 1.0: the provider under /oidc (authorization code flow with PKCE S256 only) and ' +
      'the keys and introspection endpoint of the API. Sent with `Cache-Control: public, max-age=300`.',
  },
);
