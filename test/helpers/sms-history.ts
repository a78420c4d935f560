import { newId } from '../../src/db/ids.ts';
import type { TestApp } from './app.ts';
import { freshPhone } from './session-sign-in.ts';

export const HOUR_MS = 60 * 60 * 1000;

/**
 * A delivery-log row written at a time in the past, as a message sent then would have left it. Only for
 * history: no path of the service writes a message hours before now, and a chart of the last week needs
 * some. Everything sent now goes through the real paths instead.
 */
export async function pastMessage(
  t: TestApp,
  at: number,
  row: { status: string; provider: string; phone?: string },
): Promise<string> {
  const id = newId();
  const final = ['delivered', 'undelivered', 'failed', 'expired'].includes(row.status);
  await t.database.db
    .insertInto('sms_logs')
    .values({
      id,
      phone_number: row.phone ?? freshPhone(),
      template: null,
      locale: 'fa',
      provider: row.provider,
      provider_message_id: row.status === 'failed' ? null : `past-${id}`,
      status: row.status,
      error_code: row.status === 'failed' ? 'E500' : null,
      error_message: null,
      text: 'Your order has shipped',
      attempts: 1,
      tries: 1,
      poll_failures: 0,
      queued_at: at,
      sent_at: row.status === 'failed' ? null : at + 1000,
      final_at: final ? at + 60_000 : null,
      created_at: at,
      updated_at: final ? at + 60_000 : at + 1000,
    })
    .execute();
  return id;
}

/**
 * Moves the app's clock forward to `minutes` past the next whole hour, so that what a test sends now falls
 * in one known hour however long the test takes.
 */
export function toNextHour(t: TestApp, minutes = 30): number {
  const target = (Math.floor(t.clock.now() / HOUR_MS) + 1) * HOUR_MS + minutes * 60_000;
  t.clock.advance(target - t.clock.now());
  return Math.floor(target / HOUR_MS) * HOUR_MS;
}
