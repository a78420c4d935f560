import type { Logger } from 'pino';
import type { TestNumber } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { maskPhone } from '../phone/parse.ts';
import { DispatchFailure, type DispatchOptions, type SmsEvents, type SmsRoute } from './dispatcher.ts';
import { providerCodeFields } from './provider-codes.ts';
import type { SmsLogOutcome } from './log-repository.ts';
import type { RenderedMessage, TemplateRenderer } from '../templates/types.ts';
import { maskCode, OTP_TEMPLATES, withWebOtpLine, type OtpPurpose } from './messages.ts';
import type { CodePart } from './provider.ts';
import type { SmsSetup } from './setup.ts';

export interface CodeDelivery {
  readonly to: string;
  readonly code: string;
  readonly purpose: OtpPurpose;
  /** How long the code stays valid from now, for the message's wording. */
  readonly ttlSeconds: number;
  /**
   * The locales the request asks for (its Accept-Language), best first. Without them the recipient's
   * stored locale decides, read when the message is written (otp/writes/), so `compose` renders it in each.
   */
  readonly locales?: readonly string[] | undefined;
}

/**
 * How a code request asks its code to go: `sms`, or `telegram` / `auto` (the two are the same today): the
 * bot first, when the number's user has a chat with it, and SMS otherwise or when the bot cannot deliver.
 */
export type CodeChannel = 'sms' | 'telegram' | 'auto';

/** A code message in one locale: the text to send, and the same with the code masked, to store. */
export interface CodeText {
  readonly rendered: RenderedMessage;
  readonly text: string;
  readonly masked: string;
}

/** A code message before anything is written: what the log row holds, in each locale it may go out in. */
export interface ComposedCode {
  readonly to: string;
  readonly template: string;
  /** A test number's (SMS_TEST_NUMBERS): no provider is called, the row is written as sent by `test`. */
  readonly test: boolean;
  /** The provider the row names before the send; the one that took it is written after. */
  readonly provider: string;
  /** Each locale the template has, when the stored locale decides; otherwise empty. */
  readonly byLocale: ReadonlyMap<string, CodeText>;
  /** For any other locale, and the message itself when the request named its locales. */
  readonly fallback: CodeText;
  /** The code itself, for providers that send codes rather than text (`SmsMessage.code`). */
  readonly code: CodePart;
}

/** The text of `message` in `locale`, as `byLocale` or else `fallback` has it. */
export const inLocale = (message: ComposedCode, locale: string | null | undefined): CodeText =>
  (locale ? message.byLocale.get(locale) : undefined) ?? message.fallback;

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
    /** What the message's log row records; undefined when no row was written for it. */
    readonly outcome?: SmsLogOutcome,
  ) {
    super('SMS_FAILED');
  }
}

/**
 * Sends one-time codes through the providers in order (see dispatcher.ts), within SMS_OTP_DEADLINE_MS. The
 * text comes from the purpose's template (templates/) with the WebOTP line last; a provider that approved the
 * template gets its template call instead. `compose` renders the message before anything is written, and
 * `deliver` sends it and says how it ended, for the caller to write in the `sms_logs` row it made: the
 * caller writes the row with the code (otp/writes/), so that the row and the code cost one round trip.
 * A code no provider carried becomes CodeNotSent (SMS_FAILED) with that outcome; the caller decides what
 * to keep. Test numbers get no SMS at all.
 */
