import type { Logger } from 'pino';
import { ConfigError } from '../../config/config-error.ts';
import { AppError } from '../../errors/app-error.ts';
import { discover, type IssuerMetadata } from './discovery.ts';
import { verifyIdToken } from './id-token.ts';
import { createKeySet } from './key-set.ts';
import { OidcProblem, refused } from './problem.ts';
import { isSecureUrl } from './secure-url.ts';
import { exchangeCode } from './token.ts';

export { newPkce } from './pkce.ts';

/*
 * Built on `jose` and fetch rather than openid-client 6.9. openid-client checks an id_token's signature only
 * when asked (enableNonRepudiationChecks), and then oauth4webapi fetches the key set again for an unknown kid
 * only once its copy is a minute old, a fixed rule in a cache shared by the whole process: after a key
 * rotation, sign-ins would fail for up to that minute, and nothing can tune it. It also reads the time from
 * Date.now only, and its code exchange wants the whole callback URL where the caller has the code alone.
 * What is left to do here is one GET for discovery, one for the keys and one POST, each bounded by timeoutMs.
 */

export interface TelegramOidcSettings {
  /** `https://oauth.telegram.org`; plain http only for loopback (tests, a local relay). */
  readonly issuer: string;
  /** The bot's Client ID from BotFather (Bot Settings > Web Login), its numeric id. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Budget for each call to the issuer (discovery, keys, token), connect to last byte. */
  readonly timeoutMs: number;
}

export interface TelegramOidcIdentity {
  /** The `id` claim: the Telegram user id as a decimal string. Not `sub`, which differs per client. */
  readonly telegramId: string;
  readonly name: string | null;
  /** `preferred_username`, as Telegram sends it. */
  readonly username: string | null;
  readonly picture: string | null;
  /** As Telegram gives it (digits, usually no '+'), verified by Telegram; only with the `phone` scope. */
  readonly phoneNumber: string | null;
}

export interface TelegramOidc {
  /** The authorization URL for this state/PKCE challenge; discovery is fetched lazily and cached. */
  authorizationUrl(input: {
    state: string;
    codeChallenge: string;
    redirectUri: string;
    scope?: string;
  }): Promise<string>;
  /**
   * Exchanges the code (Basic auth with client id/secret, code_verifier, redirect_uri, client_id in the body)
   * and verifies the id_token; returns the identity.
   */
  redeem(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TelegramOidcIdentity>;
}

/** Discovery is fetched again after a day, so a moved endpoint is picked up without a restart. */
export const DISCOVERY_MAX_AGE_MS = 24 * 60 * 60_000;
const DEFAULT_SCOPE = 'openid profile phone';

/**
 * The relying-party side of "Log In With Telegram" (OpenID Connect, code flow with PKCE). It keeps no state
 * per sign-in: the caller stores `state` and the PKCE verifier and checks `state` on the way back. Every
 * failure is an AppError: TELEGRAM_AUTH_INVALID when the answer or token does not hold, TELEGRAM_UNAVAILABLE
 * when the issuer cannot be reached, fails or hangs; the reason is logged, never a secret, code or token.
 */
export function createTelegramOidc(
  settings: TelegramOidcSettings,
  deps: { now: () => number; log: Logger },
): TelegramOidc {
  const { issuer, clientId, clientSecret, timeoutMs } = settings;
  const { now, log } = deps;
  if (!isSecureUrl(issuer)) {
    throw new ConfigError(`the Telegram issuer must be an https URL (http only on loopback), not ${issuer}`);
  }

  let discovered: { metadata: Promise<IssuerMetadata>; at: number } | null = null;
  function metadata(): Promise<IssuerMetadata> {
    if (discovered === null || now() - discovered.at >= DISCOVERY_MAX_AGE_MS) {
      const attempt = { metadata: discover(issuer, timeoutMs), at: now() };
      // A failed discovery is not kept: the next sign-in asks again.
      attempt.metadata.catch(() => {
        if (discovered === attempt) discovered = null;
      });
      discovered = attempt;
    }
    return discovered.metadata;
  }

  const keyFor = createKeySet({ jwksUri: async () => (await metadata()).jwksUri, timeoutMs, now });

  async function atEdge<T>(step: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof OidcProblem)) throw error;
      if (error.kind === 'refused') {
        log.warn({ step, reason: error.reason }, 'telegram sign-in refused');
        throw new AppError('TELEGRAM_AUTH_INVALID');
      }
      log.error({ step, reason: error.reason }, 'telegram issuer unavailable');
      throw new AppError('TELEGRAM_UNAVAILABLE');
    }
  }

  return {
    authorizationUrl(input) {
      return atEdge('authorize', async () => {
        const url = new URL((await metadata()).authorizationEndpoint);
        url.searchParams.set('response_type', 'code');
        url.searchParams.set('client_id', clientId);
        url.searchParams.set('redirect_uri', input.redirectUri);
        url.searchParams.set('scope', input.scope ?? DEFAULT_SCOPE);
        url.searchParams.set('state', input.state);
        url.searchParams.set('code_challenge', input.codeChallenge);
        url.searchParams.set('code_challenge_method', 'S256');
        return url.href;
      });
    },

    redeem(input) {
      return atEdge('redeem', async () => {
        const { tokenEndpoint } = await metadata();
        const idToken = await exchangeCode({ ...input, tokenEndpoint, clientId, clientSecret, timeoutMs });
        return identityOf(await verifyIdToken(idToken, { issuer, clientId, keyFor, now }));
      });
    },
  };
}

function identityOf(claims: Record<string, unknown>): TelegramOidcIdentity {
  const { id } = claims;
  const telegramId =
    typeof id === 'number' && Number.isSafeInteger(id) && id > 0
      ? String(id)
      : typeof id === 'string' && /^[1-9]\d{0,19}$/.test(id)
        ? id
        : null;
  if (telegramId === null) throw refused('id_token has no numeric id claim');
  return {
    telegramId,
    name: text(claims.name),
    username: text(claims.preferred_username),
    picture: text(claims.picture),
    phoneNumber: text(claims.phone_number),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
