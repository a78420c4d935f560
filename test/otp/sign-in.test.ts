import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';

const PHONE = '+989123456789';

forEachDatabase('phone sign-in', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  it('sends a code, signs in with it, and creates the user on first sign-in only', async () => {
    const sent = await t.post('/api/v1/otp/phone/login/request', { phone_number: '0912 345 6789' });
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.body, { success: true, message: 'OTP code sent', expires_in: 300, resend_in: 1 });
    const code = t.sink.lastCode(PHONE);
    assert.match(code ?? '', /^\d{6}$/);

    const first = await t.post('/api/v1/otp/phone/login/verify', { phone_number: PHONE, code });
    assert.equal(first.status, 200);
    assert.equal(first.body.token_type, 'Bearer');
    assert.equal(first.body.user.phone_number, PHONE);
    assert.equal(first.body.user.is_new, true);

    // The resend window lives in the rate-limit store, which keeps real time.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.post('/api/v1/otp/phone/login/request', { phone_number: PHONE });
    const again = await t.post('/api/v1/otp/phone/login/verify', { phone_number: PHONE, code: t.sink.lastCode(PHONE) });
    assert.equal(again.status, 200);
    assert.equal(again.body.user.is_new, false);
    assert.equal(again.body.user.id, first.body.user.id);

    const me = await t.get('/api/v1/auth/me', { authorization: `Bearer ${again.body.access_token}` });
    assert.equal(me.status, 200);
    assert.equal(me.body.user.phone_number, PHONE);
    assert.equal(me.body.user.phone_verified, true);
  });
});
