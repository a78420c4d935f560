import { parseJsonObject, postForAnswer } from '../http.ts';
import { SmsError, type SmsProvider, type SmsRejectionReason } from '../provider.ts';

export interface MelipayamakOptions {
  readonly username: string;
  /** The panel password, or the API key that newer accounts must send in its place (code -110). */
  readonly password: string;
  /** The sending line (SMS_SENDER_NUMBER). */
  readonly from: string;
  /** REST base, `https://rest.payamak-panel.com` (MELIPAYAMAK_BASE_URL); a local fake in tests. */
  readonly baseUrl: string;
  /** Budget for the whole call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

const NAME = 'melipayamak';
const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

/**
 * Every documented error code is 0–35 or negative, so an integer of 4+ digits can only be a recId.
 * Third-party code demands 10–16 digits; those pass too. The lower bar is deliberate: calling a real send a
 * failure would make the caller send the code again, a worse outcome than logging an odd-looking recId.
 */
const REC_ID = /^\d{4,}$/;
const SMALL_CODE = /^-?\d{1,3}$/;

/**
 * SendSMS codes (reference/protocols.md §1.1). 16–19, 35 and the negative ones come from third-party maps
 * only, and 18/19 have conflicting meanings there; the reasons below follow the most common reading.
 */
const CODES: Readonly<Record<string, readonly [SmsRejectionReason, string]>> = {
  '0': ['account', 'wrong username or password'],
  '2': ['account', 'insufficient credit'],
  '3': ['account', 'daily sending limit reached'],
  '4': ['account', 'sending volume limit reached'],
  '5': ['account', 'sender line is invalid'],
  '6': ['unknown', 'system is being updated'],
  '7': ['content', 'text contains a filtered word'],
  '9': ['account', 'shared lines cannot send through the web service'],
  '10': ['account', 'user account is not active'],
  '11': ['recipient', 'not sent, the recipient may be blacklisted'],
  '12': ['account', 'account documents are incomplete'],
  '14': ['content', 'text contains a link'],
  '15': ['content', 'several recipients need the opt-out text'],
  '16': ['recipient', 'no recipient found'],
  '17': ['content', 'text is empty'],
  '18': ['recipient', 'invalid recipient'],
  '19': ['rate_limited', 'hourly limit exceeded'],
  '35': ['recipient', 'recipient is on the advertising blacklist'],
  '-108': ['account', 'IP blocked after failed API attempts'],
  '-109': ['account', 'an allowed IP must be set for the web service'],
  '-110': ['account', 'an API key must be used instead of the password'],
};

/** Sends through the legacy REST `SendSMS` method with username and password in the form body. */
export function createMelipayamakProvider(options: MelipayamakOptions): SmsProvider {
  const { username, password, from, timeoutMs } = options;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/SendSMS/SendSMS`;
  return {
    name: NAME,
    live: true,
    async send(message) {
      const to = toMelipayamakNumber(message.to);
      const form = new URLSearchParams({ username, password, to, from, text: message.text, isFlash: 'false' });
      const answer = await postForAnswer(NAME, url, form.toString(), { 'content-type': FORM }, timeoutMs);
      // The API answers 200 even when it refuses, so any other status came from something in front of it.
      if (answer.status < 200 || answer.status > 299) {
        throw new SmsError(NAME, 'transport', `${NAME} answered HTTP ${answer.status}`, `HTTP_${answer.status}`);
      }
      const envelope = parseEnvelope(answer.body);
      if (!envelope) {
        throw new SmsError(NAME, 'transport', `${NAME} answered with a body that is not its API's`, 'BAD_RESPONSE');
      }
      // RetStatus alone is not enough: some answers say "Ok" with an error code in Value.
      if (envelope.retStatus === 1 && REC_ID.test(envelope.value)) return { messageId: envelope.value };
      throw rejection(envelope);
    },
  };
}

/**
 * Iranian numbers go in the national `09…` form every Melipayamak example uses. The docs say nothing about
 * foreign numbers; the international digits without `+` are what Iranian gateways commonly take for them
 * (UNCONFIRMED), and they cannot be misread as an Iranian national number since they never start with 0.
 */
function toMelipayamakNumber(e164: string): string {
  return e164.startsWith('+98') ? `0${e164.slice(3)}` : e164.replace(/^\+/, '');
}

interface Envelope {
  readonly value: string;
  readonly retStatus: number;
}

function parseEnvelope(body: string): Envelope | null {
  const parsed = parseJsonObject(body);
  if (!parsed) return null;
  const { Value, RetStatus } = parsed;
  if (typeof RetStatus !== 'number') return null;
  if (Value === null || Value === undefined) return { value: '', retStatus: RetStatus };
  if (typeof Value !== 'string' && typeof Value !== 'number') return null;
  return { value: String(Value).trim(), retStatus: RetStatus };
}

function rejection({ value, retStatus }: Envelope): SmsError {
  const code = SMALL_CODE.test(value) ? value : String(retStatus);
  const [reason, meaning] = CODES[code] ?? ['unknown', 'undocumented code'];
  // Only our own words: nothing from the request (password, text) and nothing echoed back by the server.
  return new SmsError(NAME, 'rejected', `${NAME} rejected the message (code ${code}: ${meaning})`, code, reason);
}
