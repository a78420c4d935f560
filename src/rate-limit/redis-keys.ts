import type { RateRule } from './limiter.ts';

/**
 * The prefix of a rule's counters in Redis (rate-limiter-flexible adds `:<key>`). Shared by the limiter and
 * `otpgate limits reset`, which must find the same keys.
 */
export const redisRulePrefix = (keyPrefix: string, rule: RateRule): string => `${keyPrefix}rl:${rule.name}`;
