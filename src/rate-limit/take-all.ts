import type { AllDecision, Charge, CountsPart, RateLimiter, RefundPart, Taken, WrittenWith } from './limiter.ts';

export type { AllDecision, Charge } from './limiter.ts';

/** Takes one point from each charge, or none (see `RateLimiter.consumeAll`). */
export function consumeAll(limiter: RateLimiter, charges: readonly Charge[]): Promise<AllDecision> {
  return limiter.consumeAll(charges);
}

export async function refundAll(limiter: RateLimiter, taken: readonly Taken[]): Promise<void> {
  if (taken.length > 0) await limiter.refundAll(taken);
}

/** `consumeAllWith` for a store that cannot count inside a statement: the charges, then the write. */
export async function consumeThenWrite<T>(
  limiter: Pick<RateLimiter, 'consumeAll'>,
  charges: readonly Charge[],
  write: (part: CountsPart | undefined) => Promise<WrittenWith<T>>,
): Promise<{ decision: AllDecision; value?: T | undefined }> {
  const decision = await limiter.consumeAll(charges);
  if (!decision.allowed) return { decision };
  return { decision, value: (await write(undefined)).value };
}

/** `refundAllWith` for a store that cannot give back inside a statement: the write, then the refund. */
export async function writeThenRefund<T>(
  limiter: Pick<RateLimiter, 'refundAll'>,
  taken: readonly Taken[],
  write: (part: RefundPart | undefined) => Promise<T>,
): Promise<T> {
  const value = await write(undefined);
  if (taken.length > 0) await limiter.refundAll(taken);
  return value;
}
