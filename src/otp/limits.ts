import { createHmac } from 'node:crypto';
import type { Config } from '../config/index.ts';
import { addressLimitKey } from '../rate-limit/address-key.ts';
import type { Charge, RateRule, Taken } from '../rate-limit/limiter.ts';
import { OTP_TEMPLATES, type OtpPurpose } from '../sms/messages.ts';

const HOUR = 3600;
const DAY = 86_400;

/**
 * The send and verify limits, built once from the configuration, and `phoneKey`, the key a number counts
 * under (keyed with `phoneKeySecret`, Keys.rateLimitPhone).
 */
export function otpRules(config: Pick<Config, 'otp' | 'sms'>, phoneKeySecret: Buffer) {
  const { otp, sms } = config;
  const rules = {
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
  return { ...rules, phoneKey: rememberedPhoneKeys(phoneKeySecret) };
}

/** Numbers whose keys are kept: about the requests in flight at once, a few hundred kilobytes at most. */
const REMEMBERED_PHONE_KEYS = 2048;

/**
 * `limitKeyForPhone` for the numbers seen lately. One request asks for its number's key three to five times
 * (resend, hourly, failed-send budget, their refunds), and each HMAC sets its key up afresh: about 2 % of the
 * service's CPU in a profile of `npm run bench`. Forgetting everything when full keeps it small.
 */
function rememberedPhoneKeys(phoneKeySecret: Buffer): (e164: string) => string {
  const keys = new Map<string, string>();
  return (e164) => {
    let key = keys.get(e164);
    if (key === undefined) {
      if (keys.size >= REMEMBERED_PHONE_KEYS) keys.clear();
      key = limitKeyForPhone(phoneKeySecret, e164);
      keys.set(e164, key);
    }
    return key;
  };
}

export type OtpRules = ReturnType<typeof otpRules>;

/**
 * The key a client address counts under: the one place that maps an address to its counter (so that, say,
 * counting IPv6 clients per /64 changes only this). `limits reset --ip` goes through it too.
 */
export const limitKeyForIp = (ip: string, ipv6PrefixBits: number): string => addressLimitKey(ip, ipv6PrefixBits);

/** Marks a key as a number's, hashed: such keys hold no `+`, which is how rows from before are told apart. */
export const PHONE_KEY_PREFIX = 'ph.';

/**
 * The key a number (E.164) counts under: the one place, for the same reason. Counters outlive the request
 * in the database and in Redis, so the key is a keyed hash, not the number: a dump of either lists no
 * numbers. Keyed (HMAC with a key derived from AUTH_SECRET) because Iran's mobile numbers are few enough to
 * hash them all; 128 bits leave no practical chance of two numbers sharing a counter.
 */
export function limitKeyForPhone(phoneKeySecret: Buffer, e164: string): string {
  const digest = createHmac('sha256', phoneKeySecret).update(e164, 'utf8').digest();
  return `${PHONE_KEY_PREFIX}${digest.subarray(0, 16).toString('base64url')}`;
}

const PURPOSES = Object.keys(OTP_TEMPLATES) as OtpPurpose[];

const resendKey = (rules: OtpRules, purpose: OtpPurpose, e164: string) => `${purpose}:${rules.phoneKey(e164)}`;

/**
 * What a code request charges: its number's resend and hourly limits, its address's, the daily total, and
 * the failed-send budgets of the number and the address. The failed-send budgets are taken before the send
 * and given back when it goes out, like the verify budget: taking them only after a failure would let
 * parallel requests slip past them. `isFailure` tells a failed-send budget's charge from the others.
 */
export function requestCharges(
  rules: OtpRules,
  purpose: OtpPurpose,
  e164: string,
  ip: string,
  ipv6PrefixBits: number,
): { all: Charge[]; isFailure: (taken: Taken) => boolean } {
  const address = limitKeyForIp(ip, ipv6PrefixBits);
  const failure: Charge[] = [
    [rules.failedSendPhone, rules.phoneKey(e164)],
    [rules.failedSendIp, address],
  ];
  const all: Charge[] = [
    [rules.resend, resendKey(rules, purpose, e164)],
    [rules.phoneHourly, rules.phoneKey(e164)],
    [rules.ipHourly, address],
    [rules.dailyTotal, 'all'],
    ...failure,
  ];
  return { all, isFailure: (taken) => failure.some(([rule]) => rule === taken.rule) };
}

/** A second copy of a code (see send-charges.ts): one more message against the number's hour and the day. */
export function secondCopyCharges(rules: OtpRules, e164: string): Charge[] {
  return [
    [rules.phoneHourly, rules.phoneKey(e164)],
    [rules.dailyTotal, 'all'],
  ];
}

/** What a code check charges (and gives back when the code is right). */
export function verifyCharges(rules: OtpRules, ip: string, ipv6PrefixBits: number): Charge[] {
  return [[rules.failedVerifyIp, limitKeyForIp(ip, ipv6PrefixBits)]];
}

/** Every counter a number has, whatever the purpose: what `otpgate limits reset --phone` clears. */
export function phoneCounters(rules: OtpRules, e164: string): Charge[] {
  return [
    ...PURPOSES.map((purpose): Charge => [rules.resend, resendKey(rules, purpose, e164)]),
    [rules.phoneHourly, rules.phoneKey(e164)],
    [rules.failedSendPhone, rules.phoneKey(e164)],
  ];
}

/** Every counter an address has: what `otpgate limits reset --ip` clears. */
export function ipCounters(rules: OtpRules, ip: string, ipv6PrefixBits: number): Charge[] {
  return [
    [rules.ipHourly, limitKeyForIp(ip, ipv6PrefixBits)],
    [rules.failedVerifyIp, limitKeyForIp(ip, ipv6PrefixBits)],
    [rules.failedSendIp, limitKeyForIp(ip, ipv6PrefixBits)],
  ];
}
