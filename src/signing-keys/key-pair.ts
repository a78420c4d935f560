import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';

/**
 * ES256 (ECDSA on P-256 with SHA-256): every JOSE and OpenID Connect library verifies it (RFC 7518 calls it
 * recommended+), where EdDSA is still missing from some; its signatures cost tens of microseconds (see
 * `npm run bench`).
 */
export const SIGNING_ALG = 'ES256';

/** The public half as a JWK with only the members RFC 7517/7518 define for an EC key. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

export interface NewKeyPair {
  /** The RFC 7638 thumbprint of the public key (SHA-256, base64url): stable and unique per key. */
  readonly kid: string;
  readonly publicJwk: PublicJwk;
  readonly privatePkcs8: Buffer;
}

export async function newKeyPair(): Promise<NewKeyPair> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  const publicJwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: x!, y: y! };
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return { kid, publicJwk, privatePkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}
