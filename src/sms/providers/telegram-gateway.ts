import { parseJsonObject, postForAnswer, type HttpPool } from '../http.ts';
import { messageIdOf, readCost } from './fields.ts';
import { SmsError, withRetryAfter, type SmsProvider, type SmsRejectionReason } from '../provider.ts';

export interface TelegramGatewayOptions {
  /** The Gateway API token (TELEGRAM_GATEWAY_TOKEN), sent as `Authorization: Bearer`. */
  readonly token: string;
  /**
   * The API base (TELEGRAM_GATEWAY_BASE_URL); a local fake in tests.
   * @default 'https://gatewayapi.telegram.org'
   */
  readonly baseUrl?: string | undefined;
  /** Where Telegram posts delivery reports (our report route); none without an https PUBLIC_URL. */
  readonly callbackUrl?: string | undefined;
  /** Budget for each call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** The connections calls go through; the service gives code messages and the queue each their own. */
  readonly pool?: HttpPool | undefined;
}

export const TELEGRAM_GATEWAY = 'telegram_gateway';
const NAME = TELEGRAM_GATEWAY;

/** `ttl`'s documented range (reference/telegram.md §5). */
const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 86_400;

/**
 * The `error` strings of `{ok:false}` answers. The reference names only ACCESS_TOKEN_INVALID; the rest are
 * the names Gateway clients handle (UNCONFIRMED against the official page). A number the Gateway cannot
 * reach is `unreachable`, not `recipient`: it may have no Telegram account, and an SMS provider behind it in
 * SMS_PROVIDERS can still send the code. Everything about our token, balance or request is the account.
 */
const CODES: Readonly<Record<string, readonly [SmsRejectionReason, string]>> = {
  ACCESS_TOKEN_INVALID: ['account', 'API token invalid'],
  ACCESS_TOKEN_REQUIRED: ['account', 'API token missing'],
  BALANCE_NOT_ENOUGH: ['account', 'balance too low'],
  CALLBACK_URL_INVALID: ['account', 'callback URL refused'],
  CODE_INVALID: ['account', 'code refused (4 to 8 digits)'],
  CODE_LENGTH_INVALID: ['account', 'code length refused'],
  PAYLOAD_INVALID: ['account', 'payload refused'],
  TTL_INVALID: ['account', 'ttl refused'],
  SENDER_USERNAME_INVALID: ['account', 'sender channel refused'],
  SENDER_NOT_OWNED: ['account', 'sender channel not owned'],
  SENDER_NOT_VERIFIED: ['account', 'sender channel not verified'],
  UNKNOWN_METHOD: ['account', 'no such method: a wrong TELEGRAM_GATEWAY_BASE_URL'],
  PHONE_NUMBER_INVALID: ['unreachable', 'phone number refused'],
  PHONE_NUMBER_NOT_FOUND: ['unreachable', 'no Telegram account with this number'],
  FLOOD_WAIT: ['rate_limited', 'too many requests'],
};

/** An `error` we keep as it is: a short upper-case name. Anything else is not an answer of the API. */
const ERROR_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Telegram Gateway (`sendVerificationMessage`): sends our own code to the number's Telegram account, into
 * its "Verification Codes" chat. A verification channel, not SMS: it carries codes and nothing else
 * (`codesOnly`). `checkSendAbility` is not called first: it charges the same fee up front that the send it
 * makes free would cost, so it saves nothing, and it would put a second round trip in front of every code.
 */
export function createTelegramGatewayProvider(options: TelegramGatewayOptions): SmsProvider {
  const { token, callbackUrl, timeoutMs, pool } = options;
  const base = (options.baseUrl ?? 'https://gatewayapi.telegram.org').replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };

  return {
    name: NAME,
    live: true,
    codesOnly: true,
    async send(message) {
      const { code, reference } = message;
      if (!code) {
        // The dispatcher never hands over such a message; this keeps the text from going out as a code.
        const text = `${NAME} carries one-time codes only`;
        throw new SmsError(NAME, 'rejected', text, 'NOT_A_CODE', 'unknown');
      }
      const body = JSON.stringify({
        phone_number: message.to,
        code: code.value,
        ttl: ttlOf(code.ttlSeconds),
        // Our log row's id, which the delivery report carries back (reports.ts).
        ...(reference ? { payload: reference } : {}),
        ...(callbackUrl ? { callback_url: callbackUrl } : {}),
      });
      const url = `${base}/sendVerificationMessage`;
      const answer = await postForAnswer(NAME, url, body, headers, timeoutMs, pool);
      const { status } = answer;
      if (status >= 500) throw unreadable(status);
      const parsed = parseJsonObject(answer.body);
      if (parsed?.ok === true && status >= 200 && status < 300) {
        const result = (parsed.result ?? {}) as Record<string, unknown>;
        // An accepted request without an id is still sent: failing it would make the caller send again.
        const messageId = messageIdOf(NAME, result.request_id);
        const cost = readCost(result.request_cost);
        return { messageId, ...(cost === null ? {} : { cost }) };
      }
      const error = parsed?.ok === false ? parsed.error : undefined;
      if (typeof error === 'string' && ERROR_NAME.test(error)) throw refusal(error, answer.retryAfter);
      if (status === 401) throw refused('HTTP_401', 'account', 'HTTP 401');
      if (status === 429) throw withRetryAfter(refused('HTTP_429', 'rate_limited', 'HTTP 429'), answer.retryAfter);
      throw unreadable(status);
    },
  };
}

/**
 * The code's remaining life as Gateway's `ttl`. A code with less than a minute left (a short OTP_TTL_SECONDS,
 * or a kept code resent near its end) would be refused as TTL_INVALID, so it gets the minute: the message
 * then outlives the code by under a minute, which leaves only a dead code on screen.
 */
function ttlOf(seconds: number): number {
  return Math.min(MAX_TTL_SECONDS, Math.max(MIN_TTL_SECONDS, Math.ceil(seconds)));
}

/** An `{ok:false}` answer. `FLOOD_WAIT_<n>` asks us to wait n seconds, which the pacer honours. */
function refusal(error: string, retryAfter: string | undefined): SmsError {
  const flood = /^FLOOD_WAIT_(\d{1,6})$/.exec(error);
  const code = flood ? 'FLOOD_WAIT' : error;
  const [reason, meaning] = CODES[code] ?? ['unknown', 'undocumented error'];
  return withRetryAfter(refused(code, reason, meaning), flood ? flood[1] : retryAfter);
}

function refused(code: string, reason: SmsRejectionReason, meaning: string): SmsError {
  return new SmsError(NAME, 'rejected', `${NAME} refused the request (${code}: ${meaning})`, code, reason);
}

/** A transport failure for an answer that is not the API's: an HTTP error page, or a 2xx that is not JSON. */
function unreadable(status: number): SmsError {
  if (status < 200 || status > 299) {
    return new SmsError(NAME, 'transport', `${NAME} answered HTTP ${status}`, `HTTP_${status}`);
  }
  return new SmsError(NAME, 'transport', `${NAME} answered with a body that is not its API's`, 'BAD_RESPONSE');
}

/** What the Gateway means by an `error`, for the log; null for one it does not document. */
export const describeCode = (code: string): string | null => CODES[code]?.[1] ?? null;
