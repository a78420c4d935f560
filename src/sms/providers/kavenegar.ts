import { parseJsonObject, postForAnswer, type HttpPool } from '../http.ts';
import { FORM_TYPE, gatewayNumber, messageIdOf, readCode, readCost, readNumber } from './fields.ts';
import {
  SmsError,
  type ApprovedTemplate,
  type DeliveryReport,
  type SmsProvider,
  type SmsRejectionReason,
} from '../provider.ts';

export interface KavenegarOptions {
  /** The account's API key (KAVENEGAR_API_KEY). Kavenegar takes it in the URL path. */
  readonly apiKey: string;
  /** The line free text goes out on (KAVENEGAR_SENDER); without it Kavenegar picks the account's default line. */
  readonly sender?: string | undefined;
  /**
   * The API base (KAVENEGAR_BASE_URL); a local fake in tests.
   * @default 'https://api.kavenegar.com'
   */
  readonly baseUrl?: string | undefined;
  /** Budget for each call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** The connections calls go through; the service gives code messages and the queue each their own. */
  readonly pool?: HttpPool | undefined;
}

const NAME = 'kavenegar';

/**
 * `return.status` codes (reference/protocols.md §2, from third-party maps that cite kavenegar.com/rest.html).
 * 409 is Kavenegar asking to be called again later, so it is a transport failure, not a refusal. 402 means
 * "operation failed" or "method not found" depending on the source; either way nothing says whose fault it is.
 */
const CODES: Readonly<Record<string, readonly [SmsRejectionReason | 'transport', string]>> = {
  '400': ['unknown', 'parameters incomplete'],
  '401': ['account', 'account disabled'],
  '402': ['unknown', 'operation failed'],
  '403': ['account', 'API key invalid'],
  '404': ['unknown', 'method not found'],
  '405': ['unknown', 'wrong HTTP method'],
  '406': ['unknown', 'required parameter empty'],
  '407': ['account', 'access denied'],
  '409': ['transport', 'server cannot answer now'],
  '411': ['recipient', 'recipient invalid'],
  '412': ['account', 'sender line invalid'],
  '413': ['content', 'message empty or too long'],
  '414': ['unknown', 'too many records in one call'],
  '416': ['account', 'caller IP does not match the registered IP'],
  '417': ['unknown', 'send date invalid'],
  '418': ['account', 'insufficient credit'],
  '419': ['unknown', 'array lengths differ'],
  '422': ['content', 'invalid characters'],
  '424': ['account', 'template not found or not approved'],
  '426': ['account', 'method needs the advanced service'],
  '428': ['unknown', 'voice call needs a numeric token'],
  '430': ['account', 'account verification incomplete'],
  '431': ['content', 'token format invalid'],
  '432': ['account', 'template lacks a token placeholder'],
};

/** verify/lookup's token fields, in the order a template's arguments fill them. */
const TOKEN_FIELDS = ['token', 'token2', 'token3', 'token10', 'token20'] as const;

/**
 * `entries[].status` (§2) → where the message is. `undelivered`: it went out and did not arrive (11, phone
 * off); `failed`: it was refused or cancelled before that (6 sender line, 13 cancelled, 14 recipient blocks
 * ads), which the same line will do again. Anything else, 50 and undocumented codes included, is still going.
 */
const DELIVERY: Readonly<Record<string, Pick<DeliveryReport, 'status' | 'final'>>> = {
  '10': { status: 'delivered', final: true },
  '11': { status: 'undelivered', final: true },
  '6': { status: 'failed', final: true },
  '13': { status: 'failed', final: true },
  '14': { status: 'failed', final: true },
};

type Entry = Record<string, unknown>;

/**
 * Templated messages through `verify/lookup`, free text through `sms/send`, delivery through `sms/status`,
 * credit through `account/info`. Every call is a form POST, as the official SDKs send it.
 */
