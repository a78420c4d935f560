import { createHmac, randomInt } from 'node:crypto';

/** `length` digits from the CSPRNG, leading zeros kept (ASVS 2.7.6). */
export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/**
 * Codes are stored only as an HMAC keyed with a secret derived from AUTH_SECRET, bound to the challenge
 * they were issued for, so a database dump gives neither the codes nor a cheap way to try all 10^6.
 */
export function hashCode(key: Buffer, challengeKey: string, code: string): string {
  return createHmac('sha256', key).update(challengeKey).update('\0').update(code).digest('hex');
}
