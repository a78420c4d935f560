import { createHash, randomBytes } from 'node:crypto';

/**
 * A PKCE pair (RFC 7636) for one sign-in: the verifier stays with us until the code is redeemed, the S256
 * challenge goes in the authorization URL. 32 random bytes give the 43-character verifier the RFC suggests.
 */
export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
