import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../crypto/keys.ts';
import { bearerCredentials } from '../http/bearer.ts';

const MARK = 'otpg_';
/** 256 bits from the CSPRNG: a key cannot be guessed, so its plain SHA-256 is safe to store and look up. */
const KEY_BYTES = 32;
/** `otpg_` and the first 8 characters of the random part (48 bits): enough to tell keys apart by eye. */
const SHOWN_LENGTH = MARK.length + 8;
const KEY = /^otpg_[A-Za-z0-9_-]{43}$/;

export interface NewSecret {
  /** The whole key; shown once and never stored. */
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

export function generateKey(): NewSecret {
  const key = `${MARK}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_LENGTH), hash: hashKey(key) };
}

export const hashKey = (key: string): string => sha256Hex(key);

/**
 * The key in an `Authorization: Bearer otpg_...` header, or null. Anything else, a user's access token (a
 * JWT) included, is not a key and never reaches the database.
 */
export function keyFromAuthorization(header: string | undefined): string | null {
  const credentials = bearerCredentials(header);
  return credentials !== null && KEY.test(credentials) ? credentials : null;
}
