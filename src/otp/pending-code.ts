import { open, seal } from '../crypto/seal.ts';

/**
 * Seals a code for `otp_codes.pending_code` with AES-256-GCM under a key derived from AUTH_SECRET, the
 * challenge key as associated data: a sealed code copied onto another number's row does not open there.
 * A database dump alone gives neither the code nor a way to check guesses against it.
 */
export function sealCode(key: Buffer, challengeKey: string, code: string): string {
  return seal(key, challengeKey, Buffer.from(code, 'utf8'));
}

/**
 * The code, or null when the value does not open under this key and challenge (AUTH_SECRET changed, or the
 * row was tampered with): the caller then issues a new code, which is what it would do without a copy.
 */
export function openCode(key: Buffer, challengeKey: string, value: string): string | null {
  return open(key, challengeKey, value)?.toString('utf8') ?? null;
}
