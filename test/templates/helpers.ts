import type { TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { bearer } from '../helpers/session-sign-in.ts';

export const TEMPLATES = '/api/v1/admin/sms/templates';

/** The Persian and English code messages as seeded, with `CODE` and `MINUTES` standing for the values. */
export const LOGIN_FA = 'کد ورود شما: CODE\nاین کد تا MINUTES دقیقه معتبر است. آن را به کسی ندهید.';
export const LOGIN_EN = 'Your sign-in code: CODE\nIt is valid for MINUTES minutes. Do not share it with anyone.';
export const CHANGE_EN =
  'Your code to confirm your new number: CODE\nIt is valid for MINUTES minutes. Do not share it with anyone.';

/** `template` with the values put in. */
export const filled = (template: string, code: string, minutes: number | string = 5) =>
  template.replaceAll('CODE', code).replaceAll('MINUTES', String(minutes));

/** Authorization headers of a new key holding `scopes`. */
export async function adminHeaders(t: TestApp, scopes: Parameters<typeof newKey>[1]): Promise<Record<string, string>> {
  return bearer((await newKey(t, scopes)).secret);
}

/** PUT a template through the admin API. */
export function putTemplate(t: TestApp, key: string, locale: string, body: object, headers: Record<string, string>) {
  return t.inject({ method: 'PUT', url: `${TEMPLATES}/${key}/${locale}`, payload: body, headers }).then((res) => ({
    status: res.statusCode,
    body: res.json(),
    headers: res.headers as Record<string, unknown>,
  }));
}

export function deleteTemplate(t: TestApp, key: string, locale: string, headers: Record<string, string>) {
  return t.inject({ method: 'DELETE', url: `${TEMPLATES}/${key}/${locale}`, headers }).then((res) => ({
    status: res.statusCode,
    body: res.json(),
    headers: res.headers as Record<string, unknown>,
  }));
}

/** The locale and masked text of the newest `sms_logs` row for `phone`. */
export function lastLogOf(t: TestApp, phone: string) {
  return t.database.db
    .selectFrom('sms_logs')
    .select(['locale', 'text', 'template'])
    .where('phone_number', '=', phone)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}
