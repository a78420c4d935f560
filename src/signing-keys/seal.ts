import { open, seal } from '../crypto/seal.ts';

/**
 * Seals a private signing key for `signing_keys.private_key` under a key derived from AUTH_SECRET, its `kid`
 * as associated data: a sealed key copied onto another row does not open there, and a database dump alone
 * cannot sign tokens.
 */
export function sealPrivateKey(key: Buffer, kid: string, pkcs8: Buffer): string {
  return seal(key, kid, pkcs8);
}

/** The PKCS #8 bytes, or null when the value does not open under this key and kid (AUTH_SECRET changed). */
export function openPrivateKey(key: Buffer, kid: string, value: string): Buffer | null {
  return open(key, kid, value);
}
