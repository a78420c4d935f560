import type { Decision, RateLimiter, RateRule, Taken } from './limiter.ts';

export type Charge = readonly [rule: RateRule, key: string];

export type AllDecision =
  | { readonly allowed: true; readonly taken: readonly Taken[] }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Takes one point from each charge in order, or none: when one limit says no, the points already taken
 * are given back, so a refused request never uses up another limit's room.
 */
export async function consumeAll(limiter: RateLimiter, charges: readonly Charge[]): Promise<AllDecision> {
  const taken: Taken[] = [];
  for (const [rule, key] of charges) {
    const decision: Decision = await limiter.consume(rule, key);
    if (!decision.allowed) {
      await refundAll(limiter, taken);
      return decision;
    }
    taken.push(decision.taken);
  }
  return { allowed: true, taken };
}

export async function refundAll(limiter: RateLimiter, taken: readonly Taken[]): Promise<void> {
  await Promise.all(taken.map((t) => limiter.refund(t)));
}
