import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { KoaContext } from 'oidc-provider';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/types.ts';
import type { PageAssets } from '../pages/assets.ts';
import type { PageSession } from '../pages/page-session.ts';
import type { KeyRing, RingKey } from '../signing-keys/ring.ts';
import type { OidcAccounts } from './accounts.ts';
import { oidcAdapterFactory } from './adapter.ts';
import { compareHashedClientSecrets } from './client-secret.ts';
import { loadOidcProvider } from './library.ts';
import { providerConfiguration } from './provider-config.ts';
import { afterProvider } from './provider-middleware.ts';
import { fastifyRequestOf } from './raw-request.ts';

export interface OidcProviderDeps {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly ring: KeyRing;
  /** Signs the provider's cookies (derived from AUTH_SECRET: crypto/keys.ts). */
  readonly cookieKey: Buffer;
  readonly accounts: OidcAccounts;
  readonly assets: PageAssets;
  readonly pageSession: PageSession;
  readonly log: Logger;
  readonly now: () => number;
}

/** The private keys the provider may use, the one signing now first: it signs with the first that fits. */
function usableKeys(signer: RingKey, published: readonly RingKey[]): RingKey[] {
  return [signer, ...published.filter((key) => key.kid !== signer.kid && key.privateKey !== null)];
}

/**
 * oidc-provider, mounted under /oidc. It signs ID tokens with the service's own ES256 keys (signing-keys/),
 * the keys of access tokens: oidc-provider reads its keys once, when it is built, so it is built again
 * when the ring's signing key (or the set of published keys) changes, which a rotation does, here or on
 * another instance; requests in flight finish on the instance they started on. Everything the provider
 * keeps is in the database (adapter.ts), so a rebuilt provider carries on where the last left off.
 */
export function createOidcProvider(deps: OidcProviderDeps) {
  const { config, ring, log } = deps;
  let built: { fingerprint: string; provider: Provider; callback: ReturnType<Provider['callback']> } | undefined;
  const publicUrl = new URL(config.tokens.issuer);

  async function build(keys: RingKey[]): Promise<Provider> {
    const { default: ProviderClass, errors, interactionPolicy } = await loadOidcProvider();
    const jwks = {
      keys: keys.map((key) => ({
        ...key.privateKey!.export({ format: 'jwk' }),
        kid: key.kid,
        alg: 'ES256',
        use: 'sig',
      })),
    };
    const adapter = oidcAdapterFactory({
      db: deps.db,
      now: deps.now,
      alreadyConsumed: (model) =>
        new errors.InvalidGrant(`${model === 'RefreshToken' ? 'refresh token' : 'grant'} already used`),
    });
    const provider = new ProviderClass(
      config.tokens.issuer,
      providerConfiguration({ ...deps, adapter, jwks, interactionPolicy }),
    );
    compareHashedClientSecrets(provider.Client);
    // Koa trusts the X-Forwarded-* headers handOver writes from what Fastify decided (TRUST_PROXY).
    provider.proxy = true;
    provider.use(afterProvider({ ...deps, issuer: config.tokens.issuer }));
    provider.on('server_error', (_ctx: KoaContext, error: unknown) =>
      log.error({ err: error }, 'oidc-provider failed'),
    );
    return provider;
  }

  /** The provider for the ring's current keys, built on first use and after each change of keys. */
  async function current(): Promise<{ provider: Provider; callback: ReturnType<Provider['callback']> }> {
    const keys = usableKeys(await ring.signer(), await ring.published());
    const fingerprint = keys.map((key) => key.kid).join(' ');
    if (built?.fingerprint !== fingerprint) {
      const provider = await build(keys);
      built = { fingerprint, provider, callback: provider.callback() };
      log.info({ kid: keys[0]!.kid }, 'the OpenID Connect provider signs with this key');
    }
    return built;
  }

  return {
    current: async () => (await current()).provider,

    /**
     * Hands a request to the provider as it came, body unread: its answers are OAuth's and OpenID Connect's
     * own (JSON errors `{error, error_description}`, redirects to the client), not the API's envelope.
     * The provider sees the public URL's scheme and host (PUBLIC_URL, always https in production, so its
     * cookies are Secure there) and the client address Fastify found under TRUST_PROXY.
     */
    async handOver(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const { callback } = await current();
      const req = request.raw;
      req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
      req.headers['x-forwarded-host'] = publicUrl.host;
      req.headers['x-forwarded-for'] = request.ip;
      // A PUBLIC_URL with a path: the provider finds its mount path in `originalUrl`, as under Express.
      const mount = publicUrl.pathname.replace(/\/$/, '');
      if (mount) (req as { originalUrl?: string }).originalUrl = `${mount}${req.url}`;
      fastifyRequestOf.set(req, request);
      // What the app's hooks set before the handler (CORS for a listed origin at discovery) goes out too:
      // a hijacked reply sends only what is on the raw response.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value as string | string[]);
      }
      reply.hijack();
      await callback(req, reply.raw);
    },
  };
}

export type OidcProvider = ReturnType<typeof createOidcProvider>;
