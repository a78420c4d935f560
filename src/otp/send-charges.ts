import type { Charge, RateLimiter, Taken } from '../rate-limit/limiter.ts';
import { consumeAll } from '../rate-limit/take-all.ts';
import { CodeNotSent } from '../sms/sender.ts';
import type { OtpRules } from './limits.ts';

/** The limits one code request for `phoneNumber` from `ip` is charged against (see OtpService.request). */
export function sendCharges(rules: OtpRules, purpose: string, phoneNumber: string, ip: string) {
  const send: Charge[] = [
    [rules.resend, `${purpose}:${phoneNumber}`],
    [rules.phoneHourly, phoneNumber],
    [rules.ipHourly, ip],
    [rules.dailyTotal, 'all'],
  ];
  // Taken before the send and given back when it goes out, like the verify budget: taking them only after
  // a failure would let parallel requests slip past them.
  const failure: Charge[] = [
    [rules.failedSendPhone, phoneNumber],
    [rules.failedSendIp, ip],
  ];
  return { all: [...send, ...failure], isFailure: (taken: Taken) => failure.some(([rule]) => rule === taken.rule) };
}

/**
 * A second provider after one that may have delivered may put a second copy on the phone: it counts as a
 * second message against the number's hour and the daily ceiling, or it is not made.
 */
export function secondCopy(limiter: RateLimiter, rules: OtpRules, phoneNumber: string): () => Promise<boolean> {
  return async () =>
    (
      await consumeAll(limiter, [
        [rules.phoneHourly, phoneNumber],
        [rules.dailyTotal, 'all'],
      ])
    ).allowed;
}

/** What a failed request gives back (see OtpService.request): nothing of a send that may have arrived. */
export function givenBack(error: unknown, taken: readonly Taken[], isFailure: (taken: Taken) => boolean): Taken[] {
  if (!(error instanceof CodeNotSent)) return [...taken];
  if (error.mayHaveArrived) return [];
  return error.attempts === 0 ? [...taken] : taken.filter((t) => !isFailure(t));
}
