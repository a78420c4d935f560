import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import type { TestApp } from './app.ts';

export interface SignedInUser {
  readonly phone: string;
  readonly userId: string;
  /** The session family the access token names in `sid`. */
  readonly sessionId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

let next = 0;

/** A mobile number (E.164) no other call in this process has handed out, so send limits never collide. */
export function freshPhone(): string {
  next += 1;
  return `+98912${String(process.pid % 1000).padStart(3, '0')}${String(next).padStart(4, '0')}`;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** Signs a number in the way a client does: request a code, read it from the SMS sink, verify it. */
export async function signIn(t: TestApp, phone: string = freshPhone()): Promise<SignedInUser> {
  const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const code = t.sink.lastCode(phone);
  assert.ok(code, `no code was sent to ${phone}`);
  const verified = await t.post('/api/v1/otp/phone/login/verify', { phone_number: phone, code });
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  const claims = decodeJwt(verified.body.access_token);
  assert.equal(typeof claims.sid, 'string');
  return {
    phone,
    userId: verified.body.user.id,
    sessionId: claims.sid as string,
    accessToken: verified.body.access_token,
    refreshToken: verified.body.refresh_token,
  };
}

/** The status `/me` answers for an access token. */
export async function meStatus(t: TestApp, accessToken: string): Promise<number> {
  return (await t.get('/api/v1/auth/me', bearer(accessToken))).status;
}

export const refresh = (t: TestApp, refreshToken: string) =>
  t.post('/api/v1/auth/refresh', { refresh_token: refreshToken });

export const logout = (t: TestApp, refreshToken: string) =>
  t.post('/api/v1/auth/logout', { refresh_token: refreshToken });
