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
    failedVerifyIp: { name: 'otp-verify-ip-hour', points: otp.verifyIpHourlyLimit, durationSeconds: HOUR },
  } satisfies Record<string, RateRule>;
}

export type OtpRules = ReturnType<typeof otpRules>;
