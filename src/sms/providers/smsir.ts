import { getForAnswer, parseJsonObject, postForAnswer, type HttpPool } from '../http.ts';
import { gatewayNumber, messageIdOf, readCode, readCost, readNumber } from './fields.ts';
import {
  SmsError,
  withRetryAfter,
  type ApprovedTemplate,
  type DeliveryReport,
  type SmsProvider,
  type SmsRejectionReason,
} from '../provider.ts';

export interface SmsirOptions {
  /** An API key from the SMS.ir panel (SMSIR_API_KEY), sent as `X-API-KEY`. */
  readonly apiKey: string;
  /** The line free text goes out on (SMSIR_LINE_NUMBER); without it only approved templates can be sent. */
  readonly lineNumber?: string | undefined;
  /**
   * The API base (SMSIR_BASE_URL); a local fake in tests.
   * @default 'https://api.sms.ir'
   */
  readonly baseUrl?: string | undefined;
  /** Budget for each call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** The connections calls go through; the service gives code messages and the queue each their own. */
  readonly pool?: HttpPool | undefined;
}

const NAME = 'smsir';
const JSON_TYPE = 'application/json';
/** A verify parameter longer than this is refused with status 114, so it is refused here without a call. */
const MAX_PARAMETER_LENGTH = 25;

/** `status` codes from the official page (reference/protocols.md §3); unlisted ones are `unknown`. */
const CODES: Readonly<Record<string, readonly [SmsRejectionReason, string]>> = {
  '0': ['unknown', 'request failed'],
  '10': ['account', 'API key invalid'],
  '11': ['account', 'API key disabled'],
  '12': ['account', 'API key restricted to other IPs'],
  '13': ['account', 'account disabled'],
  '14': ['account', 'account suspended'],
  '15': ['account', 'plan needs an upgrade'],
  '16': ['unknown', 'invalid parameter value'],
  '20': ['rate_limited', 'too many requests'],
  '101': ['account', 'line invalid'],
  '102': ['account', 'insufficient credit'],
  '103': ['content', 'text empty'],
  '104': ['recipient', 'mobile number invalid'],
  '113': ['account', 'template not found'],
  '114': ['content', `a parameter value is longer than ${MAX_PARAMETER_LENGTH} characters`],
  '115': ['recipient', 'mobile number is on the blacklist'],
  '116': ['content', 'a template parameter has no value'],
  '117': ['account', 'text not approved'],
  '118': ['rate_limited', 'too many messages'],
  '119': ['account', 'plan needs an upgrade for custom templates'],
  '123': ['account', 'line needs activation'],
  '124': ['account', 'only OTP templates may be sent now'],
};

/**
 * `data.deliveryState` (§3) → where the message is. 4 (never reached the operator) is `undelivered`, like
 * Melipayamak's 16; 6 (failed) and 7 (blacklist) were refused, so `failed`. 3 and 5 are on their way, and
 * 8 (unknown) and undocumented values may still change, so they are not final.
 */
const DELIVERY: Readonly<Record<string, Pick<DeliveryReport, 'status' | 'final'>>> = {
  '1': { status: 'delivered', final: true },
  '2': { status: 'undelivered', final: true },
  '4': { status: 'undelivered', final: true },
  '6': { status: 'failed', final: true },
  '7': { status: 'failed', final: true },
};

