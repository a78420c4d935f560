import type { TestApp } from './app.ts';
import { bearer } from './session-sign-in.ts';

export const CHANGE_REQUEST = '/api/v1/otp/phone/change/request';
export const CHANGE_CONFIRM = '/api/v1/otp/phone/change/confirm';

/** Asks for a code to `target` with the access token; the code as the SMS sink received it, if one was sent. */
export async function requestChangeCode(t: TestApp, accessToken: string, target: string) {
  const answer = await t.post(CHANGE_REQUEST, { phone_number: target }, bearer(accessToken));
  return { answer, code: answer.status === 200 ? t.sink.lastCode(target) : undefined };
}

export const confirmChange = (t: TestApp, accessToken: string, target: string, code: string) =>
  t.post(CHANGE_CONFIRM, { phone_number: target, code }, bearer(accessToken));

/** The number `/me` shows for an access token. */
export const phoneOf = async (t: TestApp, accessToken: string): Promise<string> =>
  (await t.get('/api/v1/auth/me', bearer(accessToken))).body.user.phone_number;
