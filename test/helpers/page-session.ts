import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { freshPhone } from './session-sign-in.ts';

/** What a page of the service sends: its own host and origin. */
export const OWN = { host: 'otpgate.test', origin: 'http://otpgate.test' } as const;

export interface PageSignedIn {
  readonly phone: string;
  readonly userId: string;
  /** `otpgate_session=...`, as the browser sends it back. */
  readonly cookie: string;
}

/** Signs in to the hosted pages as the sign-in page does: a code by SMS, then POST /login/session. */
export async function pageSignIn(t: TestApp, phone: string = freshPhone()): Promise<PageSignedIn> {
  const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const code = t.sink.lastCode(phone);
  assert.ok(code, `no code was sent to ${phone}`);
  const signedIn = await t.post('/login/session', { phone_number: phone, code }, OWN);
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  const setCookie = String(signedIn.headers['set-cookie']);
  const cookie = /^(otpgate_session=[^;]+)/.exec(setCookie)?.[1];
  assert.ok(cookie, setCookie);
  return { phone, userId: signedIn.body.user.id, cookie };
}
