import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.ts';
import { maskPhone } from '../phone/parse.ts';
import type { SmsLogRepository } from './log-repository.ts';
import { maskCode, OTP_TEMPLATES, otpMessage, type OtpPurpose } from './messages.ts';
import { SmsError } from './provider.ts';
import type { SmsSetup } from './setup.ts';

export interface CodeDelivery {
  readonly to: string;
  readonly code: string;
  readonly purpose: OtpPurpose;
  readonly ttlSeconds: number;
}

/**
 * Sends one-time codes and records every attempt in `sms_logs` with the code masked. A send that the
 * provider refuses or that times out becomes SMS_FAILED; the caller undoes whatever it prepared.
 */
export function createCodeSender(deps: {
  sms: SmsSetup;
  logs: SmsLogRepository;
  log: Logger;
  webOtpDomain?: string | undefined;
}) {
  const { sms, logs, log } = deps;

  return {
    async send(delivery: CodeDelivery): Promise<void> {
      if (!sms.available) throw new AppError('SMS_FAILED', 'SMS service not available');
      const template = OTP_TEMPLATES[delivery.purpose];
      const minutes = Math.ceil(delivery.ttlSeconds / 60);
      const text = otpMessage(delivery.purpose, delivery.code, minutes, deps.webOtpDomain);
      const stored = maskCode(text, delivery.code);
      const base = { phoneNumber: delivery.to, template, provider: sms.provider.name, text: stored };
      try {
        const receipt = await sms.provider.send({
          to: delivery.to,
          text,
          template,
          params: { code: delivery.code, minutes: String(minutes) },
        });
        await logs.record({
          ...base,
          providerMessageId: receipt.messageId,
          status: 'sent',
          errorCode: null,
          errorMessage: null,
        });
      } catch (error) {
        if (!(error instanceof SmsError)) throw error;
        log.warn(
          { to: maskPhone(delivery.to), provider: error.provider, kind: error.kind, providerCode: error.providerCode },
          'SMS send failed',
        );
        await logs.record({
          ...base,
          providerMessageId: null,
          status: 'failed',
          errorCode: error.providerCode ?? error.kind,
          errorMessage: error.message,
        });
        throw new AppError('SMS_FAILED');
      }
    },
  };
}

export type CodeSender = ReturnType<typeof createCodeSender>;
