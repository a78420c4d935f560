import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a private signing key for `signing_keys.private_key` with AES-256-GCM under a key derived from
 * AUTH_SECRET, its `kid` as associated data: a sealed key copied onto another row does not open there, and a
 * database dump alone cannot sign tokens.
 */
export function sealPrivateKey(key: Buffer, kid: string, pkcs8: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(kid, 'utf8'));
  const sealed = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The PKCS #8 bytes, or null when the value does not open under this key and kid (AUTH_SECRET changed). */
export function openPrivateKey(key: Buffer, kid: string, value: string): Buffer | null {
  const [version, payload] = value.split('.');
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from(kid, 'utf8'))
      .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
