import type { KoaContext, ProviderClient, ProviderGrant, interactionPolicy as InteractionPolicy } from 'oidc-provider';
import type { Config } from '../config/index.ts';
import type { PageAssets } from '../pages/assets.ts';
import { cookieValue, LANG_COOKIE } from '../pages/locale.ts';
import type { PageLocale } from '../pages/messages.ts';
import { SCOPE_CLAIMS, type OidcAccounts } from './accounts.ts';
import type { OidcAdapter } from './adapter.ts';
import { oidcPageCsp, renderErrorPage, renderLoggedOutPage, renderLogoutPage } from './consent-page.ts';

/** The provider's session cookie: it names the session's row (oidc_payloads, model Session). */
export const PROVIDER_SESSION_COOKIE = 'otpgate_oidc';

/** Where the provider's endpoints are, under the issuer. Fastify routes exactly these (routes.ts). */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  // Not routed: the keys are published at /.well-known/jwks.json, which discovery names.
  jwks: '/oidc/jwks',
} as const;

/**
 * `offline_access` is offered as OpenID Connect Core 11 describes it: a refresh token that outlives the
 * sign-in at the service (asked for with prompt=consent). Without it a client still gets a refresh token,
 * tied to the sign-in: signing out at the service (end_session) ends it.
 */
export const OIDC_SCOPES = ['openid', 'phone', 'profile', 'offline_access'] as const;

/** How the sign-in was made, as the session says: `sms` (RFC 8176) or `telegram`. */
export const ACR_VALUES = ['sms', 'telegram'] as const;

export const INTERACTION_PATH = '/oidc/interaction/';

/** The page language of a provider's own page: the remembered choice, else Persian. */
const localeOf = (ctx: KoaContext): PageLocale => (cookieValue(ctx.get('cookie'), LANG_COOKIE) === 'en' ? 'en' : 'fa');

interface ConfigurationDeps {
  readonly config: Config;
  readonly accounts: OidcAccounts;
  readonly assets: PageAssets;
  readonly cookieKey: Buffer;
  readonly adapter: (model: string) => OidcAdapter;
  readonly jwks: { keys: object[] };
  readonly interactionPolicy: typeof InteractionPolicy;
}

/**
 * oidc-provider's prompts, with one more reason to ask for a sign-in: the provider remembers a user whom
 * `findAccount` no longer finds (blocked or erased since). Without it the provider would go on to consent
 * with no account and fail; with it the user is sent to sign in, where a blocked user is refused.
 */
function prompts({ base, Check }: typeof InteractionPolicy) {
  const policy = base();
  policy
    .get('login')!
    .checks.add(
      new Check('account_unusable', 'the remembered account can no longer sign in', (ctx) =>
        Boolean(ctx.oidc.session?.accountId && !ctx.oidc.account),
      ),
    );
  return policy;
}

/**
 * A first-party client (the shop's own application) is not asked for consent: what it asks for is granted.
 * Others keep the grant the user gave, and are asked again (consent page) for what it does not cover.
 */
async function loadExistingGrant(ctx: KoaContext): Promise<ProviderGrant | undefined> {
  const { oidc } = ctx;
  const client = oidc.client!;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  if (!client.first_party || !oidc.session?.accountId) return existing;
  const grant = existing ?? new oidc.provider.Grant({ clientId: client.clientId, accountId: oidc.session.accountId });
  grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
  if (oidc.requestParamClaims) grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

/** oidc-provider's configuration: every default that would print a notice is set. */
export function providerConfiguration(deps: ConfigurationDeps): Record<string, unknown> {
  const { config, accounts, assets } = deps;
  const { accessTtlSeconds, refreshTtlSeconds, sessionMaxAgeSeconds } = config.tokens;
  return {
    adapter: deps.adapter,
    clients: [],
    jwks: deps.jwks,
    findAccount: accounts.find,
    claims: SCOPE_CLAIMS,
    scopes: [...OIDC_SCOPES],
    acrValues: [...ACR_VALUES],
    responseTypes: ['code'],
    // Every client proves the code is its own with PKCE (S256, the only method oidc-provider offers).
    pkce: { required: () => true },
    routes: OIDC_ROUTES,
    interactions: {
      policy: prompts(deps.interactionPolicy),
      url: (_ctx: unknown, interaction: { uid: string }) => `${INTERACTION_PATH}${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      // Bearer tokens only: no sender-constrained (DPoP) tokens to support or document yet.
      dPoP: { enabled: false },
      // Access tokens for userinfo only: opaque, kept in the database, revocable.
      resourceIndicators: { enabled: false },
      introspection: { enabled: false },
      // Not served under /oidc: discovery must not name an endpoint that answers 404.
      pushedAuthorizationRequests: { enabled: false },
      registration: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContext, form: string) => {
          // The buttons post the form, which then goes on to the client's page: its origin may be a target.
          ctx.set('content-security-policy', oidcPageCsp(ctx.oidc.client?.postLogoutRedirectUris ?? []));
          ctx.body = renderLogoutPage(localeOf(ctx), assets, form);
        },
        postLogoutSuccessSource: async (ctx: KoaContext) => {
          ctx.body = renderLoggedOutPage(localeOf(ctx), assets);
        },
      },
    },
    // What a registered client can use (clients are registered with a secret or as public): discovery lists
    // only these, so that no plugin picks client_secret_jwt or private_key_jwt and fails.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    // The scope's claims go in the ID token too: many relying parties (plugins) read only the ID token.
    conformIdTokenClaims: false,
    extraClientMetadata: { properties: ['first_party'] },
    loadExistingGrant,
    // Every refresh token is spent once and replaced; using a spent one again revokes the whole grant.
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx: unknown, client: ProviderClient) => client.grantTypeAllowed('refresh_token'),
    // Browser apps (public clients) call the token and userinfo endpoints from their redirect URIs' origins.
    clientBasedCORS: (_ctx: unknown, origin: string, client: ProviderClient) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      authorizationSigningAlgValues: ['ES256'],
    },
    ttl: {
      AccessToken: accessTtlSeconds,
      AuthorizationCode: 60,
      IdToken: accessTtlSeconds,
      RefreshToken: refreshTtlSeconds,
      Interaction: 60 * 60,
      Session: sessionMaxAgeSeconds,
      Grant: sessionMaxAgeSeconds,
    },
    cookies: {
      keys: [deps.cookieKey],
      names: { session: PROVIDER_SESSION_COOKIE, interaction: 'otpgate_oidc_step', resume: 'otpgate_oidc_resume' },
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    discovery: { service_documentation: `${config.tokens.issuer}/docs`, ui_locales_supported: ['fa', 'en'] },
    renderError: async (ctx: KoaContext, out: { error: string }) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(localeOf(ctx), assets, out.error);
    },
  };
}
