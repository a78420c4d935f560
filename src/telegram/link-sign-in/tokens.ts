import { randomBytes } from 'node:crypto';
import { deviceOf } from '../../sessions/device.ts';

/** What a link is for: a browser signing in, or a signed-in user linking Telegram. */
export type Purpose = 'login' | 'link';

/**
 * A start token: the purpose, so the bot knows its own payloads without a database read, and 256 random
 * bits in base64url. 49 or 48 characters of `A-Za-z0-9_-`: within Telegram's 64 for a `start` payload.
 */
export function newStartToken(purpose: Purpose): string {
  return `${purpose}_${randomBytes(32).toString('base64url')}`;
}

/** A payload that claims to be one of ours (its purpose prefix), whatever its state. */
export function purposeOf(payload: string): Purpose | null {
  const match = /^(login|link)_/.exec(payload);
  return match ? (match[1] as Purpose) : null;
}

/** The secret only the asking browser holds: it takes the session, and only its hash is stored. */
export function newPollSecret(): string {
  return randomBytes(32).toString('base64url');
}

const DEVICE_MAX = 64;

/**
 * The asking browser as a person reads it ("Chrome on Android"): names only, from the same parser the session
 * list uses, so nothing the client wrote in its User-Agent reaches the confirmation message but a known
 * browser or system name. Null when neither is known (curl, a script).
 */
export function deviceText(userAgent: string | null): string | null {
  const { browser, os } = deviceOf(userAgent);
  const text = browser && os ? `${browser} on ${os}` : (browser ?? os);
  return text ? text.slice(0, DEVICE_MAX) : null;
}
