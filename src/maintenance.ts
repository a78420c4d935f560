import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from './db/index.ts';

const EVERY_MS = 10 * 60_000;
const KEEP_MS = 24 * 3600_000;

/**
 * Deletes rows nothing will read again: codes and sessions a day past their expiry, and rate-limit
 * windows that have ended. Runs on every instance; the deletes are idempotent, so that is harmless.
 */
export function startMaintenance(
  database: DatabaseHandle,
  log: FastifyBaseLogger,
  now: () => number = Date.now,
): () => void {
  const run = async () => {
    const { db } = database;
    try {
      const cutoff = now() - KEEP_MS;
      await db.deleteFrom('otp_codes').where('expires_at', '<', cutoff).execute();
      await db.deleteFrom('sessions').where('expires_at', '<', cutoff).execute();
      await db.deleteFrom('rate_limits').where('expire', '<', now()).execute();
    } catch (error) {
      log.warn({ err: error }, 'maintenance failed; will try again');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
