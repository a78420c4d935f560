import type { SmsLogRepository } from '../sms/log-repository.ts';

export const HOUR_MS = 60 * 60 * 1000;

/** How far back the chart of the delivery log reaches: the last 24 hours, or the last 7 days, hour by hour. */
export const STATS_PERIODS = { day: 24, week: 7 * 24 } as const;
export type StatsPeriod = keyof typeof STATS_PERIODS;

export interface HourBucket {
  /** Epoch ms of the hour's start. */
  readonly hour: number;
  readonly total: number;
  readonly statuses: Record<string, number>;
  readonly providers: Record<string, number>;
}

/**
 * Messages per hour over a period ending with the current hour (which is counted so far), by status and by
 * provider. Every hour of the period has its bucket, an empty one with zeros, so a chart's bars line up with
 * the clock; the grouping itself is done in SQL (`hourlyCounts`), and only the buckets are filled in here.
 */
export function createSmsStats(deps: { logs: Pick<SmsLogRepository, 'hourlyCounts'>; now: () => number }) {
  const { logs, now } = deps;
  return async function stats(period: StatsPeriod) {
    const hours = STATS_PERIODS[period];
    const current = Math.floor(now() / HOUR_MS);
    const first = current - hours + 1;
    const counts = await logs.hourlyCounts(first * HOUR_MS, (current + 1) * HOUR_MS);
    const buckets = Array.from({ length: hours }, (_, i) => ({
      hour: (first + i) * HOUR_MS,
      total: 0,
      statuses: {} as Record<string, number>,
      providers: {} as Record<string, number>,
    }));
    for (const { hour, status, provider, count } of counts) {
      const bucket = buckets[hour - first];
      if (!bucket) continue;
      bucket.total += count;
      bucket.statuses[status] = (bucket.statuses[status] ?? 0) + count;
      bucket.providers[provider] = (bucket.providers[provider] ?? 0) + count;
    }
    return { from: first * HOUR_MS, to: (current + 1) * HOUR_MS, hours: buckets as HourBucket[] };
  };
}

export type SmsStats = ReturnType<typeof createSmsStats>;
