import type { Config } from '../config/index.ts';
import type { RateRule } from '../rate-limit/limiter.ts';

const HOUR = 3600;
const DAY = 86_400;

/** The send and verify limits, built once from the configuration. */
export function otpRules(config: Config) {
  const { otp, sms } = config;
  return {
    /** One code per number and purpose per OTP_RESEND_SECONDS. */
    resend: { name: 'otp-resend', points: 1, durationSeconds: otp.resendSeconds },
    phoneHourly: { name: 'otp-phone-hour', points: otp.phoneHourlyLimit, durationSeconds: HOUR },
    ipHourly: { name: 'otp-ip-hour', points: otp.ipHourlyLimit, durationSeconds: HOUR },
    /** A ceiling on the whole service's spend: the brake on SMS pumping that no rotation of IPs escapes. */
    dailyTotal: { name: 'sms-day', points: sms.dailyLimit, durationSeconds: DAY },
    /**
     * Sends that failed, per number and per address. Taken with the others and given back when the code
     * goes out; kept when a send failed, which gives the rest back (see OtpService.request).
     */
    failedSendPhone: {
      name: 'otp-failed-send-phone-hour',
      points: otp.failedSendPhoneHourlyLimit,
      durationSeconds: HOUR,
    },
    failedSendIp: { name: 'otp-failed-send-ip-hour', points: otp.failedSendIpHourlyLimit, durationSeconds: HOUR },
    failedVerifyIp: { name: 'otp-verify-ip-hour', points: otp.verifyIpHourlyLimit, durationSeconds: HOUR },
  } satisfies Record<string, RateRule>;
}

export type OtpRules = ReturnType<typeof otpRules>;
