import { parseJsonObject } from '../http.ts';
import { SmsError, type DeliveryReport, type SmsRejectionReason } from '../provider.ts';

export const NAME = 'melipayamak';

/** What a code means for the caller: a rejection for one of the usual reasons, or a failure worth retrying. */
type Outcome = SmsRejectionReason | 'transport';
type CodeTable = Readonly<Record<string, readonly [Outcome, string]>>;

/**
 * SendSMS codes (reference/protocols.md §1.1). 16–19, 35 and the negative ones come from third-party maps
 * only, and 18/19 have conflicting meanings there; the reasons below follow the most common reading.
 */
export const SEND_CODES: CodeTable = {
  '0': ['account', 'wrong username or password'],
  '2': ['account', 'insufficient credit'],
  '3': ['account', 'daily sending limit reached'],
  '4': ['account', 'sending volume limit reached'],
  '5': ['account', 'sender line is invalid'],
  // Melipayamak is down for maintenance: its fault, like an HTTP 503.
  '6': ['transport', 'system is being updated'],
  '7': ['content', 'text contains a filtered word'],
  '9': ['account', 'shared lines cannot send through the web service'],
  '10': ['account', 'user account is not active'],
  // Officially only "not sent"; third-party notes tie it to blacklisted recipients. Under either reading the
  // next provider may carry it, and under the second the caller chose it, so it counts for neither side.
  '11': ['unknown', 'not sent, the recipient may be blacklisted'],
  '12': ['account', 'account documents are incomplete'],
  '14': ['content', 'text contains a link'],
  '15': ['content', 'several recipients need the opt-out text'],
  '16': ['recipient', 'no recipient found'],
  '17': ['content', 'text is empty'],
  // "Invalid recipient" in one map, "in send queue" in another: about this message either way, and under
  // the second reading it may go out, so it counts as a send that may have arrived (QUEUED_READINGS).
  '18': ['recipient', 'invalid recipient, or queued'],
  // "Hourly limit exceeded" (the account) or "logical error" (maybe this message): the next provider may
  // carry it under either reading, and no breaker counts what a caller might cause.
  '19': ['unknown', 'hourly limit exceeded, or a logical error'],
  '35': ['recipient', 'recipient is on the advertising blacklist'],
  '-108': ['account', 'IP blocked after failed API attempts'],
  '-109': ['account', 'an allowed IP must be set for the web service'],
  '-110': ['account', 'an API key must be used instead of the password'],
};

/**
 * BaseServiceNumber codes (§1.2) on top of SendSMS's, which third-party code sees on this endpoint too.
 * A wrong bodyId and variables that do not fit the template are the account's setup, not the recipient's.
 */
export const SHARED_LINE_CODES: CodeTable = {
  ...SEND_CODES,
  '-1': ['account', 'the shared line web service is disabled for this account'],
  // We always send one number, so this is our bug; nothing the operator or a retry can fix.
  '-2': ['unknown', 'only one recipient per call'],
  '-3': ['account', 'the shared line is not defined'],
  '-4': ['account', 'the template (bodyId) is wrong or not approved yet'],
  '-5': ['account', 'the variables do not match the template'],
  // "Internal error" is Melipayamak failing, not refusing: like an HTTP 500, the next provider (or a later
  // try) may succeed, and nothing about the message or account is wrong.
  '-6': ['transport', 'internal error'],
  '-7': ['account', 'error with the sender number'],
  '-10': ['content', 'a variable contains a link'],
};

/**
 * Every documented error code is 0–35 or negative, so an integer of 4+ digits can only be a recId.
 * Third-party code demands 10–16 digits; those pass too. The lower bar is deliberate: calling a real send a
 * failure would make the caller send the code again, a worse outcome than logging an odd-looking recId.
 */
export const REC_ID = /^\d{4,}$/;
const SMALL_CODE = /^-?\d{1,3}$/;

export interface Envelope {
  /** `Value`, trimmed; '' when it was null, missing or the string "NULL" (GetCredit's wrong-credentials answer). */
  readonly value: string;
  readonly retStatus: number;
}

/** `{Value, RetStatus, StrRetStatus}`, the envelope of every REST method, or null when the body is not one. */
export function parseEnvelope(body: string): Envelope | null {
  const parsed = parseJsonObject(body);
  if (!parsed) return null;
  const { Value, RetStatus } = parsed;
  if (typeof RetStatus !== 'number') return null;
  if (Value === null || Value === undefined) return { value: '', retStatus: RetStatus };
  if (typeof Value !== 'string' && typeof Value !== 'number') return null;
  const value = String(Value).trim();
  return { value: value.toUpperCase() === 'NULL' ? '' : value, retStatus: RetStatus };
}

/** Codes one reading of the sources takes for a message accepted into the send queue. */
const QUEUED_READINGS = new Set(['18']);

/** The error for an envelope that is not a success; `force` overrides the table's reason. */
export function rejection({ value, retStatus }: Envelope, codes: CodeTable, force?: SmsRejectionReason): SmsError {
  const code = SMALL_CODE.test(value) ? value : String(retStatus);
  const [outcome, meaning] = codes[code] ?? ['unknown', 'undocumented code'];
  // Only our own words: nothing from the request (password, text) and nothing echoed back by the server.
  if (outcome === 'transport' && !force) {
    return new SmsError(NAME, 'transport', `${NAME} failed (code ${code}: ${meaning})`, code);
  }
  const reason = force ?? (outcome === 'transport' ? 'unknown' : outcome);
  const queued = QUEUED_READINGS.has(code);
  return new SmsError(NAME, 'rejected', `${NAME} refused the request (code ${code}: ${meaning})`, code, reason, queued);
}

/**
 * GetDeliveries codes (§1.3) → where the message is. 1, 2, 16, 35, 300 and 500 are final per the docs.
 * `undelivered` is a message that went out and did not arrive (2 handset unreachable, 16 lost before the
 * operator); `failed` is one that was refused on purpose (35 blacklist, 300 filtered, 500 not accepted), which
 * the same line will refuse again. Everything else, undocumented codes included, is still on its way.
 */
const DELIVERY: Readonly<Record<string, Pick<DeliveryReport, 'status' | 'final'>>> = {
  '1': { status: 'delivered', final: true },
  '2': { status: 'undelivered', final: true },
  '16': { status: 'undelivered', final: true },
  '35': { status: 'failed', final: true },
  '300': { status: 'failed', final: true },
  '500': { status: 'failed', final: true },
};

/** Codes third-party code reports from GetDeliveries2 in place of a delivery code (UNCONFIRMED). */
export const DELIVERY_ERRORS: CodeTable = {
  '-1': ['unknown', 'no message with this recId'],
  '-3': ['account', 'wrong username or password'],
};

export function deliveryReport(code: string): DeliveryReport {
  return { ...(DELIVERY[code] ?? { status: 'sent', final: false }), providerStatus: code };
}
