import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from './db/index.ts';
import { OUTAGE_MARKER } from './rate-limit/outage.ts';
import { purgeSmsLogs } from './sms/log-retention.ts';
import { sweepBotUpdates } from './telegram/bot/updates.ts';

const EVERY_MS = 10 * 60_000;
const KEEP_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface MaintenanceOptions {
  /** SMS_LOG_RETENTION_DAYS: delivery-log rows older than this are deleted; 0 keeps them for ever. */
  readonly smsLogRetentionDays: number;
  /** EVENTS_RETENTION_DAYS: delivered and failed events older than this are deleted; 0 (or unset) keeps them. */
  readonly eventRetentionDays?: number;
}

/**
 * Deletes rows nothing will read again: codes and sessions a day past their expiry, rate-limit windows that
 * have ended, Telegram logins and sign-ins past their use, the OpenID Connect provider's expired entries, and delivery-log rows past their retention (never a message still queued or sending). Runs at
 * start and every 10 minutes, on every instance; the deletes are idempotent and the log is purged in short
 * batches that concurrent instances split between them, so that is harmless. Returns a stop that waits for
 * a pass under way, which ends after its current batch.
 */
export function startMaintenance(
  database: DatabaseHandle,
  log: FastifyBaseLogger,
  options: MaintenanceOptions,
  now: () => number = Date.now,
): () => Promise<void> {
  let stopped = false;
  let pass: Promise<void> | null = null;
  const run = async () => {
    const { db } = database;
    try {
      const cutoff = now() - KEEP_MS;
      await db.deleteFrom('otp_codes').where('expires_at', '<', cutoff).execute();
      await db.deleteFrom('sessions').where('expires_at', '<', cutoff).execute();
      // Telegram logins remembered against replay, and sign-ins with Telegram never finished: past use.
      // And the bot's conversations left idle, and the updates Telegram can no longer deliver again.
      for (const table of [
        'telegram_login_replays',
        'telegram_oidc_states',
        'telegram_oidc_grants',
        'telegram_bot_sessions',
      ] as const) {
        await db.deleteFrom(table).where('expires_at', '<', now()).execute();
      }
      await sweepBotUpdates(db, now());
      // What the OpenID Connect provider stored and no longer reads (reads already treat it as gone).
      await db.deleteFrom('oidc_payloads').where('expires_at', '<=', now()).execute();
      // Sign-ins and links through the bot: kept a day past expiry, so a late poll still hears `used` or `expired`.
      await db.deleteFrom('telegram_link_tokens').where('expires_at', '<', cutoff).execute();
      // Not the outage marker: its `expire` is on the database's clock, which this instance's may be behind.
      await db.deleteFrom('rate_limits').where('expire', '<', now()).where('key', '<>', OUTAGE_MARKER).execute();
      if (options.smsLogRetentionDays > 0) {
        const before = now() - options.smsLogRetentionDays * DAY_MS;
        const purged = await purgeSmsLogs(database, before, () => stopped);
        if (purged > 0) log.info({ purged, retentionDays: options.smsLogRetentionDays }, 'old SMS log rows purged');
      }
      if (options.eventRetentionDays) {
        // Never one still to be delivered (queued or sending), however old.
        await db
          .deleteFrom('events')
          .where('created_at', '<', now() - options.eventRetentionDays * DAY_MS)
          .where('status', 'in', ['delivered', 'failed'])
          .execute();
      }
    } catch (error) {
      log.warn({ err: error }, 'maintenance failed; will try again');
    }
  };
  const tick = () => {
    if (pass || stopped) return;
    pass = run().finally(() => (pass = null));
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, EVERY_MS);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await pass;
  };
}