/** Templated messages through `send/verify`, free text through `send/bulk`, delivery and credit by GET. */
export function createSmsirProvider(options: SmsirOptions): SmsProvider {
  const { apiKey, lineNumber, timeoutMs, pool } = options;
  const base = `${(options.baseUrl ?? 'https://api.sms.ir').replace(/\/+$/, '')}/v1`;

  async function call(path: string, body?: object): Promise<unknown> {
    const url = `${base}/${path}`;
    const headers: Record<string, string> = { 'X-API-KEY': apiKey, accept: 'application/json' };
    const posted = { ...headers, 'content-type': JSON_TYPE };
    const answer =
      body === undefined
        ? await getForAnswer(NAME, url, headers, timeoutMs, pool)
        : await postForAnswer(NAME, url, JSON.stringify(body), posted, timeoutMs, pool);
    const http = answer.status;
    const ok = http >= 200 && http < 300;
    if (http >= 500) throw unreadable(http);
    const parsed = parseJsonObject(answer.body);
    const status = readCode(parsed?.status);
    if (status === '1' && ok) return parsed?.data;
    // HTTP 400 carries the logic error's status in the body; 401 and 429 say enough on their own.
    if (http === 401 || http === 429 || (status !== null && status !== '1')) {
      throw withRetryAfter(failure(http, status), answer.retryAfter);
    }
    throw unreadable(http);
  }

  return {
    name: NAME,
    live: true,
    async send(message) {
      const mobile = gatewayNumber(message.to);
      const data = message.approved
        ? await call('send/verify', { mobile, ...verifyFields(message.approved) })
        : await call('send/bulk', {
            lineNumber: lineNumberOf(lineNumber),
            messageText: message.text,
            mobiles: [mobile],
          });
      const { messageIds, messageId, cost } = (data ?? {}) as Record<string, unknown>;
      // An accepted message without an id is still sent: failing it would make the caller send again.
      const id = messageIdOf(NAME, Array.isArray(messageIds) ? messageIds[0] : messageId);
      const amount = readCost(cost);
      return { messageId: id, ...(amount === null ? {} : { cost: amount }) };
    },

    async status(messageId) {
      const data = await call(`send/${encodeURIComponent(messageId)}`);
      if (typeof data !== 'object' || data === null) {
        throw new SmsError(NAME, 'rejected', `${NAME} knows no such message`, 'UNKNOWN_MESSAGE', 'unknown');
      }
      const { deliveryState } = data as { deliveryState?: unknown };
      // No state yet reads as on its way; a state that is not a code is not an answer of the API.
      const state = deliveryState === undefined || deliveryState === null ? 'none' : readCode(deliveryState);
      if (state === null) {
        throw new SmsError(NAME, 'transport', `${NAME} answered with a delivery state that is not one`, 'BAD_RESPONSE');
      }
      return { ...(DELIVERY[state] ?? { status: 'sent', final: false }), providerStatus: state };
    },

    async credit() {
      const amount = readNumber(await call('credit'));
      if (amount === null) throw new SmsError(NAME, 'transport', `${NAME} answered without a credit`, 'BAD_RESPONSE');
      return { amount, unit: 'sms' };
    },
  };
}

/** The verify body's template part, checked here for what SMS.ir would refuse anyway. */
function verifyFields({ id, args }: ApprovedTemplate): { templateId: number; parameters: object[] } {
  const templateId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(templateId)) {
    throw new SmsError(
      NAME,
      'rejected',
      `${NAME} template ids are numbers; this one is not`,
      'INVALID_TEMPLATE_ID',
      'account',
    );
  }
  // Counted in code points: SMS.ir counts characters, and Persian text is all in the BMP anyway.
  const tooLong = args.find(({ value }) => [...value].length > MAX_PARAMETER_LENGTH);
  if (tooLong) throw failure(200, '114', `parameter ${tooLong.name}`);
  return { templateId, parameters: args.map(({ name, value }) => ({ name, value })) };
}

function lineNumberOf(lineNumber: string | undefined): number {
  // SMS.ir lines are up to 14 digits, well inside a double's exact range.
  if (lineNumber && /^\d+$/.test(lineNumber)) return Number(lineNumber);
  throw new SmsError(NAME, 'rejected', `${NAME} needs a line number for free text`, 'NO_LINE_NUMBER', 'account');
}

/** A transport failure for an answer that is not the API's: an HTTP error page, or a 2xx that is not JSON. */
function unreadable(http: number): SmsError {
  if (http < 200 || http > 299) return new SmsError(NAME, 'transport', `${NAME} answered HTTP ${http}`, `HTTP_${http}`);
  return new SmsError(NAME, 'transport', `${NAME} answered with a body that is not its API's`, 'BAD_RESPONSE');
}

function failure(http: number, status: string | null, detail?: string): SmsError {
  const code = status ?? `HTTP_${http}`;
  const [tableReason, meaning]: readonly [SmsRejectionReason, string] =
    status === null ? ['unknown', `HTTP ${http}`] : (CODES[status] ?? ['unknown', 'undocumented code']);
  // The HTTP status is the stronger word for these two: 401 is always the key, 429 always the rate.
  const reason = http === 401 ? 'account' : http === 429 ? 'rate_limited' : tableReason;
  const about = detail ? `${meaning}: ${detail}` : meaning;
  // Our own words only: the body's `message` may echo the request.
  return new SmsError(NAME, 'rejected', `${NAME} refused the request (code ${code}: ${about})`, code, reason);
}

/** What SMS.ir means by a `status` code, for the log; null for a code it does not document. */
export const describeCode = (code: string): string | null => CODES[code]?.[1] ?? null;
