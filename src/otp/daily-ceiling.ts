import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.ts';
import type { OnRejected } from '../rate-limit/counted.ts';
import type { RateRule } from '../rate-limit/limiter.ts';

/**
 * Reports the daily SMS ceiling being reached, so that an operator hears of it before users do: when it
 * refuses a send, one `error` line and one count of `otpgate_sms_daily_limit_reached_total`, then silence
 * until the window it refused in has ended. Each instance reports once per window (it keeps no shared
 * state), so N instances give at most N lines a day. Other refusals pass through untouched.
 */
export function dailyCeilingAlarm(deps: {
  readonly rule: RateRule;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly now: () => number;
}): OnRejected {
  const { rule: ceiling, log, metrics, now } = deps;
  let quietUntil = 0;
  return (rule, retryAfterSeconds) => {
    if (rule.name !== ceiling.name || now() < quietUntil) return;
    quietUntil = now() + retryAfterSeconds * 1000;
    metrics.smsDailyLimitReached();
    log.error(
      { rule: rule.name, limit: rule.points, retryAfterSeconds },
      'the daily SMS ceiling (SMS_DAILY_LIMIT) is reached: every code request is refused until the window ends',
    );
  };
}
