import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OIDC_ROUTES } from './provider-config.ts';
import type { OidcProvider } from './provider.ts';
import { Discovery, htmlPage, providerResponses, redirect } from './route-schemas.ts';

const tags = ['oidc'];
const BasicAuth = [{ clientBasic: [] }];
const BearerAuth = [{ bearerAuth: [] }];

const TokenAnswer = Type.Object(
  {
    access_token: Type.String({ description: 'opaque; for the userinfo endpoint' }),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    id_token: Type.Optional(Type.String({ description: 'ES256 JWT, verified with /.well-known/jwks.json' })),
    refresh_token: Type.Optional(Type.String({ description: 'single use: each refresh answers a new one' })),
    scope: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

const UserInfo = Type.Object(
  {
    sub: Type.String({ description: "the user's id" }),
    phone_number: Type.Optional(Type.String({ description: 'E.164; scope phone' })),
    phone_number_verified: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ description: 'scope profile, from Telegram' })),
  },
  { additionalProperties: true },
);

/**
 * The OpenID Connect provider's endpoints, each handed to oidc-provider with its body unread (routes
 * `OIDC_ROUTES`). They answer as OAuth 2.0 and OpenID Connect say, not with the API's envelope: errors are
 * `{error, error_description}` or a redirect to the client with `error=`; the envelope is kept for what the
 * service refuses before the provider is reached (its keys cannot be read, the instance is closing) and for
 * a fault inside the provider.
 */
export const oidcProviderRoutes: FastifyPluginAsyncTypebox<{ oidc: OidcProvider }> = async (app, { oidc }) => {
  // The provider reads the bodies itself (forms, as OAuth sends them): nothing is parsed here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const handOver = (request: FastifyRequest, reply: FastifyReply) => oidc.handOver(request, reply);
  const start = OIDC_ROUTES.authorization;
  const end = OIDC_ROUTES.end_session;

  app.get(
    '/.well-known/openid-configuration',
    {
      schema: {
        tags: ['tokens', ...tags],
        summary: 'The discovery document: the OpenID Connect provider, the keys and introspection',
        response: providerResponses({ 200: Discovery }, []),
      },
    },
    handOver,
  );

  app.get(
    start,
    {
      schema: {
        tags,
        summary: 'Starts a sign-in (authorization code flow; PKCE with S256 required)',
        description:
          'Query: client_id, redirect_uri, response_type=code, scope (openid and any of phone, profile, ' +
          'offline_access), state, nonce, code_challenge, code_challenge_method=S256; optional prompt, max_age. ' +
          'Redirects to the sign-in step, or to redirect_uri with `code` (or `error`). An unknown client or ' +
          'redirect URI is answered here (400), never redirected.',
        response: providerResponses({ 303: redirect('to the next step, or to the client') }, [400]),
      },
    },
    handOver,
  );

  app.get(
    `${start}/:uid`,
    {
      schema: {
        tags,
        summary: 'Goes on with a sign-in after its step (sign-in or consent) is done',
        params: Type.Object({ uid: Type.String({ description: 'the step, as the provider named it' }) }),
        response: providerResponses({ 303: redirect('to the next step, or to the client') }, [400]),
      },
    },
    handOver,
  );

  app.post(
    OIDC_ROUTES.token,
    {
      schema: {
        tags,
        summary: 'Redeems a code (with its PKCE verifier) or a refresh token for tokens',
        description:
          'application/x-www-form-urlencoded: grant_type=authorization_code (code, redirect_uri, ' +
          'code_verifier) or refresh_token (refresh_token). A confidential client authenticates with HTTP ' +
          'Basic (client_secret_basic); a public one sends client_id. A code or refresh token is spent once: ' +
          'of two requests with one, one gets tokens and the other invalid_grant.',
        security: BasicAuth,
        consumes: ['application/x-www-form-urlencoded'],
        response: providerResponses({ 200: TokenAnswer }, [400, 401]),
      },
    },
    handOver,
  );

  app.get(
    OIDC_ROUTES.userinfo,
    {
      schema: {
        tags,
        summary: 'The claims the granted scopes release (OpenID Connect UserInfo)',
        security: BearerAuth,
        response: providerResponses({ 200: UserInfo }, [400, 401]),
      },
    },
    handOver,
  );

  app.get(
    end,
    {
      schema: {
        tags,
        summary: 'Signs out at the service (RP-initiated logout): asks the user first',
        description:
          'Query: id_token_hint, post_logout_redirect_uri (registered for the client), state, client_id. ' +
          'Answers a page asking to sign out; its form posts to /oidc/session/end/confirm.',
        response: providerResponses({ 200: htmlPage('the question'), 303: redirect('signed out already') }, [400]),
      },
    },
    handOver,
  );

  app.post(
    `${end}/confirm`,
    {
      schema: {
        tags,
        summary: "The sign-out page's form (xsrf token; logout=yes signs out of every client)",
        consumes: ['application/x-www-form-urlencoded'],
        response: providerResponses({ 303: redirect('to post_logout_redirect_uri or the signed-out page') }, [400]),
      },
    },
    handOver,
  );

  app.get(
    `${end}/success`,
    {
      schema: {
        tags,
        summary: 'The signed-out page, when the client named no page to return to',
        response: providerResponses({ 200: htmlPage('the page') }, [400]),
      },
    },
    handOver,
  );

  app.post(
    OIDC_ROUTES.revocation,
    {
      schema: {
        tags,
        summary: 'Revokes a refresh token or access token (RFC 7009); a refresh token takes its grant with it',
        security: BasicAuth,
        consumes: ['application/x-www-form-urlencoded'],
        response: providerResponses(
          { 200: Type.Null({ description: 'revoked, or not a token of this client' }) },
          [400, 401],
        ),
      },
    },
    handOver,
  );
};
