import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { invalid } from './check-string.ts';

/** Telegram's published Ed25519 keys for Mini App data, as 32 raw bytes in hex. */
export const TELEGRAM_PUBLIC_KEYS = {
  production: 'e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d',
  /** Telegram's test environment; trusted only when a caller lists it. */
  test: '40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec',
} as const;

const keys = new Map<string, KeyObject>();

function publicKey(hex: string): KeyObject {
  let key = keys.get(hex);
  if (key === undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('a Telegram public key must be 32 bytes in hex');
    const x = Buffer.from(hex, 'hex').toString('base64url');
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    keys.set(hex, key);
  }
  return key;
}

/**
 * Whether `signature` (base64url without padding, as Telegram sends it) is an Ed25519 signature of `message`
 * by one of `publicKeys`. A signature that is not 64 bytes of base64url is INVALID, not merely false.
 */
export function signedByTelegram(message: string, signature: string, publicKeys: readonly string[]): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) throw invalid();
  const bytes = Buffer.from(signature, 'base64url');
  const data = Buffer.from(message);
  return publicKeys.some((hex) => verify(null, data, publicKey(hex), bytes));
}
