import type { PoolStats } from '../db/index.ts';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SERVICE_TEMPLATES } from '../sms/messages.ts';

export type OtpRequestOutcome = 'sent' | 'rate_limited' | 'invalid_phone' | 'sms_failed';
export type OtpVerifyOutcome = 'accepted' | 'wrong' | 'exhausted' | 'expired' | 'rate_limited';

const OTP_REQUEST_OUTCOMES: readonly OtpRequestOutcome[] = ['sent', 'rate_limited', 'invalid_phone', 'sms_failed'];
const OTP_VERIFY_OUTCOMES: readonly OtpVerifyOutcome[] = ['accepted', 'wrong', 'exhausted', 'expired', 'rate_limited'];

/** Seconds; provider calls are bounded by SMS_TIMEOUT_MS (at most 60 s). */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

/**
 * The service's own metrics, one set per app (tests build many apps in one process). Each method is one
 * event; label values are the caller's, so they must come from small closed sets (never a number or an id).
 */
export interface Metrics {
  /** This app's metrics, without the process's (see process.ts). */
  readonly registry: Registry;
  /** A code request answered: `sent`, or refused before or by the provider. */
  otpRequest(outcome: OtpRequestOutcome): void;
  otpVerify(outcome: OtpVerifyOutcome): void;
  /** A rate-limit rule said no (`rule` is its name, such as `otp-phone-hour`). */
  rateLimitRejection(rule: string): void;
  /**
   * One message reached a status worth counting: `template` is the template key (`text` for free text),
   * `status` its final status (`sent`, `delivered`, `undelivered`, `failed`, `expired`). The label keeps the
   * key only for the service's own templates; every other key counts as `other` (see templateLabel).
   */
  smsMessage(labels: { provider: string; template: string; status: string }): void;
  /** One provider call took `seconds`; `outcome` is `ok` or the common error class it ended in. */
  smsProviderLatency(labels: { provider: string; outcome: string }, seconds: number): void;
  /** A send moved on from provider `from` to provider `to`. */
  smsFailover(from: string, to: string): void;
  /** A provider's circuit breaker opened, on the `codes` or the `queue` lane (each has its own). */
  smsBreakerOpened(provider: string, lane: string): void;
  /** The daily SMS ceiling (SMS_DAILY_LIMIT) began refusing sends: once per window on each instance. */
  smsDailyLimitReached(): void;
  /**
   * One try to deliver an event to EVENTS_WEBHOOK_URL ended: `delivered`, `retried` (it will be tried
   * again) or `failed` (given up), with how long the call took.
   */
  eventDelivery(labels: { type: string; outcome: EventDeliveryOutcome }, seconds: number): void;
}

export type EventDeliveryOutcome = 'delivered' | 'retried' | 'failed';

export interface MetricsSources {
  /** Whether rate limits are counted in the database because Redis is away; read at each scrape. */
  readonly rateLimitDegraded?: () => boolean;
  /** The PostgreSQL pool's connections; null on SQLite (no series then). */
  readonly databasePool?: () => PoolStats | null;
}