export function createCodeSender(deps: {
  sms: SmsSetup;
  templates: TemplateRenderer;
  log: Logger;
  /** SMS_OTP_DEADLINE_MS. */
  deadlineMs: number;
  testNumbers: readonly TestNumber[];
  webOtpDomain?: string | undefined;
  events?: Pick<SmsEvents, 'smsMessage'> | undefined;
  /** The bot's route (telegram/bot/code-route.ts), tried first by a code that asks for Telegram; null without the bot. */
  viaTelegram?: SmsRoute | null | undefined;
}) {
  const { sms, log, deadlineMs, events } = deps;
  const fixedCodes = new Map(deps.testNumbers.map(({ phoneNumber, code }) => [phoneNumber, code]));

  const codeText = (rendered: RenderedMessage, code: string): CodeText => {
    const text = withWebOtpLine(rendered.text, code, deps.webOtpDomain);
    return { rendered, text, masked: maskCode(text, code) };
  };

  return {
    /** The code a test number always gets (SMS_TEST_NUMBERS), or undefined for every other number. */
    fixedCode: (to: string): string | undefined => fixedCodes.get(to),

    /** The message, rendered; SMS_FAILED when no provider could send it (a test number needs none). */
    async compose(delivery: CodeDelivery): Promise<ComposedCode> {
      const template = OTP_TEMPLATES[delivery.purpose];
      const test = fixedCodes.has(delivery.to);
      if (!test && !sms.available) throw new AppError('SMS_FAILED', 'SMS service not available');
      const minutes = Math.max(1, Math.ceil(delivery.ttlSeconds / 60));
      const params = { code: delivery.code, minutes: String(minutes) };
      const provider = test ? 'test' : sms.provider.name;
      const code = { value: delivery.code, ttlSeconds: delivery.ttlSeconds };
      if (delivery.locales) {
        const rendered = await deps.templates.render(template, delivery.locales, params);
        return {
          to: delivery.to,
          template,
          test,
          provider,
          byLocale: new Map(),
          fallback: codeText(rendered, delivery.code),
          code,
        };
      }
      const each = await deps.templates.renderEach(template, params);
      const byLocale = new Map([...each.byLocale].map(([locale, m]) => [locale, codeText(m, delivery.code)]));
      const fallback = codeText(each.fallback, delivery.code);
      return { to: delivery.to, template, test, provider, byLocale, fallback, code };
    },

    /**
     * Sends `message` in `locale` under the log row `logId` (its reference at the provider). Resolves with
     * how it ended, or undefined for a test number (its row is already final); rejects with CodeNotSent,
     * which carries the outcome, when no provider carried it.
     */
    async deliver(
      message: ComposedCode,
      locale: string | null,
      logId: string,
      options: Pick<DispatchOptions, 'client' | 'mayTryAgain'> & { channel?: CodeChannel | undefined },
    ): Promise<SmsLogOutcome | undefined> {
      const { template } = message;
      if (message.test) {
        events?.smsMessage({ provider: 'test', template, status: 'sent' });
        return undefined;
      }
      const { rendered, text } = inLocale(message, locale);
      const outgoing = {
        to: message.to,
        text,
        template,
        params: rendered.params,
        approvedBy: rendered.approvedBy,
        reference: logId,
        code: message.code,
      };
      try {
        const { channel, ...rest } = options;
        // Without the bot, a code that asks for Telegram goes by SMS as any other.
        const first = channel === undefined || channel === 'sms' ? undefined : (deps.viaTelegram ?? undefined);
        const sent = await sms.codes.dispatcher.dispatch(outgoing, { deadlineMs, ...rest, first });
        events?.smsMessage({ provider: sent.provider, template, status: 'sent' });
        return {
          provider: sent.provider,
          providerMessageId: sent.receipt.messageId,
          status: 'sent',
          errorCode: null,
          errorMessage: null,
          attempts: sent.attempts,
        };
      } catch (error) {
        if (!(error instanceof DispatchFailure)) throw error;
        const { last, attempts, mayHaveArrived } = error;
        log.warn(
          {
            to: maskPhone(message.to),
            provider: last.provider,
            kind: last.kind,
            ...providerCodeFields(last),
            attempts,
            mayHaveArrived,
          },
          'SMS send failed',
        );
        events?.smsMessage({ provider: last.provider, template, status: 'failed' });
        throw new CodeNotSent(mayHaveArrived, attempts, {
          provider: last.provider,
          providerMessageId: null,
          status: 'failed',
          errorCode: last.providerCode ?? last.kind,
          errorMessage: last.message,
          attempts,
        });
      }
    },
  };
}

export type CodeSender = ReturnType<typeof createCodeSender>;
