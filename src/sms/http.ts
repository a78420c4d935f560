import { EventEmitter } from 'node:events';
import { Agent, request, type Dispatcher } from 'undici';
import { ANSWER_CAP_BYTES, readCapped } from './answer-body.ts';
import { acceptedUnread, SmsError } from './provider.ts';

/**
 * A keep-alive pool of connections to each provider: `undici.request` on a reused connection costs a
 * fraction of the global `fetch()` (see the README's performance section). Code messages and queued
 * messages each get their own (see sms/lanes.ts), so that a campaign can never hold the connections a
 * sign-in code needs.
 */
export type HttpPool = Dispatcher;

/** A pool of at most `connections` connections per provider origin. */
export function createHttpPool(connections: number): Agent {
  return new Agent({ keepAliveTimeout: 10_000, connections });
}

/** For providers built without a pool (tests, tools); the service gives each lane its own. */
const defaultPool = createHttpPool(64);

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** The `Retry-After` header as sent (seconds or an HTTP date), for a provider that says it is overloaded. */
  readonly retryAfter?: string | undefined;
}

/**
 * POSTs `body` and reads the whole answer, within `timeoutMs` from start to end. Network failures become
 * SmsError `transport`, running out of time becomes SmsError `timeout`; an HTTP error status is returned,
 * not thrown, because each provider reads its own error bodies.
 */
export function postForAnswer(
  provider: string,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  pool: HttpPool = defaultPool,
): Promise<HttpAnswer> {
  return callForAnswer(provider, 'POST', url, body, headers, timeoutMs, pool);
}

/** GETs `url` under the same rules as `postForAnswer` (SMS.ir reads status and credit with GET). */
export function getForAnswer(
  provider: string,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  pool: HttpPool = defaultPool,
): Promise<HttpAnswer> {
  return callForAnswer(provider, 'GET', url, undefined, headers, timeoutMs, pool);
}

async function callForAnswer(
  provider: string,
  method: 'GET' | 'POST',
  url: string,
  body: string | undefined,
  headers: Record<string, string>,
  timeoutMs: number,
  pool: HttpPool,
): Promise<HttpAnswer> {
  // undici takes an EventEmitter as the abort signal. It bounds the call from connect to last byte just as
  // AbortSignal.timeout does, for about a third of its cost per call (measured with `npm run bench`).
  const signal = new EventEmitter();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signal.emit('abort');
  }, timeoutMs);
  try {
    const response = await request(url, { method, body, headers, signal, dispatcher: pool });
    const length = response.headers['content-length'];
    const answer = await readCapped(response.body, ANSWER_CAP_BYTES, typeof length === 'string' ? length : undefined);
    if (answer === null) throw tooLarge(provider, response.statusCode);
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.statusCode,
      body: answer,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    };
  } catch (error) {
    if (error instanceof SmsError) throw error;
    // Only the error code goes into the message: the URL may carry an API key (Kavenegar puts it in the path).
    if (timedOut) throw new SmsError(provider, 'timeout', `no answer within ${timeoutMs} ms`);
    const code = (error as { code?: string }).code ?? 'network';
    throw new SmsError(provider, 'transport', `request failed: ${code}`, code);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An answer longer than any the API gives is the provider failing, like a body that is not its API's: it
 * counts against its breaker and the next provider is tried. Behind a 2xx or a 5xx the message may have gone
 * out; a 1xx, 3xx or 4xx came from something that did not act on it.
 */
function tooLarge(provider: string, status: number): SmsError {
  const message = `${provider} answered HTTP ${status} with more than ${ANSWER_CAP_BYTES} bytes`;
  const mayHaveSent = status < 300 ? status >= 200 : status >= 500;
  const error = new SmsError(provider, 'transport', message, 'ANSWER_TOO_LARGE', null, mayHaveSent);
  return status >= 200 && status < 300 ? acceptedUnread(error) : error;
}

/** The body as a JSON object, or null when it is not one (providers answer HTML error pages too). */
export function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
