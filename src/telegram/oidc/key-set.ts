import { importJWK, type JWK, type JWTHeaderParameters } from 'jose';
import { callIssuer } from './http.ts';
import { refused, unavailable } from './problem.ts';

/** What a verifiable key looks like for each algorithm Telegram signs with (reference/telegram.md §3). */
const USABLE: Readonly<Record<string, { kty: string; crv?: string }>> = {
  RS256: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
};

/** A key set older than this is fetched again before use, so a key the issuer withdrew stops working. */
export const KEY_SET_MAX_AGE_MS = 10 * 60_000;
/**
 * The key set is fetched again for an unknown `kid` (a rotated key), but not sooner than this after the last
 * fetch: a flood of tokens with invented kids must cost the issuer one request per cooldown, not one each.
 */
export const KEY_SET_REFRESH_COOLDOWN_MS = 5_000;

export interface KeySetOptions {
  /** Where the keys are; it comes from discovery, so it is asked for only when keys are needed. */
  readonly jwksUri: () => Promise<string>;
  readonly timeoutMs: number;
  readonly now: () => number;
}

/**
 * The issuer's signing keys, cached, as a key lookup for `jose.jwtVerify`. Keys it cannot use are skipped,
 * not fatal: Telegram publishes an ES256K (secp256k1) key next to the RS256 one, and libraries that reject
 * the whole set for it broke sign-in elsewhere. A token signed with ES256K itself is refused (WebCrypto,
 * and so `jose`, has no secp256k1); Telegram signs with RS256 unless the bot is set to another algorithm.
 */
export function createKeySet(options: KeySetOptions) {
  const { timeoutMs, now } = options;
  let cached: { keys: readonly JWK[]; fetchedAt: number } | null = null;
  // When the last fetch ended, well or badly: the refresh cooldown counts from there.
  let lastFetchAt = -Infinity;
  // One fetch at a time: concurrent sign-ins that all miss the cache share it.
  let inFlight: Promise<readonly JWK[]> | null = null;
  const imported = new WeakMap<JWK, ReturnType<typeof importJWK>>();

  function fetchKeys(): Promise<readonly JWK[]> {
    inFlight ??= (async () => {
      const { status, json } = await callIssuer('jwks', await options.jwksUri(), get, timeoutMs);
      if (status !== 200 || !Array.isArray(json?.keys)) throw unavailable(`jwks: HTTP ${status}, no key set`);
      const keys = (json.keys as unknown[]).filter((key): key is JWK => typeof key === 'object' && key !== null);
      cached = { keys, fetchedAt: now() };
      return keys;
    })().finally(() => {
      lastFetchAt = now();
      inFlight = null;
    });
    return inFlight;
  }

  return async function keyFor(header: JWTHeaderParameters) {
    const { alg, kid } = header;
    // Both come from the token, so from anyone: cut before they reach the log.
    const named = `${String(kid ?? '(no kid)').slice(0, 64)} for ${String(alg).slice(0, 16)}`;
    if (!Object.hasOwn(USABLE, alg)) throw refused(`id_token key ${named}: not an algorithm verified here`);
    const stale = cached === null || now() - cached.fetchedAt >= KEY_SET_MAX_AGE_MS;
    let jwk = select(stale ? await fetchKeys() : cached!.keys, alg, kid);
    // A rotated key: fetch once more, unless a fetch (this token's own, or another's) ended moments ago. The
    // cooldown counting from the end of the last fetch is also what keeps it to one fetch per token.
    if (!jwk && now() - lastFetchAt >= KEY_SET_REFRESH_COOLDOWN_MS) {
      jwk = select(await fetchKeys(), alg, kid);
    }
    if (!jwk) throw refused(`id_token key ${named} is not in the issuer's key set`);
    let key = imported.get(jwk);
    if (!key) imported.set(jwk, (key = importJWK(jwk, alg)));
    return key.catch(() => {
      throw unavailable(`jwks: key ${named} cannot be read`);
    });
  };
}

const get = { method: 'GET', headers: { accept: 'application/json' } } as const;

/** The one key that fits; without a kid, a set with several that fit is ambiguous and none is used. */
function select(keys: readonly JWK[], alg: string, kid: string | undefined): JWK | undefined {
  const { kty, crv } = USABLE[alg]!;
  const fits = keys.filter(
    (key) =>
      key.kty === kty &&
      (crv === undefined || key.crv === crv) &&
      (key.alg === undefined || key.alg === alg) &&
      (key.use === undefined || key.use === 'sig') &&
      (kid === undefined || key.kid === kid),
  );
  return fits.length === 1 ? fits[0] : undefined;
}
