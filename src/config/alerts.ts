import { invalid } from './explain.ts';
import type { Env } from './schema.ts';

/** Back-in-stock alerts: how many a restock notifies, and when SMS alerts wait. */
export interface AlertsConfig {
  /** ALERTS_PER_UNIT: subscribers notified per unit reported; null notifies everyone. */
  readonly perUnit: number | null;
  /**
   * ALERTS_QUIET_HOURS as minutes after midnight in `timeZone`: SMS alerts due from `start` (inclusive) to
   * `end` (exclusive) wait until `end`. `start` after `end` spans midnight (22:00-08:00). Null: never quiet.
   */
  readonly quietHours: { readonly start: number; readonly end: number } | null;
  readonly timeZone: string;
  /** ALERTS_TELEGRAM_PER_SECOND: alert messages per second, every chat together. */
  readonly telegramPerSecond: number;
}

export function alertsConfig(env: Env): AlertsConfig {
  const timeZone = env.ALERTS_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw invalid('ALERTS_TIME_ZONE', timeZone, { expected: 'an IANA time zone such as Asia/Tehran or UTC' });
  }
  return {
    perUnit: env.ALERTS_PER_UNIT ?? null,
    quietHours: env.ALERTS_QUIET_HOURS === undefined ? null : quietHours(env.ALERTS_QUIET_HOURS),
    timeZone,
    telegramPerSecond: env.ALERTS_TELEGRAM_PER_SECOND,
  };
}

function quietHours(value: string): { start: number; end: number } {
  const [start, end] = value.split('-').map((part) => {
    const [hours, minutes = '0'] = part.split(':');
    const h = Number(hours);
    const m = Number(minutes);
    return h <= 23 && m <= 59 ? h * 60 + m : Number.NaN;
  }) as [number, number];
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw invalid('ALERTS_QUIET_HOURS', value, { expected: 'hours from 0 to 23 and minutes from 0 to 59' });
  }
  if (start === end) {
    throw invalid('ALERTS_QUIET_HOURS', value, {
      expected: 'a start and an end that differ (unset it for no quiet hours)',
    });
  }
  return { start, end };
}
