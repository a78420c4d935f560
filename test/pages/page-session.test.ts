import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { OWN, pageSignIn } from '../helpers/page-session.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';

/** What GET /login?return_to=/account answers with these cookies: 303 when signed in, the page when not. */
async function loginStatus(t: TestApp, cookie: string): Promise<number> {
  const page = await t.inject({ method: 'GET', url: '/login?return_to=/account', headers: { ...OWN, cookie } });
  if (page.statusCode === 303) assert.equal(page.headers.location, '/account');
  return page.statusCode;
}

forEachDatabase('the hosted pages’ session', (backend) => {
  let t: TestApp;
  before(async () => {
    // A short resend wait: one test signs one number in twice.
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000', OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  it('signs in into an HttpOnly, SameSite=Lax cookie on the whole host and answers no token', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const answer = await t.post('/login/session', { phone_number: phone, code: t.sink.lastCode(phone) }, OWN);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.match(
      String(answer.headers['set-cookie']),
      /^otpgate_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    assert.deepEqual(Object.keys(answer.body).sort(), ['message', 'success', 'user']);
    assert.doesNotMatch(JSON.stringify(answer.body), /token/);
  });

  it('takes a sign-in only from a page of this origin, before the code is looked at', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const code = t.sink.lastCode(phone)!;
    for (const origin of [undefined, 'https://evil.example', 'null']) {
      const headers: Record<string, string> = { host: OWN.host, ...(origin ? { origin } : {}) };
      const refused = await t.post('/login/session', { phone_number: phone, code }, headers);
      assert.equal(refused.status, 403, String(origin));
      assert.equal(refused.body.code, 'ORIGIN_NOT_ALLOWED');
      assert.equal(refused.headers['set-cookie'], undefined);
    }
    // The refusals spent no attempt: the code still signs in.
    assert.equal((await t.post('/login/session', { phone_number: phone, code }, OWN)).status, 200);
  });

  it('a wrong code answers its code in the envelope and sets nothing', async () => {
    const phone = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: phone });
    const wrong = t.sink.lastCode(phone) === '000000' ? '111111' : '000000';
    const answer = await t.post('/login/session', { phone_number: phone, code: wrong }, OWN);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'OTP_INVALID');
    assert.equal(answer.headers['set-cookie'], undefined);
  });

  it('pages read the session many times at once without spending it: all tabs stay signed in', async () => {
    const { cookie } = await pageSignIn(t);
    const statuses = await Promise.all(Array.from({ length: 12 }, () => loginStatus(t, cookie)));
    assert.deepEqual(statuses, Array(12).fill(303));
    assert.equal(await loginStatus(t, cookie), 303);
    assert.equal(await loginStatus(t, 'otpgate_session=not-a-token'), 200);
    assert.equal(await loginStatus(t, ''), 200);
  });

  it('is one of the user’s sessions: ending it from another ends the pages’ sign-in', async () => {
    const page = await pageSignIn(t);
    await setTimeout(1100); // the resend wait (counted on the wall clock)
    const api = await signIn(t, page.phone);
    const list = await t.get('/api/v1/auth/sessions', bearer(api.accessToken));
    assert.equal(list.status, 200);
    assert.equal(list.body.sessions.length, 2);
    const ended = await t.post('/api/v1/auth/logout-all', {}, bearer(api.accessToken));
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(await loginStatus(t, page.cookie), 200);
  });

  it('POST /logout from this origin ends the session, drops the cookie and goes to /login; from elsewhere, 403', async () => {
    const { cookie } = await pageSignIn(t);
    const forged = await t.inject({
      method: 'POST',
      url: '/logout',
      headers: { host: OWN.host, origin: 'https://evil.example', cookie },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(await loginStatus(t, cookie), 303);

    const out = await t.inject({ method: 'POST', url: '/logout', headers: { ...OWN, cookie } });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/login');
    assert.match(String(out.headers['set-cookie']), /^otpgate_session=; Path=\/; Max-Age=0; HttpOnly/);
    assert.equal(await loginStatus(t, cookie), 200);
    // Signing out twice is harmless.
    const again = await t.inject({ method: 'POST', url: '/logout', headers: { ...OWN, cookie } });
    assert.equal(again.statusCode, 303);
  });

  it('POST /logout takes the sign-out form as a browser posts it: form-encoded, empty', async () => {
    const { cookie } = await pageSignIn(t);
    const headers = { ...OWN, cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const out = await t.inject({ method: 'POST', url: '/logout', headers, payload: '' });
    assert.equal(out.statusCode, 303, out.body);
    assert.equal(out.headers.location, '/login');
    assert.equal(await loginStatus(t, cookie), 200);
    // The form's Origin is checked as any other's.
    const other = await pageSignIn(t);
    const forged = await t.inject({
      method: 'POST',
      url: '/logout',
      headers: { ...headers, cookie: other.cookie, origin: 'https://evil.example' },
      payload: '',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(await loginStatus(t, other.cookie), 303);
  });

  it('a blocked user’s page session ends at once', async () => {
    const page = await pageSignIn(t);
    await t.database.db.updateTable('users').set({ blocked_at: Date.now() }).where('id', '=', page.userId).execute();
    assert.equal(await loginStatus(t, page.cookie), 200);
  });
});
