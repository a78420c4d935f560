import type { TestApp } from './app.ts';
import { bearer } from './session-sign-in.ts';

export const SEND = '/api/v1/admin/sms/send';

/** POST /sms/send with an admin key (and an Idempotency-Key when given). */
export function sendSms(t: TestApp, key: string, body: unknown, idempotencyKey?: string) {
  return t.post(SEND, body, { ...bearer(key), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) });
}

/** The delivery-log row of a message, every column. */
export function logRow(t: TestApp, id: string) {
  return t.database.db.selectFrom('sms_logs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
