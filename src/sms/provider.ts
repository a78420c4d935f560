/** One message for a provider to carry. */
export interface SmsMessage {
  /** E.164, `+989123456789`; each provider converts it to the form its API wants. */
  readonly to: string;
  /** The full rendered text, for providers that send free text. */
  readonly text: string;
  /** Which message this is (`otp_login`, `otp_phone_change`, ...), for providers with approved templates. */
  readonly template: string;
  /** The values the template was rendered with (`code`, `minutes`, ...). */
  readonly params: Readonly<Record<string, string>>;
  /**
   * Set when this provider has approved a template for the message: the provider then uses its template
   * call (Melipayamak's shared service line, Kavenegar `verify/lookup`, SMS.ir `send/verify`), which reaches
   * numbers that block advertising lines, instead of sending `text`.
   */
  readonly approved?: ApprovedTemplate | undefined;
  /**
   * Every provider's approval of the message's template, by provider name (a rendered template's
   * `approvedBy`). The dispatcher gives each provider its own entry as `approved`, or none: it then sends
   * `text`. When this is set, `approved` is ignored.
   */
  readonly approvedBy?: Readonly<Record<string, ApprovedTemplate>> | undefined;
  /** Our id for the message, for providers that can deduplicate on it (Kavenegar `localid`). */
  readonly reference?: string | undefined;
  /**
   * Set on a one-time code message, and only there: the code and how long it stays valid. A provider that
   * carries nothing but codes (`SmsProvider.codesOnly`) sends these rather than `text`.
   */
  readonly code?: CodePart | undefined;
}

export interface CodePart {
  readonly value: string;
  /** From the send until the code expires. */
  readonly ttlSeconds: number;
}

/** A provider-side template: its id there, and the values in the order and under the names it expects. */
export interface ApprovedTemplate {
  readonly id: string;
  readonly args: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export interface SmsReceipt {
  /** The provider's id for the message (Melipayamak recId), or null when it gives none. */
  readonly messageId: string | null;
  /** What the provider says the message cost, in its own unit, where it says. */
  readonly cost?: number | undefined;
}

/** Where a message the provider accepted has got to. `final` is true once it will not change again. */
export interface DeliveryReport {
  readonly status: 'sent' | 'delivered' | 'undelivered' | 'failed';
  readonly final: boolean;
  /** The provider's own status code, kept in the delivery log. */
  readonly providerStatus: string;
}

/**
 * Why a provider call failed, in the words that decide what to do next:
 * - `rejected`: the provider answered and said no (see `reason`); sending the same again will not help.
 * - `transport`: no usable answer (connection refused, HTTP 5xx, a body that is not its API's); may work later.
 * - `timeout`: no answer within SMS_TIMEOUT_MS; the message may or may not have gone out.
 */
export type SmsFailureKind = 'rejected' | 'transport' | 'timeout';

/**
 * What a rejection was about. About this one message, which no breaker counts: `recipient` (the number),
 * `content` (the text), `message` (one of the two, the provider does not say which). `unreachable`: the
 * number, but only on this provider's channel (a number with no Telegram account), so another provider may
 * still reach it. About the provider: `account` (credentials, credit, line, template) and `rate_limited`.
 * `unknown`: no reading says whose fault it is, so it counts for neither side (see classify.ts).
 */
export type SmsRejectionReason =
  'recipient' | 'content' | 'message' | 'unreachable' | 'account' | 'rate_limited' | 'unknown';

/**
 * Network failures that happen before a request is written, so the provider cannot have acted on it. Any
 * other network failure (a reset, a socket closed mid-answer) may come after the provider read the request.
 */
const BEFORE_SEND = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CIRCUIT_OPEN',
]);

/**
 * Whether a failure of this kind and code may still have put the message on its way. A timeout may; so
 * may an HTTP 5xx, a 2xx we cannot read, an answer in the API's own words that it failed internally, and a
 * connection lost after the request went out: the provider may have accepted the message before it broke.
 * A refusal, a 1xx/3xx/4xx from something in front of the API, and a connection never made may not.
 */
function couldHaveSent(kind: SmsFailureKind, providerCode: string | null): boolean {
  if (kind === 'timeout') return true;
  if (kind === 'rejected') return false;
  const http = /^HTTP_(\d{3})$/.exec(providerCode ?? '');
  if (http) return Number(http[1]) >= 500;
  return !BEFORE_SEND.has(providerCode ?? '');
}

export class SmsError extends Error {
  override name = 'SmsError';
  /**
   * True when the message may have gone out although the call failed (see `couldHaveSent`): the caller must
   * count it as sent against every limit, and keep its code for a resend rather than issue another.
   */
  readonly mayHaveSent: boolean;

  constructor(
    readonly provider: string,
    readonly kind: SmsFailureKind,
    message: string,
    /** The provider's own code (`35`, `HTTP_500`), kept for the delivery log. */
    readonly providerCode: string | null = null,
    readonly reason: SmsRejectionReason | null = null,
    /** Overrides the rule above, for a refusal that some readings of the provider's docs call a queued send. */
    mayHaveSent?: boolean,
  ) {
    super(message);
    this.mayHaveSent = mayHaveSent ?? couldHaveSent(kind, providerCode);
  }

  /** The provider's `Retry-After` on a rate-limit refusal, as sent: the queue waits that long (pacer.ts). */
  retryAfter?: string | undefined;

  /**
   * The provider answered 2xx, so it took the message, but the answer could not be read as its API's (an id
   * that is not one, an answer too long to read). The message counts as sent: the queue neither tries it
   * again nor hands it to the next provider, which would send it twice.
   */
  accepted = false;
}

/** `error`, marked as the answer of a provider that took the message (`SmsError.accepted`). */
export function acceptedUnread(error: SmsError): SmsError {
  error.accepted = true;
  return error;
}

/** `error`, carrying the answer's `Retry-After` when it is a rate-limit refusal. */
export function withRetryAfter(error: SmsError, retryAfter: string | undefined): SmsError {
  if (error.reason === 'rate_limited' && retryAfter !== undefined) error.retryAfter = retryAfter;
  return error;
}

/**
 * A way to send SMS. `send` resolves with the provider's receipt or rejects with an SmsError, never with
 * anything else, and settles within the timeout it was built with. It holds no per-message state, so one
 * instance serves concurrent sends.
 */
export interface SmsProvider {
  readonly name: string;
  /** False for the development fallback, which only writes to the log. */
  readonly live: boolean;
  /**
   * True for a provider that carries one-time codes and nothing else (a verification channel such as the
   * Telegram Gateway): the dispatcher passes it by for any message without `code`, as if it were not listed.
   */
  readonly codesOnly?: boolean;
  send(message: SmsMessage): Promise<SmsReceipt>;
  /** Only on providers that report delivery. Rejects with an SmsError like `send`. */
  status?(messageId: string): Promise<DeliveryReport>;
  /** Only on providers that report it: the account's remaining credit, in the provider's unit. */
  credit?(): Promise<{ readonly amount: number; readonly unit: string }>;
}
