import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { newKey } from './api-keys.ts';
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

/**
 * Moves the queue's schedule `ms` into the past: what is due later (`next_attempt_at`, `poll_at`) or held
 * (`lease_until`) becomes due or lapsed as if that much time had passed. Those times are on the database's
 * clock, which a test clock cannot move.
 */
export async function backdate(t: TestApp, column: 'next_attempt_at' | 'poll_at' | 'lease_until', ms: number) {
  await sql`update sms_logs set ${sql.ref(column)} = ${sql.ref(column)} - ${ms} where ${sql.ref(column)} is not null`.execute(
    t.database.db,
  );
}

/** Queues a text and lets the worker send it; returns the row id and the provider's message id. */
export async function sentText(t: TestApp, to: string): Promise<{ id: string; messageId: string }> {
  const { secret } = await newKey(t, ['sms:send']);
  const answer = await sendSms(t, secret, { to, text: 'Your order has shipped' });
  assert.equal(answer.status, 202);
  assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
  const row = await logRow(t, answer.body.id);
  assert.equal(row.status, 'sent');
  return { id: row.id, messageId: row.provider_message_id! };
}

/** Queues `n` texts (`message 0`, ... to mobile(0), ...) through one new key of `t`; returns their ids. */
export async function queueTexts(t: TestApp, n: number, to: (i: number) => string): Promise<Set<string>> {
  const { secret } = await newKey(t, ['sms:send']);
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    const answer = await sendSms(t, secret, { to: to(i), text: `message ${i}` });
    assert.equal(answer.status, 202);
    ids.add(answer.body.id);
  }
  return ids;
}

/**
 * Starts the workers of `apps` (on one database) together, so that their first claims race for the same
 * rows, waits until no message is left unsent or `withinMs` has passed, and stops them. Returns the
 * references every app's sink received, one per send.
 */
export async function drainTogether(apps: readonly TestApp[], withinMs: number, stopGraceMs: number) {
  for (const t of apps) t.app.smsQueue.worker.start();
  const db = apps[0]!.database.db;
  const unsent = () => db.selectFrom('sms_logs').select('id').where('status', '!=', 'sent').execute();
  const deadline = Date.now() + withinMs;
  while ((await unsent()).length > 0 && Date.now() < deadline) await sleep(20);
  await Promise.all(apps.map((t) => t.app.smsQueue.worker.stop(stopGraceMs)));
  assert.deepEqual(await unsent(), [], 'every message was sent');
  return apps.flatMap((t) => t.sink.requests.map((r) => r.message?.reference));
}
