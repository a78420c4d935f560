import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';
import { parseMobile } from '../../phone/parse.ts';
import type { RenderedMessage, TemplateRenderer } from '../../templates/types.ts';
import { assertFits } from '../../text/message-size.ts';
import type { SmsEvents } from '../dispatcher.ts';
import { SERVICE_TEMPLATES } from '../messages.ts';
import type { QueueRepository } from './repository.ts';

/** A message the shop asks to send: a template with its params, or a text. Exactly one of the two. */
export interface SendRequest {
  readonly to: string;
  readonly template?: string | undefined;
  readonly params?: Readonly<Record<string, string>> | undefined;
  readonly locale?: string | undefined;
  readonly text?: string | undefined;
}

/** Who asks: the API key, and the Idempotency-Key it sent, if any. */
export interface SendCaller {
  readonly apiKeyId: string;
  readonly idempotencyKey?: string | undefined;
}

export interface Accepted {
  readonly id: string;
  /** `queued` for a new message; for a repeated Idempotency-Key, where the first message has got to. */
  readonly status: string;
}

/**
 * Accepts messages for the queue. The message is rendered now, so that what is sent is what was accepted
 * even if its template changes before a worker gets to it. With an Idempotency-Key, the first request made
 * with it decides: a retry of the same request gets the first message back, a different request with that
 * key is IDEMPOTENCY_KEY_REUSED, and of concurrent requests with one key the unique index lets one row in.
 */
export function createSendService(deps: {
  queue: Pick<QueueRepository, 'enqueue' | 'findByIdempotencyKey'>;
  renderer: TemplateRenderer;
  allowedCountries: readonly string[];
  /** SMS_TEST_NUMBERS: numbers that get no SMS. */
  isTestNumber(to: string): boolean;
  /** The provider messages go to first, written on the row until one carries it. */
  provider: string;
  /** False in production without a provider: nothing is queued that nothing could send. */
  available: boolean;
  /** SMS_MAX_PARTS: a rendered message longer than this many SMS is refused (MESSAGE_TOO_LONG). */
  maxParts: number;
  /** Tells this instance's worker a message is waiting. */
  wake(): void;
  events?: Pick<SmsEvents, 'smsMessage'> | undefined;
}) {
  const { queue, allowedCountries } = deps;

  const replay = (found: { id: string; status: string; requestHash: string | null }, hash: string): Accepted => {
    if (found.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { id: found.id, status: found.status };
  };

  return {
    /** `caller` is absent for otpgate's own messages (a phone-change notice): no key, no idempotency. */
    async send(request: SendRequest, caller?: SendCaller): Promise<Accepted> {
      if ((request.template === undefined) === (request.text === undefined)) {
        throw new AppError('VALIDATION_ERROR', 'Give either template (with params) or text, not both');
      }
      if (caller && request.template !== undefined && SERVICE_TEMPLATES.has(request.template)) {
        throw new AppError('TEMPLATE_RESERVED', `${request.template} is sent by the service itself`);
      }
      const to = parseMobile(request.to, allowedCountries)?.e164;
      if (!to) throw new AppError('INVALID_PHONE');
      const key = caller?.idempotencyKey;
      const hash = requestHash(to, request);
      if (caller && key !== undefined) {
        const found = await queue.findByIdempotencyKey(caller.apiKeyId, key);
        if (found) return replay(found, hash);
      }
      if (!deps.available) throw new AppError('SMS_FAILED', 'SMS service not available');

      const rendered = await render(request, deps.renderer);
      assertFits(rendered.text, deps.maxParts);
      const testNumber = deps.isTestNumber(to);
      const id = await queue.enqueue({
        phoneNumber: to,
        template: rendered.template,
        locale: rendered.locale,
        provider: deps.provider,
        // Nothing to mask: the service's own codes never come this way, and a caller's `code` is its own text.
        maskedText: rendered.text,
        payload: { text: rendered.text, params: rendered.params, approvedBy: rendered.approvedBy },
        testNumber,
        apiKeyId: caller?.apiKeyId ?? null,
        idempotencyKey: key ?? null,
        requestHash: key === undefined ? null : hash,
      });
      if (id === null) {
        // A concurrent request with the same key inserted first; its row is committed, so it is there.
        const found = await queue.findByIdempotencyKey(caller!.apiKeyId, key!);
        if (!found) throw new Error('idempotency key conflict without a row');
        return replay(found, hash);
      }
      if (testNumber) {
        deps.events?.smsMessage({ provider: 'test', template: rendered.template ?? 'text', status: 'sent' });
        return { id, status: 'sent' };
      }
      deps.wake();
      return { id, status: 'queued' };
    },
  };
}

export type SendService = ReturnType<typeof createSendService>;

async function render(request: SendRequest, renderer: TemplateRenderer): Promise<RenderedMessage> {
  if (request.text !== undefined) {
    return { template: null, locale: null, text: request.text, params: {}, approvedBy: {} };
  }
  return renderer.render(request.template!, request.locale, request.params ?? {});
}

/**
 * What makes two requests the same: the number as stored, and the rest as sent, params in key order. The
 * number is normalised so that `0912...` and `+98912...` retry the same request.
 */
function requestHash(to: string, request: SendRequest): string {
  const params = Object.entries(request.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify([
    to,
    request.template ?? null,
    params,
    request.locale ?? null,
    request.text ?? null,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
