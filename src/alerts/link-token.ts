import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The tokens in an alert's links: `/s/<token>` cancels the alert in one click, `/c/<token>` records a click
 * and redirects to the product. A token is the alert's `link_key` (9 random bytes, 12 characters, stored
 * and unique) and a MAC over the key and the link's purpose (6 bytes, 8 characters): 20 characters, short
 * enough for an SMS. Guessing a key is hopeless (72 bits), and a token whose MAC is wrong is refused before
 * any database read, so enumerating costs the service nothing. A cancel token does not open the click link
 * and the other way round.
 */
export type LinkPurpose = 'stop' | 'click';

const KEY_BYTES = 9;
const MAC_BYTES = 6;
const KEY_CHARS = 12;
const TOKEN_CHARS = 20;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20}$/;

/** A new alert's `link_key`. */
export function newLinkKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

function mac(secret: Buffer, purpose: LinkPurpose, linkKey: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}:${linkKey}`).digest().subarray(0, MAC_BYTES);
}

export function linkToken(secret: Buffer, purpose: LinkPurpose, linkKey: string): string {
  return linkKey + mac(secret, purpose, linkKey).toString('base64url');
}

/** The `link_key` a token names, or null when the token was not made by us for this purpose. */
export function readLinkToken(secret: Buffer, purpose: LinkPurpose, token: string): string | null {
  if (token.length !== TOKEN_CHARS || !TOKEN_SHAPE.test(token)) return null;
  const linkKey = token.slice(0, KEY_CHARS);
  const given = Buffer.from(token.slice(KEY_CHARS), 'base64url');
  if (given.length !== MAC_BYTES) return null;
  return timingSafeEqual(given, mac(secret, purpose, linkKey)) ? linkKey : null;
}

/** The two links of an alert, under PUBLIC_URL. */
export function alertLinks(issuer: string, secret: Buffer, linkKey: string): { stop: string; click: string } {
  return {
    stop: `${issuer}/s/${linkToken(secret, 'stop', linkKey)}`,
    click: `${issuer}/c/${linkToken(secret, 'click', linkKey)}`,
  };
}
