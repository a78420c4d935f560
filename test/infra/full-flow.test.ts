import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';

const PHONE = '+989123456789';

forEachDatabase('a full sign-in over a real socket', (backend) => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t?.close());

  async function call(method: string, path: string, body?: unknown, token?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return { status: response.status, body: await response.json() };
  }

  it('request, read the code from the SMS receiver, verify, me, refresh, logout; the ended session refreshes no more', async () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);

    const sent = await call('POST', '/api/v1/otp/phone/login/request', { phone_number: '0912-345-6789' });
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.body, { success: true, message: 'OTP code sent', expires_in: 300, resend_in: 60 });
    assert.equal(t.sink.requests.length, 1);
    const message = t.sink.requests[0]!.message!;
    assert.equal(message.to, PHONE);
    assert.equal(message.template, 'otp_login');
    const code = message.params.code!;
    assert.match(code, /^\d{6}$/);
    assert.ok(message.text.includes(code), 'the text carries the code');

    const signedIn = await call('POST', '/api/v1/otp/phone/login/verify', { phone_number: PHONE, code });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.success, true);
    assert.equal(signedIn.body.token_type, 'Bearer');
    assert.equal(signedIn.body.expires_in, 900);
    assert.equal(signedIn.body.user.phone_number, PHONE);
    assert.equal(signedIn.body.user.is_new, true);
    const { access_token: access, refresh_token: refresh } = signedIn.body;

    const me = await call('GET', '/api/v1/auth/me', undefined, access);
    assert.equal(me.status, 200);
    assert.deepEqual(Object.keys(me.body.user).sort(), [
      'created_at',
      'id',
      'last_login_at',
      'locale',
      'phone_number',
      'phone_verified',
      'telegram',
    ]);
    assert.equal(me.body.user.id, signedIn.body.user.id);
    assert.equal(me.body.user.telegram, null);
    assert.equal(me.body.user.phone_number, PHONE);
    assert.equal(me.body.user.phone_verified, true);
    assert.equal(new Date(me.body.user.last_login_at).toISOString(), me.body.user.last_login_at);

    const refreshed = await call('POST', '/api/v1/auth/refresh', { refresh_token: refresh });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.token_type, 'Bearer');
    assert.notEqual(refreshed.body.refresh_token, refresh);
    assert.notEqual(refreshed.body.access_token, access);
    const meAgain = await call('GET', '/api/v1/auth/me', undefined, refreshed.body.access_token);
    assert.equal(meAgain.status, 200);
    assert.equal(meAgain.body.user.id, signedIn.body.user.id);

    const loggedOut = await call('POST', '/api/v1/auth/logout', { refresh_token: refreshed.body.refresh_token });
    assert.equal(loggedOut.status, 200);
    assert.equal(loggedOut.body.success, true);

    const afterLogout = await call('POST', '/api/v1/auth/refresh', { refresh_token: refreshed.body.refresh_token });
    assert.equal(afterLogout.status, 401);
    assert.equal(afterLogout.body.success, false);
    assert.equal(afterLogout.body.code, 'UNAUTHORIZED');
    assert.equal(t.sink.requests.length, 1, 'one SMS for the whole flow');
  });
});
