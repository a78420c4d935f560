import { postForAnswer, type HttpPool } from '../http.ts';
import { FORM_TYPE, gatewayNumber, messageIdOf } from './fields.ts';
import { SmsError, type ApprovedTemplate, type SmsProvider } from '../provider.ts';
import {
  DELIVERY_ERRORS,
  deliveryReport,
  NAME,
  parseEnvelope,
  REC_ID,
  rejection,
  SEND_CODES,
  SHARED_LINE_CODES,
  type Envelope,
} from './melipayamak-codes.ts';

export interface MelipayamakOptions {
  readonly username: string;
  /** The panel password, or the API key that newer accounts must send in its place (code -110). */
  readonly password: string;
  /** The sending line for free text (SMS_SENDER_NUMBER); templated messages go out on the shared service line. */
  readonly from: string;
  /** REST base, `https://rest.payamak-panel.com` (MELIPAYAMAK_BASE_URL); a local fake in tests. */
  readonly baseUrl: string;
  /** Budget for each call, connect to last byte (SMS_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** The connections calls go through; the service gives code messages and the queue each their own. */
  readonly pool?: HttpPool | undefined;
}

/**
 * Talks to the legacy REST API with username and password in the form body: free text through `SendSMS`,
 * approved templates through `BaseServiceNumber`, delivery through `GetDeliveries2`, credit through `GetCredit`.
 */
export function createMelipayamakProvider(options: MelipayamakOptions): SmsProvider {
  const { username, password, from, timeoutMs, pool } = options;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/SendSMS`;

  async function call(method: string, fields: Record<string, string>): Promise<Envelope> {
    const form = new URLSearchParams({ username, password, ...fields }).toString();
    const answer = await postForAnswer(NAME, `${base}/${method}`, form, { 'content-type': FORM_TYPE }, timeoutMs, pool);
    // The API answers 200 even when it refuses, so any other status came from something in front of it.
    if (answer.status < 200 || answer.status > 299) {
      throw new SmsError(NAME, 'transport', `${NAME} answered HTTP ${answer.status}`, `HTTP_${answer.status}`);
    }
    const envelope = parseEnvelope(answer.body);
    if (!envelope) {
      throw new SmsError(NAME, 'transport', `${NAME} answered with a body that is not its API's`, 'BAD_RESPONSE');
    }
    return envelope;
  }

  return {
    name: NAME,
    live: true,
    async send(message) {
      const to = gatewayNumber(message.to);
      const { approved } = message;
      const envelope = approved
        ? await call('BaseServiceNumber', { to, bodyId: approved.id, text: sharedLineText(approved) })
        : await call('SendSMS', { to, from, text: message.text, isFlash: 'false' });
      // RetStatus alone is not enough: some answers say "Ok" with an error code in Value.
      // A recId of more digits than an id may have (a 2 MB one was seen) fails the call (see messageIdOf).
      const accepted = envelope.retStatus === 1 && REC_ID.test(envelope.value);
      if (accepted) return { messageId: messageIdOf(NAME, envelope.value) };
      throw rejection(envelope, approved ? SHARED_LINE_CODES : SEND_CODES);
    },

    async status(recId) {
      const envelope = await call('GetDeliveries2', { recId });
      // Third-party code reads a null Value as "delivery reports are off for this user" (UNCONFIRMED); it is
      // an account setting either way, and asking again will not change the answer.
      if (envelope.value === '') {
        const meaning = 'no delivery code: delivery reports are disabled or the credentials are wrong';
        throw new SmsError(
          NAME,
          'rejected',
          `${NAME} refused the request (${meaning})`,
          'DELIVERY_REPORTS_DISABLED',
          'account',
        );
      }
      // Delivery code 0 ("sent to telecom") and SendSMS's 0 ("wrong credentials") share a value, so only a
      // successful envelope makes Value a delivery code.
      if (envelope.retStatus !== 1 || envelope.value.startsWith('-')) {
        throw rejection(envelope, { ...SEND_CODES, ...DELIVERY_ERRORS });
      }
      if (!/^\d{1,6}$/.test(envelope.value)) {
        throw new SmsError(NAME, 'transport', `${NAME} answered with a delivery code that is not one`, 'BAD_RESPONSE');
      }
      return deliveryReport(envelope.value);
    },

    async credit() {
      const envelope = await call('GetCredit', {});
      // GetCredit takes nothing but the credentials, so any refusal is about the account. Over REST, wrong
      // credentials come back as a null or "NULL" Value rather than a code (§1.4).
      if (envelope.value === '') {
        const meaning = 'no credit value: wrong username or password';
        throw new SmsError(NAME, 'rejected', `${NAME} refused the request (${meaning})`, 'NULL', 'account');
      }
      if (envelope.retStatus !== 1) throw rejection(envelope, SEND_CODES, 'account');
      const amount = Number(envelope.value);
      if (!Number.isFinite(amount)) {
        throw new SmsError(NAME, 'transport', `${NAME} answered with a credit that is not a number`, 'BAD_RESPONSE');
      }
      return { amount, unit: 'sms' };
    },
  };
}

/**
 * The template's variables in order, joined by `;` as BaseServiceNumber expects. A `;` inside a value would
 * shift every later variable, so it becomes the Persian comma, which reads the same to a Persian reader.
 */
function sharedLineText({ args }: ApprovedTemplate): string {
  return args.map(({ value }) => value.replaceAll(';', '،')).join(';');
}
