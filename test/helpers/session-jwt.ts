import { createHmac } from 'node:crypto';

const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');

const HMAC: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/**
 * A compact JWS built by hand, so a test controls every byte: any header, any claims, and any HMAC key,
 * or none at all for `alg: none` (an empty signature, as RFC 7519 6.1 writes it).
 */
export function forgeJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key?: Uint8Array): string {
  const input = `${encode(header)}.${encode(claims)}`;
  if (!key) return `${input}.`;
  const hash = HMAC[String(header.alg)] ?? 'sha256';
  return `${input}.${createHmac(hash, key).update(input).digest('base64url')}`;
}
