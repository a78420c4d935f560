import type { SmsError } from './provider.ts';

/** What one failed provider call means for the provider's breaker and for the rest of the send. */
export interface FailureClass {
  /** The provider or its account is at fault: the call counts as a failure against its breaker. */
  readonly providerFault: boolean;
  /** Another provider may do better, so the message is tried on the next one. */
  readonly failover: boolean;
}

const ABOUT_THIS_MESSAGE: FailureClass = { providerFault: false, failover: false };
const PROVIDER_FAULT: FailureClass = { providerFault: true, failover: true };
const UNEXPLAINED: FailureClass = { providerFault: false, failover: true };
const NOT_ON_THIS_CHANNEL: FailureClass = { providerFault: false, failover: true };

/**
 * - A refusal of this recipient or this text (`recipient`, `content`, `message`) is the provider working as
 *   it should. Anyone can ask for a code to any number, so such refusals must never count against a
 *   breaker: five requests for unallocated numbers would otherwise take SMS down for everyone. The next
 *   provider would refuse the same number or text, so the send stops.
 * - The account (`account`, `rate_limited`), a transport failure (HTTP 5xx, network) or a timeout is the
 *   provider's fault: the breaker counts it and the next provider is tried.
 * - `unreachable` is this number on this provider's channel only (not on Telegram): like a refusal of the
 *   number it never counts, for the same reason, but an SMS provider may still reach the number, so the
 *   next one is tried.
 * - `unknown` (undocumented codes, and codes whose readings conflict, one of them about the recipient) is
 *   tried on the next provider, which may carry the message under either reading, and not counted, since a
 *   caller who can choose the number might be able to cause it. A provider answering only such codes is
 *   then asked first on every send, which costs one call each, not an outage.
 */
export function classify(error: SmsError): FailureClass {
  if (error.kind !== 'rejected') return PROVIDER_FAULT;
  if (aboutThisMessage(error)) return ABOUT_THIS_MESSAGE;
  if (error.reason === 'account' || error.reason === 'rate_limited') return PROVIDER_FAULT;
  if (error.reason === 'unreachable') return NOT_ON_THIS_CHANNEL;
  return UNEXPLAINED;
}

/** A refusal no other provider and no later try would overturn: this number, or this text. */
export function aboutThisMessage(error: SmsError): boolean {
  const { kind, reason } = error;
  return kind === 'rejected' && (reason === 'recipient' || reason === 'content' || reason === 'message');
}
