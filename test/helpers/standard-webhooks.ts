import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * A receiver's check of a Standard Webhooks request, written from the specification
 * (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md) and not from our signer, so that
 * a test passing means an independent receiver accepts what we send. Returns why it refuses, or null.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  nowSeconds: number,
  toleranceSeconds = 300,
): string | null {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return 'missing headers';
  }
  if (!/^\d+$/.test(timestamp)) return 'timestamp is not unix seconds';
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'timestamp outside the tolerance';
  // The spec's secrets are `whsec_` + base64; the libraries take other keys as raw bytes when told to.
  const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
  const content = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), rawBody]);
  const expected = createHmac('sha256', key).update(content).digest();
  for (const entry of signatures.split(' ')) {
    const [version, encoded] = entry.split(',');
    if (version !== 'v1' || !encoded) continue;
    const given = Buffer.from(encoded, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return 'no signature matches';
}
