import type { RateLimiter, RateRule } from './limiter.ts';

/** The same limiter, reporting each refusal (for the rate-limit rejection metric). Counting is untouched. */
export function reportingRejections(limiter: RateLimiter, onRejected: (rule: RateRule) => void): RateLimiter {
  return {
    get store() {
      return limiter.store;
    },
    get degraded() {
      return limiter.degraded;
    },
    async consume(rule, key, cost) {
      const decision = await limiter.consume(rule, key, cost);
      if (!decision.allowed) onRejected(rule);
      return decision;
    },
    async consumeAll(charges) {
      const decision = await limiter.consumeAll(charges);
      if (!decision.allowed) onRejected(decision.rule);
      return decision;
    },
    refund: limiter.refund.bind(limiter),
    reset: limiter.reset.bind(limiter),
    close: limiter.close.bind(limiter),
  };
}
