import { createHmac } from 'node:crypto';

/** Standard Webhooks' secret form: `whsec_` then the key in base64. */
const WHSEC = 'whsec_';

/**
 * The HMAC key SMS_WEBHOOK_SECRET stands for. `whsec_<base64>` is decoded as Standard Webhooks says, so a
 * receiver can hand the same string to its library; any other value is taken as its UTF-8 bytes (a plain
 * shared secret, as this setting held before), which the libraries accept as a raw key.
 */
export function webhookSigningKey(secret: string): Buffer {
  return secret.startsWith(WHSEC) ? Buffer.from(secret.slice(WHSEC.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** Whether `secret`, when in the `whsec_` form, holds base64 at all (Node's decoder would skip what is not). */
export function isReadableWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(WHSEC)) return true;
  const encoded = secret.slice(WHSEC.length);
  return encoded.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 === 0;
}

/**
 * The Standard Webhooks headers for one request: `webhook-id` (the same on every try of one message, so the
 * receiver can drop repeats), `webhook-timestamp` (unix seconds, so a captured request is refused once it
 * is old) and `webhook-signature`, `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`.
 */
export function standardWebhookHeaders(
  key: Buffer,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}
