import { invalid } from './explain.ts';
import { isLoopbackHost } from './provider-transport.ts';
import type { Env } from './schema.ts';

/** The events webhook: where each event is POSTed and the key it is signed with. */
export interface EventsConfig {
  /** Null when EVENTS_WEBHOOK_URL and EVENTS_WEBHOOK_SECRET are unset: no event is written at all. */
  readonly webhook: { readonly url: string; readonly secret: string } | null;
  /** One delivery try, connect to last byte. */
  readonly timeoutMs: number;
  /** Tries before an event is `failed`. */
  readonly maxAttempts: number;
  /** Delivered and failed events older than this are purged; 0 keeps them. */
  readonly retentionDays: number;
}

/** The shortest key a `whsec_` secret may decode to: Standard Webhooks' libraries generate 24 bytes or more. */
const MIN_KEY_BYTES = 24;

/**
 * Both variables or neither: a URL without a secret would send events nobody can verify, and a secret
 * without a URL is a setting that does nothing. In production the URL is https:// unless it points at this
 * machine, as for the SMS providers: the body names users, and a plain request would show it to the network.
 */
export function eventsConfig(env: Env, isProduction: boolean): EventsConfig {
  const url = env.EVENTS_WEBHOOK_URL;
  const secret = env.EVENTS_WEBHOOK_SECRET;
  const limits = {
    timeoutMs: env.EVENTS_TIMEOUT_MS,
    maxAttempts: env.EVENTS_MAX_ATTEMPTS,
    retentionDays: env.EVENTS_RETENTION_DAYS,
  };
  if (url === undefined && secret === undefined) return { webhook: null, ...limits };
  if (url === undefined) {
    throw invalid('EVENTS_WEBHOOK_URL', undefined, {
      expected: 'an http:// or https:// URL when EVENTS_WEBHOOK_SECRET is set',
    });
  }
  if (secret === undefined) {
    throw invalid('EVENTS_WEBHOOK_SECRET', undefined, {
      expected: 'whsec_ followed by base64 (required when EVENTS_WEBHOOK_URL is set)',
    });
  }
  const encoded = secret.slice('whsec_'.length);
  if (encoded.length % 4 !== 0 || Buffer.from(encoded, 'base64').length < MIN_KEY_BYTES) {
    throw invalid('EVENTS_WEBHOOK_SECRET', secret, { note: `not base64 of at least ${MIN_KEY_BYTES} bytes` });
  }
  const parsed = new URL(url);
  if (isProduction && parsed.protocol !== 'https:' && !isLoopbackHost(parsed.hostname)) {
    throw invalid('EVENTS_WEBHOOK_URL', url, {
      expected: 'an https:// URL in production (plain http:// only to localhost, 127.0.0.0/8 or ::1)',
      note: 'NODE_ENV=production',
    });
  }
  return { webhook: { url, secret }, ...limits };
}
