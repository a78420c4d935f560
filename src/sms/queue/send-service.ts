import { createHash } from 'node:crypto';
import { keyActor } from '../../audit/actor.ts';
import { AppError } from '../../errors/app-error.ts';
import { maskPhone, parseMobile } from '../../phone/parse.ts';
import type { RateLimiter, RateRule } from '../../rate-limit/limiter.ts';
import type { RenderedMessage, TemplateRenderer } from '../../templates/types.ts';
import { assertFits } from '../../text/message-size.ts';
import type { SmsEvents } from '../dispatcher.ts';
import { SERVICE_TEMPLATES } from '../messages.ts';
import type { KeyedEnqueue } from './keyed-enqueue.ts';
import type { NewQueuedMessage, QueueRepository } from './repository.ts';

/** A message the shop asks to send: a template with its params, or a text. Exactly one of the two. */
export interface SendRequest {
  readonly to: string;
  readonly template?: string | undefined;
  readonly params?: Readonly<Record<string, string>> | undefined;
  readonly locale?: string | undefined;
  readonly text?: string | undefined;
}

/** Who asks: the API key (its id and name, for the audit trail), and the Idempotency-Key it sent, if any. */
export interface SendCaller {
  readonly apiKeyId: string;
  readonly apiKeyName: string;
  readonly idempotencyKey?: string | undefined;
}

/** What one admin API key may queue (SMS_KEY_SEND_RATE_PER_MINUTE, SMS_KEY_QUEUED_MAX). */
export interface KeyLimits {
  readonly limiter: Pick<RateLimiter, 'consume' | 'refund'>;
  /** Messages per minute, counted per key in the shared rate-limit store (Redis, or the database). */
  readonly sendRule: RateRule;
  /** Messages of one key waiting at once: queued, or held by a worker. */
  readonly maxQueued: number;
}

/**
 * What a key past SMS_KEY_QUEUED_MAX is told to wait. No window ends then: room comes back as the workers
 * send, which at the default concurrency takes seconds for a handful of messages.
 */
export const QUEUE_FULL_RETRY_SECONDS = 10;

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
  /** Queues a key's message under its limits, with its audit record. */
  enqueueForKey: KeyedEnqueue;
  keyLimits: KeyLimits;
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

  /**
   * A key's message: one point of its send rate, then the queue under its cap. A request that queues nothing
   * (the cap refused it, it repeated an Idempotency-Key) gives its point back, so a key held by the cap does
   * not also use up its rate.
   */
  async function queueForKey(message: NewQueuedMessage, caller: SendCaller, hash: string): Promise<string | Accepted> {
    const { limiter, sendRule, maxQueued } = deps.keyLimits;
    const decision = await limiter.consume(sendRule, caller.apiKeyId);
    if (!decision.allowed) {
      throw new AppError('RATE_LIMITED', 'This API key sent more messages than SMS_KEY_SEND_RATE_PER_MINUTE allows', {
        retry_after: decision.retryAfterSeconds,
      });
    }
    const summary = {
      to: maskPhone(message.phoneNumber),
      template: message.template ?? 'text',
      locale: message.locale,
      test_number: message.testNumber,
    };
    const actor = keyActor({ id: caller.apiKeyId, name: caller.apiKeyName });
    const result = await deps.enqueueForKey({ ...message, apiKeyId: caller.apiKeyId }, actor, maxQueued, summary);
    if (result.outcome !== 'queued') await limiter.refund(decision.taken);
    switch (result.outcome) {
      case 'queued':
        return result.id;
      case 'full':
        throw new AppError('RATE_LIMITED', 'This API key has SMS_KEY_QUEUED_MAX messages waiting to be sent', {
          retry_after: QUEUE_FULL_RETRY_SECONDS,
        });
      case 'revoked':
        throw new AppError('UNAUTHORIZED', 'A valid admin API key is required');
      case 'duplicate': {
        // A concurrent request with the same key inserted first; its row is committed, so it is there.
        const found = await queue.findByIdempotencyKey(caller.apiKeyId, caller.idempotencyKey!);
        if (!found) throw new Error('idempotency key conflict without a row');
        return replay(found, hash);
      }
    }
  }

  return {
    /** `caller` is absent for otpgate's own messages (a phone-change notice): no key, no idempotency. */
    async send(request: SendRequest, caller?: SendCaller): Promise<Accepted> {
      if ((request.template === undefined) === (request.text === undefined)) {
        throw new AppError('VALIDATION_ERROR', 'Give either template (with params) or text, not both');
      }
      // A text goes out as written: params or a locale beside it would be ignored, which hides a mistake.
      if (request.text !== undefined && (request.params !== undefined || request.locale !== undefined)) {
        throw new AppError('VALIDATION_ERROR', 'params and locale go with template, not with text');
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
      const message: NewQueuedMessage = {
        phoneNumber: to,
        template: rendered.template,
        locale: rendered.locale,
        provider: deps.provider,
        // Nothing to mask: the service's own codes never come this way, and a caller's `code` is its own text.
        text: rendered.text,
        payload: { text: rendered.text, params: rendered.params, approvedBy: rendered.approvedBy },
        testNumber,
        apiKeyId: caller?.apiKeyId ?? null,
        idempotencyKey: key ?? null,
        requestHash: key === undefined ? null : hash,
      };
      // Without a caller there is no Idempotency-Key, so the insert cannot be refused.
      const id = caller ? await queueForKey(message, caller, hash) : await queue.enqueue(message);
      if (id === null) throw new Error('a message without an Idempotency-Key was refused as a duplicate');
      if (typeof id !== 'string') return id;
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
