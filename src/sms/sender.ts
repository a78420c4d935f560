import type { Logger } from 'pino';
import type { TestNumber } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { maskPhone } from '../phone/parse.ts';
import { DispatchFailure, type SmsEvents } from './dispatcher.ts';
import { providerCodeFields } from './provider-codes.ts';
import type { SmsLogRepository } from './log-repository.ts';
import type { TemplateRenderer } from '../templates/types.ts';
import { maskCode, OTP_TEMPLATES, withWebOtpLine, type OtpPurpose } from './messages.ts';
import type { SmsSetup } from './setup.ts';

export interface CodeDelivery {
  readonly to: string;
  readonly code: string;
  readonly purpose: OtpPurpose;
  /** How long the code stays valid from now, for the message's wording. */
  readonly ttlSeconds: number;
  /** The locales the recipient prefers, best first; the template's default locale when none has one. */
  readonly locales?: readonly string[] | undefined;
  /** The client's address and the caller's limits for a second copy (see `DispatchOptions`). */
  readonly client?: string | undefined;
  readonly mayTryAgain?: (() => Promise<boolean>) | undefined;
}

/**
 * SMS_FAILED for a code that no provider carried. `mayHaveArrived` is true when a call on the way may have
 * sent it (a timeout, a 5xx, a lost connection): the code may be on the phone, so the caller counts it as
 * sent and keeps it for the retry rather than issue another. `attempts` is the provider calls made: 0 when
 * every breaker was open.
 */
export class CodeNotSent extends AppError {
  constructor(
    readonly mayHaveArrived: boolean,
    readonly attempts: number,
  ) {
    super('SMS_FAILED');
  }
}

/**
 * Sends one-time codes through the providers in order (see dispatcher.ts), within SMS_OTP_DEADLINE_MS, and
 * records each message as one `sms_logs` row with the code masked and the locale it went out in. The text
 * comes from the purpose's template (templates/) with the WebOTP line last; a provider that approved the
 * template gets its template call instead. A code no provider carried becomes
 * CodeNotSent (SMS_FAILED); the caller decides what to keep. Test numbers get no SMS at all.
 */
export function createCodeSender(deps: {
  sms: SmsSetup;
  logs: SmsLogRepository;
  templates: TemplateRenderer;
  log: Logger;
  /** SMS_OTP_DEADLINE_MS. */
  deadlineMs: number;
  testNumbers: readonly TestNumber[];
  webOtpDomain?: string | undefined;
  events?: Pick<SmsEvents, 'smsMessage'> | undefined;
}) {
  const { sms, logs, log, deadlineMs, events } = deps;
  const fixedCodes = new Map(deps.testNumbers.map(({ phoneNumber, code }) => [phoneNumber, code]));

  return {
    /** The code a test number always gets (SMS_TEST_NUMBERS), or undefined for every other number. */
    fixedCode: (to: string): string | undefined => fixedCodes.get(to),

    async send(delivery: CodeDelivery): Promise<void> {
      const template = OTP_TEMPLATES[delivery.purpose];
      const minutes = Math.max(1, Math.ceil(delivery.ttlSeconds / 60));
      const params = { code: delivery.code, minutes: String(minutes) };
      const rendered = await deps.templates.render(template, delivery.locales, params);
      const text = withWebOtpLine(rendered.text, delivery.code, deps.webOtpDomain);
      const entry = {
        phoneNumber: delivery.to,
        template,
        locale: rendered.locale,
        text: maskCode(text, delivery.code),
      };
      // Before the availability check: a test number needs no provider, so it works wherever codes are asked.
      if (fixedCodes.has(delivery.to)) {
        await logs.recordWithoutProvider({ ...entry, provider: 'test' });
        events?.smsMessage({ provider: 'test', template, status: 'sent' });
        return;
      }
      if (!sms.available) throw new AppError('SMS_FAILED', 'SMS service not available');

      const id = await logs.start({ ...entry, provider: sms.provider.name });
      const message = { to: delivery.to, text, template, params, approvedBy: rendered.approvedBy, reference: id };
      try {
        const { client, mayTryAgain } = delivery;
        const sent = await sms.codes.dispatcher.dispatch(message, { deadlineMs, client, mayTryAgain });
        events?.smsMessage({ provider: sent.provider, template, status: 'sent' });
        // The code is out: a log row that cannot be written must not turn that into a failure.
        await logs
          .finish(id, {
            provider: sent.provider,
            providerMessageId: sent.receipt.messageId,
            status: 'sent',
            errorCode: null,
            errorMessage: null,
            attempts: sent.attempts,
          })
          .catch((error: unknown) => log.error({ err: error, smsLogId: id }, 'could not record a sent SMS'));
      } catch (error) {
        if (!(error instanceof DispatchFailure)) throw error;
        const { last, attempts, mayHaveArrived } = error;
        log.warn(
          {
            to: maskPhone(delivery.to),
            provider: last.provider,
            kind: last.kind,
            ...providerCodeFields(last),
            attempts,
            mayHaveArrived,
          },
          'SMS send failed',
        );
        events?.smsMessage({ provider: last.provider, template, status: 'failed' });
        await logs
          .finish(id, {
            provider: last.provider,
            providerMessageId: null,
            status: 'failed',
            errorCode: last.providerCode ?? last.kind,
            errorMessage: last.message,
            attempts,
          })
          .catch((logError: unknown) => log.error({ err: logError, smsLogId: id }, 'could not record a failed SMS'));
        // Thrown whatever the log did: what the caller keeps depends on `mayHaveArrived`.
        throw new CodeNotSent(mayHaveArrived, attempts);
      }
    },
  };
}

export type CodeSender = ReturnType<typeof createCodeSender>;
