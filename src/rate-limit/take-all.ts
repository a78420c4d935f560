import type { Decision, RateLimiter, RateRule } from './limiter.ts';

export type Charge = readonly [rule: RateRule, key: string];

/**
 * Takes one point from each charge in order, or none: when one limit says no, the points already taken
 * are given back, so a refused request never uses up another limit's room.
 */
export async function consumeAll(limiter: RateLimiter, charges: readonly Charge[]): Promise<Decision> {
  const taken: Charge[] = [];
  for (const charge of charges) {
    const decision = await limiter.consume(charge[0], charge[1]);
    if (!decision.allowed) {
      await refundAll(limiter, taken);
      return decision;
    }
    taken.push(charge);
  }
  return { allowed: true };
}

export async function refundAll(limiter: RateLimiter, charges: readonly Charge[]): Promise<void> {
  await Promise.all(charges.map(([rule, key]) => limiter.refund(rule, key)));
}
