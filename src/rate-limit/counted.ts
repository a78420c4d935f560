import type { RateLimiter, RateRule } from './limiter.ts';

/** Told of each refusal: the rule that said no and when it will say yes again. */
export type OnRejected = (rule: RateRule, retryAfterSeconds: number) => void;

/** The same limiter, reporting each refusal (for the rate-limit rejection metric). Counting is untouched. */
export function reportingRejections(limiter: RateLimiter, onRejected: OnRejected): RateLimiter {
  return {
    get store() {
      return limiter.store;
    },
    get degraded() {
      return limiter.degraded;
    },
    async consume(rule, key, cost) {
      const decision = await limiter.consume(rule, key, cost);
      if (!decision.allowed) onRejected(rule, decision.retryAfterSeconds);
      return decision;
    },
    async consumeAll(charges) {
      const decision = await limiter.consumeAll(charges);
      if (!decision.allowed) onRejected(decision.rule, decision.retryAfterSeconds);
      return decision;
    },
    async consumeAllWith(charges, write) {
      const result = await limiter.consumeAllWith(charges, write);
      if (!result.decision.allowed) onRejected(result.decision.rule, result.decision.retryAfterSeconds);
      return result;
    },
    refundAllWith: limiter.refundAllWith.bind(limiter),
    refund: limiter.refund.bind(limiter),
    refundAll: limiter.refundAll.bind(limiter),
    reset: limiter.reset.bind(limiter),
    close: limiter.close.bind(limiter),
  };
}
