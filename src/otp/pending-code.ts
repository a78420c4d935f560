import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a code for `otp_codes.pending_code` with AES-256-GCM under a key derived from AUTH_SECRET, the
 * challenge key as associated data: a sealed code copied onto another number's row does not open there.
 * A database dump alone gives neither the code nor a way to check guesses against it.
 */
export function sealCode(key: Buffer, challengeKey: string, code: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(challengeKey, 'utf8'));
  const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/**
 * The code, or null when the value does not open under this key and challenge (AUTH_SECRET changed, or the
 * row was tampered with): the caller then issues a new code, which is what it would do without a copy.
 */
export function openCode(key: Buffer, challengeKey: string, value: string): string | null {
  const [version, payload] = value.split('.');
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
      .setAAD(Buffer.from(challengeKey, 'utf8'))
      .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
