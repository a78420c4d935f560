import { describeCode as kavenegar } from './providers/kavenegar.ts';
import { SHARED_LINE_CODES } from './providers/melipayamak-codes.ts';
import { describeCode as smsir } from './providers/smsir.ts';
import { describeCode as telegramGateway } from './providers/telegram-gateway.ts';
import type { SmsError } from './provider.ts';

/** Each provider's own code table, as its driver reads it. */
const PROVIDERS: Readonly<Record<string, (code: string) => string | null>> = {
  // The shared-line table holds SendSMS's codes too: one table for every send.
  melipayamak: (code) => SHARED_LINE_CODES[code]?.[1] ?? null,
  kavenegar,
  smsir,
  telegram_gateway: telegramGateway,
};

/** Codes our drivers give failures that are not a code of the provider's. */
const OURS: Readonly<Record<string, string>> = {
  ANSWER_TOO_LARGE: 'an answer longer than any the API gives; not read past the limit',
  BAD_MESSAGE_ID: 'an accepted message whose id is not an id (too long or not printable); not stored',
  BAD_RESPONSE: "an answer that is not the provider's API",
  CIRCUIT_OPEN: 'skipped: its circuit is open after failures in a row',
  CODES_ONLY: 'no provider listed carries anything but one-time codes',
  NOT_A_CODE: 'the provider carries one-time codes only, and this message is not one',
  NO_LINE_NUMBER: 'no line number is configured for free text',
  NULL: 'no value in the answer: wrong username or password',
  UNKNOWN_MESSAGE: 'the provider knows no such message',
  TOO_MANY_TOKENS: 'the template has more arguments than the provider takes',
};

const BY_KIND: Readonly<Record<SmsError['kind'], string>> = {
  timeout: 'no answer within the timeout',
  transport: 'no usable answer',
  rejected: 'refused',
};

/**
 * What a provider failure means, for the log line that reports it: the provider's own code and what the
 * provider's documentation says it means (`35`: `recipient is on the advertising blacklist`), so that the
 * log reads without the provider's manual at hand. Only our own words: nothing the provider sent back.
 */
export function providerCodeFields(error: SmsError): { provider_code: string | null; provider_meaning: string } {
  const code = error.providerCode;
  if (code === null) return { provider_code: null, provider_meaning: BY_KIND[error.kind] };
  const http = /^HTTP_(\d{3})$/.exec(code)?.[1];
  const meaning = http
    ? `HTTP status ${http}`
    : (OURS[code] ?? PROVIDERS[error.provider]?.(code) ?? 'a code the provider does not document');
  return { provider_code: code, provider_meaning: meaning };
}