export function createKavenegarProvider(options: KavenegarOptions): SmsProvider {
  const { sender, timeoutMs, pool } = options;
  const root = (options.baseUrl ?? 'https://api.kavenegar.com').replace(/\/+$/, '');
  const base = `${root}/v1/${encodeURIComponent(options.apiKey)}`;

  async function call(method: string, fields: Record<string, string>): Promise<Entry[]> {
    const headers = { 'content-type': FORM_TYPE, accept: 'application/json' };
    const body = new URLSearchParams(fields).toString();
    const answer = await postForAnswer(NAME, `${base}/${method}.json`, body, headers, timeoutMs, pool);
    const parsed = parseJsonObject(answer.body);
    const status = readStatus(parsed?.return);
    // Kavenegar's errors come both ways: a non-200 HTTP status carrying the JSON envelope (what the Go and PHP
    // SDKs expect) and HTTP 200 with the code in `return.status`. The envelope decides; without one, the HTTP
    // status came from something in front of the API.
    if (status === null) throw unreadable(answer.status);
    if (status !== '200') throw failure(status);
    if (answer.status < 200 || answer.status > 299) throw unreadable(answer.status);
    return readEntries(parsed?.entries);
  }

  return {
    name: NAME,
    live: true,
    async send(message) {
      const receptor = gatewayNumber(message.to);
      const entries = message.approved
        ? await call('verify/lookup', { receptor, ...lookupFields(message.approved) })
        : await call('sms/send', {
            receptor,
            message: message.text,
            ...(sender ? { sender } : {}),
            // Kavenegar answers a localid it has seen with the first message instead of sending a second
            // (the duplicate check its SDKs pass `localid` for; not in the reference, so UNCONFIRMED).
            ...(message.reference ? { localid: message.reference } : {}),
          });
      // An accepted message without an id is still sent: failing it would make the caller send again.
      const cost = readCost(entries[0]?.cost);
      return { messageId: messageIdOf(NAME, entries[0]?.messageid), ...(cost === null ? {} : { cost }) };
    },

    async status(messageId) {
      const entries = await call('sms/status', { messageid: messageId });
      // The entry must be about the message asked for: a status for another message says nothing of this one.
      const entry = entries.find((e) => String(e?.messageid ?? '').trim() === messageId);
      if (!entry) throw new SmsError(NAME, 'transport', `${NAME} answered about another message`, 'BAD_RESPONSE');
      const code = readCode(entry.status);
      if (code === null) throw new SmsError(NAME, 'transport', `${NAME} answered without a status`, 'BAD_RESPONSE');
      if (code === '100') {
        throw new SmsError(
          NAME,
          'rejected',
          `${NAME} knows no such message (status 100)`,
          'UNKNOWN_MESSAGE',
          'unknown',
        );
      }
      return { ...(DELIVERY[code] ?? { status: 'sent', final: false }), providerStatus: code };
    },

    async credit() {
      const [info] = await call('account/info', {});
      const amount = readNumber(info?.remaincredit);
      if (amount === null) throw new SmsError(NAME, 'transport', `${NAME} answered without a credit`, 'BAD_RESPONSE');
      return { amount, unit: 'rial' };
    },
  };
}

/**
 * The template's arguments in token order. Kavenegar refuses a token with a space, newline or underscore
 * (431). Each run of those becomes one ZWNJ (U+200C): it is not whitespace, keeps Persian words apart the way
 * Persian writing already uses it, and shows as nothing between Latin letters. token10 and token20 are said
 * to allow some spaces, but that is UNCONFIRMED, so they are cleaned the same way.
 */
function lookupFields({ id, args }: ApprovedTemplate): Record<string, string> {
  if (args.length > TOKEN_FIELDS.length) {
    const meaning = `template ${id} has ${args.length} arguments, lookup takes ${TOKEN_FIELDS.length}`;
    throw new SmsError(
      NAME,
      'rejected',
      `${NAME} cannot send this template (${meaning})`,
      'TOO_MANY_TOKENS',
      'account',
    );
  }
  const fields: Record<string, string> = { template: id };
  args.forEach(({ value }, index) => (fields[TOKEN_FIELDS[index]!] = value.trim().replace(/[\s_]+/g, '\u200C')));
  return fields;
}

/** A transport failure for an answer that is not the API's: an HTTP error page, or a 2xx that is not JSON. */
function unreadable(http: number): SmsError {
  if (http < 200 || http > 299) return new SmsError(NAME, 'transport', `${NAME} answered HTTP ${http}`, `HTTP_${http}`);
  return new SmsError(NAME, 'transport', `${NAME} answered with a body that is not its API's`, 'BAD_RESPONSE');
}

function failure(code: string): SmsError {
  const [outcome, meaning] = CODES[code] ?? ['unknown', 'undocumented code'];
  // Our own words only: `return.message` may echo the request.
  if (outcome === 'transport') {
    return new SmsError(NAME, 'transport', `${NAME} failed (code ${code}: ${meaning})`, code);
  }
  return new SmsError(NAME, 'rejected', `${NAME} refused the request (code ${code}: ${meaning})`, code, outcome);
}

/** `return.status` as a string, from a number or a numeric string; null when there is no envelope or no code. */
function readStatus(envelope: unknown): string | null {
  if (typeof envelope !== 'object' || envelope === null) return null;
  return readCode((envelope as { status?: unknown }).status);
}

/** `entries` is an array in the Go SDK and a single object in the README's lookup sample. */
function readEntries(entries: unknown): Entry[] {
  const list = Array.isArray(entries) ? entries : [entries];
  return list.filter((entry): entry is Entry => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}

/** What Kavenegar means by a `return.status` code, for the log; null for a code it does not document. */
export const describeCode = (code: string): string | null => CODES[code]?.[1] ?? null;
