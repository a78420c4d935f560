import type { InjectOptions } from 'fastify';
import { deriveKeys } from '../../src/crypto/keys.ts';
import type { ErrorCode } from '../../src/errors/codes.ts';
import { messageFor } from '../../src/errors/messages/index.ts';
import { limitKeyForPhone } from '../../src/otp/limits.ts';
import { startTestApp, type TestApp } from './app.ts';
import type { DatabaseBackend } from './backends.ts';

export const REQUEST = '/api/v1/otp/phone/login/request';
export const VERIFY = '/api/v1/otp/phone/login/verify';
export const HEALTH = '/api/v1/otp/health';

/** Runs `fn` against a fresh test app (own empty database, own SMS sink) and closes it afterwards. */
export async function withApp<T>(
  backend: DatabaseBackend,
  env: Record<string, string>,
  fn: (t: TestApp) => Promise<T>,
): Promise<T> {
  const t = await startTestApp(backend, { env });
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

export interface Answer {
  readonly status: number;
  readonly body: any;
  readonly raw: string;
  readonly headers: Record<string, unknown>;
}

export interface From {
  /** The client's socket address; injected requests otherwise come from 127.0.0.1. */
  readonly ip?: string;
  readonly headers?: Record<string, string>;
}

/** `+98912` followed by seven digits: a distinct Iranian mobile number for each `n`. */
export function mobile(n: number): string {
  return `+98912${String(n).padStart(7, '0')}`;
}

export async function post(t: TestApp, url: string, payload: object, from: From = {}): Promise<Answer> {
  const options: InjectOptions = { method: 'POST', url, payload, headers: from.headers ?? {} };
  if (from.ip) options.remoteAddress = from.ip;
  const res = await t.inject(options);
  let body: unknown = res.body;
  try {
    body = res.json();
  } catch {
    // Not JSON: the raw body stays, and the assertion on it will say what came back.
  }
  return { status: res.statusCode, body, raw: res.body, headers: res.headers as Record<string, unknown> };
}

export const requestCode = (t: TestApp, phone: string, from?: From) => post(t, REQUEST, { phone_number: phone }, from);

export const verifyCode = (t: TestApp, phone: string, code: string, from?: From) =>
  post(t, VERIFY, { phone_number: phone, code }, from);

/** Requests a code and returns it as the SMS sink received it; throws when the request was refused. */
export async function issueCode(t: TestApp, phone: string, from?: From): Promise<string> {
  const sent = await requestCode(t, phone, from);
  const code = t.sink.lastCode(phone);
  if (sent.status !== 200 || !code) throw new Error(`code request for ${phone} answered ${sent.status} ${sent.raw}`);
  return code;
}

/** A code of the same length that is certainly wrong: the last digit moved by one. */
export function wrongCode(code: string): string {
  const last = Number(code.at(-1));
  return `${code.slice(0, -1)}${(last + 1) % 10}`;
}

/** The error envelope exactly as the registry defines it, with any extra fields. */
export function errorBody(code: ErrorCode, extra: Record<string, unknown> = {}): Record<string, any> {
  return { success: false, message: messageFor(code), code, ...extra };
}

/** How many answers carried each status/code pair, e.g. `{ '200': 1, '429 RATE_LIMITED': 9 }`. */
export function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const key = status === 200 ? '200' : `${status} ${body?.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export const toPersianDigits = (digits: string) =>
  digits.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

export const toArabicIndicDigits = (digits: string) =>
  digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** Real time, for windows that live in the rate-limit store. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key `phone` (E.164) counts under in `t`: a keyed hash of it, never the number. */
export const phoneLimitKey = (t: TestApp, phone: string): string =>
  limitKeyForPhone(deriveKeys(t.config.authSecret!).rateLimitPhone, phone);

/** The rate-limit counters kept in the database (not Redis) of `phone`, found by its hashed key. */
export async function databaseCountersFor(t: TestApp, phone: string): Promise<string[]> {
  const key = phoneLimitKey(t, phone);
  const rows = await t.database.db.selectFrom('rate_limits').select('key').where('key', 'like', `%${key}%`).execute();
  return rows.map((row) => row.key).sort();
}

export async function countRows(
  t: TestApp,
  table: 'otp_codes' | 'sms_logs' | 'sessions' | 'users' | 'rate_limits',
): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
