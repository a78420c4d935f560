/** Small readers shared by the providers, whose APIs mix numbers and numeric strings freely. */

import { acceptedUnread, SmsError } from '../provider.ts';

export const FORM_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';

/**
 * The recipient as Iranian gateways take it: national `09…` for Iranian numbers (their examples use it),
 * and the international digits without `+` for others (UNCONFIRMED for each gateway; such numbers never
 * start with 0, so they cannot be misread as Iranian national numbers).
 */
export function gatewayNumber(e164: string): string {
  return e164.startsWith('+98') ? `0${e164.slice(3)}` : e164.replace(/^\+/, '');
}

/**
 * The longest message id we keep. Every id a provider documents is far shorter (Melipayamak's recId and
 * Kavenegar's messageid are numbers, of 13 and 7 digits in their examples; a gateway's UUID has 36
 * characters). The bound keeps a provider's answer from filling the delivery log, whose rows the poller and
 * the admin listing read a hundred at a time.
 */
export const MAX_MESSAGE_ID_LENGTH = 128;
/** Printable ASCII without spaces: what goes into a form field, a URL path and a log line as it is. */
const MESSAGE_ID = new RegExp(`^[\\x21-\\x7e]{1,${MAX_MESSAGE_ID_LENGTH}}$`);

/**
 * The message id of an accepted message, from a finite number or a string, trimmed; null when the answer has
 * none (an accepted message without an id is still sent). An id that is there but is not one (longer than
 * MAX_MESSAGE_ID_LENGTH, not printable, an object) throws a transport failure that may have sent: the
 * provider took the message, but an answer carrying such a value is not its API's, so nothing of it is
 * stored, and the caller counts the message as sent against every limit before it tries the next provider.
 */
export function messageIdOf(provider: string, value: unknown): string | null {
  // A number is an id only as a whole number JSON carried exactly: 1e+30 or 1.2345678901234568e+38 is not
  // the id the provider meant.
  const number = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  const id = typeof number === 'string' ? number.trim() : number;
  if (id === undefined || id === null || id === '') return null;
  if (typeof id === 'string' && MESSAGE_ID.test(id)) return id;
  const message = `${provider} accepted the message with an id that is not one`;
  throw acceptedUnread(new SmsError(provider, 'transport', message, 'BAD_MESSAGE_ID'));
}

/** A status or error code: an integer of at most six digits, from a number or a numeric string; null otherwise. */
export function readCode(value: unknown): string | null {
  const code = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^-?\d{1,6}$/.test(code) ? code : null;
}

/** A finite number, from a number or a numeric string; null otherwise. */
export function readNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * What a message cost, in the provider's unit: a number from 0 to a billion (Kavenegar charges about 1,500
 * rials a message, SMS.ir about 1 SMS); null otherwise. A cost outside that is dropped, not a failure: it is
 * only kept for the log, and failing a message the provider took would make the caller send it again.
 */
export function readCost(value: unknown): number | null {
  const cost = readNumber(value);
  return cost !== null && cost >= 0 && cost <= 1e9 ? cost : null;
}
