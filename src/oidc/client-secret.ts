import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../crypto/keys.ts';

/** Marks a string as an otpgate client secret, for people and for secret scanners. */
const MARK = 'otpgcs_';
/** 256 bits from the CSPRNG, as API keys: nothing to guess, so a plain SHA-256 is safe to store and compare. */
const SECRET_BYTES = 32;

export interface NewClientSecret {
  /** Shown once and never stored. */
  readonly secret: string;
  readonly hash: string;
}

export function generateClientSecret(): NewClientSecret {
  const secret = `${MARK}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, hash: hashClientSecret(secret) };
}

/** The same hashing as API keys (api-keys/key.ts): SHA-256, hex. */
export const hashClientSecret = (secret: string): string => sha256Hex(secret);

/** The part of oidc-provider's Client class this touches. */
interface ClientClass {
  readonly prototype: { compareClientSecret(this: { clientSecret?: unknown }, actual: string): unknown };
}

/**
 * Makes the provider compare secrets by hash. oidc-provider compares `client_secret` as stored with what the
 * client sent; ours holds only the hash (the adapter answers it as `client_secret`), so the sent secret is
 * hashed first. The provider's maintainer names this prototype method as the way to keep hashed secrets
 * (panva/node-oidc-provider#631). It rules out what needs the secret itself, which the registry never offers:
 * `client_secret_jwt`, HS* ID tokens and symmetric encryption. Call it once on each Provider's `Client`.
 */
export function compareHashedClientSecrets(Client: ClientClass): void {
  Client.prototype.compareClientSecret = function compare(this: { clientSecret?: unknown }, actual: string) {
    if (typeof this.clientSecret !== 'string' || typeof actual !== 'string') return false;
    const sent = Buffer.from(hashClientSecret(actual));
    const stored = Buffer.from(this.clientSecret);
    return sent.length === stored.length && timingSafeEqual(sent, stored);
  };
}