export function createMetrics(sources: MetricsSources = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const { rateLimitDegraded, databasePool } = sources;
  new Gauge({
    name: 'otpgate_db_pool_connections',
    help: 'PostgreSQL pool connections by state (open, idle, waiting: requests queued for one), and its size',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const pool = databasePool?.();
      if (!pool) return;
      for (const state of ['size', 'open', 'idle', 'waiting'] as const) this.set({ state }, pool[state]);
    },
  });
  new Gauge({
    name: 'otpgate_rate_limit_store_degraded',
    help: 'Whether rate limits are counted in the database because Redis is unreachable (1) or not (0)',
    registers,
    collect() {
      this.set(rateLimitDegraded?.() ? 1 : 0);
    },
  });
  const otpRequests = new Counter({
    name: 'otpgate_otp_requests_total',
    help: 'Code requests by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const otpVerifies = new Counter({
    name: 'otpgate_otp_verifies_total',
    help: 'Code verifications by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const rateLimitRejections = new Counter({
    name: 'otpgate_rate_limit_rejections_total',
    help: 'Requests refused by a rate-limit rule, by rule',
    labelNames: ['rule'] as const,
    registers,
  });
  const smsMessages = new Counter({
    name: 'otpgate_sms_messages_total',
    help: 'SMS messages by provider, template and final status',
    labelNames: ['provider', 'template', 'status'] as const,
    registers,
  });
  const providerLatency = new Histogram({
    name: 'otpgate_sms_provider_latency_seconds',
    help: 'Duration of SMS provider calls, by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const failovers = new Counter({
    name: 'otpgate_sms_failovers_total',
    help: 'Sends that moved from one provider to the next',
    labelNames: ['from', 'to'] as const,
    registers,
  });
  const breakerOpenings = new Counter({
    name: 'otpgate_sms_breaker_openings_total',
    help: 'Times a provider circuit breaker opened, by lane (codes or queue)',
    labelNames: ['provider', 'lane'] as const,
    registers,
  });
  // No labels, so the series reads 0 from the start and `increase(...) > 0` can page someone.
  const dailyLimitReached = new Counter({
    name: 'otpgate_sms_daily_limit_reached_total',
    help: 'Times the daily SMS ceiling (SMS_DAILY_LIMIT) began refusing sends, once per window on this instance',
    registers,
  });

  // `type` comes from the closed list of event types (events/types.ts).
  const eventDeliveries = new Counter({
    name: 'otpgate_event_deliveries_total',
    help: 'Tries to deliver an event to EVENTS_WEBHOOK_URL, by event type and outcome (delivered, retried, failed)',
    labelNames: ['type', 'outcome'] as const,
    registers,
  });
  const eventLatency = new Histogram({
    name: 'otpgate_event_delivery_seconds',
    help: 'Duration of event deliveries to EVENTS_WEBHOOK_URL, by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });

  // Known outcomes start at 0, so a series exists (and rate() works) before the first event.
  for (const outcome of OTP_REQUEST_OUTCOMES) otpRequests.inc({ outcome }, 0);
  for (const outcome of OTP_VERIFY_OUTCOMES) otpVerifies.inc({ outcome }, 0);

  return {
    registry,
    otpRequest: (outcome) => otpRequests.inc({ outcome }),
    otpVerify: (outcome) => otpVerifies.inc({ outcome }),
    rateLimitRejection: (rule) => rateLimitRejections.inc({ rule }),
    smsMessage: (labels) => smsMessages.inc({ ...labels, template: templateLabel(labels.template) }),
    smsProviderLatency: (labels, seconds) => providerLatency.observe(labels, seconds),
    smsFailover: (from, to) => failovers.inc({ from, to }),
    smsBreakerOpened: (provider, lane) => breakerOpenings.inc({ provider, lane }),
    smsDailyLimitReached: () => dailyLimitReached.inc(),
    eventDelivery: ({ type, outcome }, seconds) => {
      eventDeliveries.inc({ type, outcome });
      eventLatency.observe({ outcome }, seconds);
    },
  };
}

/**
 * The `template` label: the key of one of the service's own templates, `text`, or `other`. Template keys are
 * the shop's to make, as many as it likes, and each label value is a series per provider and status for
 * the life of the process; the service's own keys and `text` are a closed set. A "first N keys seen" rule
 * would give each instance its own set, depending on what it happened to send first; per-key counts of
 * the shop's messages are in the delivery log (`template` filter) instead.
 */
export function templateLabel(template: string): string {
  return template === 'text' || SERVICE_TEMPLATES.has(template) ? template : 'other';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's metrics (decorated in app.ts), for the METRICS_PORT listener. */
    readonly metrics: Metrics;
  }
}
