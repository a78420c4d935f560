import type { RateLimiter, Taken } from '../rate-limit/limiter.ts';
import { consumeAll } from '../rate-limit/take-all.ts';
import { CodeNotSent } from '../sms/sender.ts';
import { secondCopyCharges, type OtpRules } from './limits.ts';

/**
 * A second provider after one that may have delivered may put a second copy on the phone: it counts as a
 * second message against the number's hour and the daily ceiling, or it is not made.
 */
export function secondCopy(limiter: RateLimiter, rules: OtpRules, phoneNumber: string): () => Promise<boolean> {
  return async () => (await consumeAll(limiter, secondCopyCharges(rules, phoneNumber))).allowed;
}

/** What a failed request gives back (see OtpService.request): nothing of a send that may have arrived. */
export function givenBack(error: unknown, taken: readonly Taken[], isFailure: (taken: Taken) => boolean): Taken[] {
  if (!(error instanceof CodeNotSent)) return [...taken];
  if (error.mayHaveArrived) return [];
  return error.attempts === 0 ? [...taken] : taken.filter((t) => !isFailure(t));
}
