import { createHttpPool, postForAnswer, type HttpPool } from '../sms/http.ts';
import { SmsError } from '../sms/provider.ts';
import { standardWebhookHeaders, webhookSigningKey } from '../sms/providers/webhook-signature.ts';
import type { ClaimedEvent } from './repository.ts';

/** How one try ended: delivered, or why not, with the wait the receiver asked for (Retry-After), if any. */
export type PostOutcome =
  | { readonly delivered: true }
  | { readonly delivered: false; readonly error: string; readonly retryAfterMs: number | null };

export interface EventWebhookOptions {
  readonly url: string;
  /** EVENTS_WEBHOOK_SECRET: `whsec_` + base64, the Standard Webhooks form. */
  readonly secret: string;
  /** One try, connect to last byte (EVENTS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Connections to the receiver: one per delivery in flight. */
  readonly pool?: HttpPool;
  /** The clock `webhook-timestamp` is read from: the real one, since the receiver checks it against its own. */
  readonly now?: () => number;
}

const NAME = 'events';

/** The request body: Standard Webhooks' `{type, timestamp, data}`, `timestamp` when the event happened. */
export function eventBody(event: Pick<ClaimedEvent, 'type' | 'createdAt' | 'payload'>): string {
  const data: unknown = JSON.parse(event.payload);
  return JSON.stringify({ type: event.type, timestamp: new Date(event.createdAt).toISOString(), data });
}

/**
 * POSTs one event to the shop's receiver, signed the Standard Webhooks way: `webhook-id` is the event's id
 * on every try (the receiver drops repeats by it), `webhook-timestamp` the time of this try, and
 * `webhook-signature` `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the secret's key. Only a 2xx
 * delivers; a redirect is not followed (the events would go wherever it pointed) and counts as a failure,
 * like any other status, a timeout or a network error. The answer is read up to 64 KiB and ignored.
 */
export function createEventWebhook(options: EventWebhookOptions) {
  const { url, timeoutMs } = options;
  const key = webhookSigningKey(options.secret);
  const pool = options.pool ?? createHttpPool(16);
  const now = options.now ?? Date.now;

  return {
    async post(event: ClaimedEvent): Promise<PostOutcome> {
      const body = eventBody(event);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'otpgate-events',
        ...standardWebhookHeaders(key, event.id, Math.floor(now() / 1000), body),
      };
      try {
        const answer = await postForAnswer(NAME, url, body, headers, timeoutMs, pool);
        if (answer.status >= 200 && answer.status < 300) return { delivered: true };
        return {
          delivered: false,
          error: `HTTP_${answer.status}`,
          retryAfterMs: retryAfterMs(answer.retryAfter, now()),
        };
      } catch (error) {
        if (!(error instanceof SmsError)) throw error;
        const reason = error.kind === 'timeout' ? 'TIMEOUT' : (error.providerCode ?? 'NETWORK');
        return { delivered: false, error: reason, retryAfterMs: null };
      }
    },
    close: () => pool.close(),
  };
}

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now; null when absent or unreadable. */
function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (header === undefined) return null;
  if (/^\d{1,9}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export type EventWebhook = ReturnType<typeof createEventWebhook>;
