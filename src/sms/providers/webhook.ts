import { createHmac, randomUUID } from 'node:crypto';
import { parseJsonObject, postForAnswer, type HttpPool } from '../http.ts';
import { SmsError, withRetryAfter, type SmsProvider, type SmsRejectionReason } from '../provider.ts';
import { messageIdOf } from './fields.ts';
import { standardWebhookHeaders, webhookSigningKey } from './webhook-signature.ts';

export interface WebhookOptions {
  /** Where each message is POSTed as JSON `{to, text, template, params, reference}` (SMS_WEBHOOK_URL). */
  readonly url: string;
  /**
   * When set, each request is signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature`; see webhook-signature.ts) so the receiver can tell the request came from us and is
   * fresh (SMS_WEBHOOK_SECRET). It also carries the older `X-Signature: sha256=<hex HMAC-SHA256 of the raw
   * body>`, which the documentation promised; that one has no timestamp, so a receiver should move off it.
   */
  readonly secret?: string | undefined;
  /** Budget for the whole call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** The connections calls go through; the service gives code messages and the queue each their own. */
  readonly pool?: HttpPool | undefined;
  /** The clock the timestamp is read from; `Date.now` unless a test moves it. */
  readonly now?: () => number;
}

const NAME = 'webhook';

/** Hands each message to a gateway of the operator's own, for providers otpgate has no driver for. */
export function createWebhookProvider({ url, secret, timeoutMs, pool, now = Date.now }: WebhookOptions): SmsProvider {
  const key = secret === undefined ? undefined : webhookSigningKey(secret);
  return {
    name: NAME,
    live: true,
    async send({ to, text, template, params, reference }) {
      // The signature covers the exact string sent; the receiver must check it before parsing, because
      // re-serialising on either side may reorder keys or change escapes.
      // `reference` is our id for the message, the same on every try of it: a receiver that keeps the ones it
      // has accepted can answer a repeat without sending it twice (see the README on the queue).
      const body = JSON.stringify({ to, text, template, params, ...(reference ? { reference } : {}) });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret && key) {
        // The id is the message's reference, so a retry of the same message carries the same id.
        const id = reference ?? randomUUID();
        Object.assign(headers, standardWebhookHeaders(key, id, Math.floor(now() / 1000), body));
        headers['X-Signature'] = `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
      }

      const { status, body: answer, retryAfter } = await postForAnswer(NAME, url, body, headers, timeoutMs, pool);
      if (status >= 200 && status < 300) return { messageId: readId(answer) };
      throw withRetryAfter(refusal(status), retryAfter);
    },
  };
}

/**
 * The contract with the receiver (README, webhook provider): only 400 and 422 refuse this one message (the
 * number or the text), which never counts against the breaker. Every other 4xx is the gateway's side: 401
 * and 403 (our credentials), 404, 405 or 410 (a wrong SMS_WEBHOOK_URL), 402, 409, 413, 415 and the rest
 * (its account or setup), so it counts and the next provider is tried; reading them as refusals would fail
 * every code with no failover while health still called the gateway fine. 429 is it being overloaded, and
 * 5xx and 408 (it never read the request) are transport failures.
 * The answer body stays out of the message: a receiver may echo the request, and with it the code.
 */
function refusal(status: number): SmsError {
  const code = `HTTP_${status}`;
  const refused = (reason: SmsRejectionReason) =>
    new SmsError(NAME, 'rejected', `${NAME} refused the message (HTTP ${status})`, code, reason);
  if (status === 400 || status === 422) return refused('message');
  if (status === 429) return refused('rate_limited');
  if (status >= 400 && status < 500 && status !== 408) return refused('account');
  return new SmsError(NAME, 'transport', `${NAME} answered HTTP ${status}`, code);
}

/**
 * The receiver's id, if it gave one; a 2xx without one (or without JSON) is still a success. An `id` that is
 * not one (too long, not printable, an object) fails the call as one that may have sent (see messageIdOf).
 */
function readId(body: string): string | null {
  const { id, message_id } = parseJsonObject(body) ?? {};
  return messageIdOf(NAME, id) ?? messageIdOf(NAME, message_id);
}
