import type { AllDecision, Charge, RateLimiter, Taken } from './limiter.ts';

export type { AllDecision, Charge } from './limiter.ts';

/** Takes one point from each charge, or none (see `RateLimiter.consumeAll`). */
export function consumeAll(limiter: RateLimiter, charges: readonly Charge[]): Promise<AllDecision> {
  return limiter.consumeAll(charges);
}

/**
 * `consumeAll` for a store that counts one key at a time: the charges in order, and when one says no the
 * points already taken are given back.
 */
export async function consumeInTurn(
  consume: RateLimiter['consume'],
  refund: RateLimiter['refund'],
  charges: readonly Charge[],
): Promise<AllDecision> {
  const taken: Taken[] = [];
  for (const [rule, key] of charges) {
    const decision = await consume(rule, key);
    if (!decision.allowed) {
      await Promise.all(taken.map((t) => refund(t)));
      return { allowed: false, retryAfterSeconds: decision.retryAfterSeconds, rule };
    }
    taken.push(decision.taken);
  }
  return { allowed: true, taken };
}

export async function refundAll(limiter: RateLimiter, taken: readonly Taken[]): Promise<void> {
  await Promise.all(taken.map((t) => limiter.refund(t)));
}
