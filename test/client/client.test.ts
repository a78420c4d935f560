import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createOtpgateClient, type ErrorCode, type OtpgateClient } from '../../client/index.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { wrongCode } from '../helpers/otp-flow.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';

/** The codes a verify can answer with, as the generated types say: a union of codes, not `string`. */
type VerifyErrorCode = NonNullable<Awaited<ReturnType<OtpgateClient['verify']>>['error']>['code'];
const _verifyAnswers: VerifyErrorCode[] = ['OTP_INVALID', 'OTP_EXPIRED', 'RATE_LIMITED', 'VALIDATION_ERROR'];
// @ts-expect-error A verify never answers PHONE_IN_USE, and the types know it.
const _notVerify: VerifyErrorCode = 'PHONE_IN_USE';
// @ts-expect-error Only the registry's codes are error codes.
const _notACode: ErrorCode = 'NO_SUCH_CODE';

forEachDatabase('the typed client against a running server', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  before(async () => {
    t = await startTestApp(backend);
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t?.close());

  it('signs in, reads the user, refreshes and signs out, over a real socket', async () => {
    let accessToken: string | undefined;
    const otpgate = createOtpgateClient({ baseUrl: `${baseUrl}/`, accessToken: () => accessToken, locale: 'en' });
    const phone = freshPhone();

    const sent = await otpgate.requestCode(phone);
    assert.equal(sent.response.status, 200);
    assert.equal(sent.data?.expires_in, t.config.otp.ttlSeconds);
    // `locale: 'en'` went as Accept-Language: the SMS is the English template, not the default Persian one.
    assert.match(t.sink.messagesTo(phone).at(-1)!.message!.text, /^Your sign-in code: \d+/);

    const code = t.sink.lastCode(phone)!;
    const wrong = await otpgate.verify(phone, wrongCode(code));
    assert.equal(wrong.response.status, 400);
    assert.equal(wrong.error?.code, 'OTP_INVALID');
    assert.equal(wrong.error?.code === 'OTP_INVALID' && wrong.error.attempts_left, t.config.otp.maxAttempts - 1);

    const signedIn = await otpgate.verify(phone, code);
    assert.ok(signedIn.data, JSON.stringify(signedIn.error));
    assert.equal(signedIn.data.user.phone_number, phone);
    assert.equal(signedIn.data.token_type, 'Bearer');

    accessToken = signedIn.data.access_token;
    const me = await otpgate.me();
    assert.equal(me.data?.user.id, signedIn.data.user.id);

    // Without SESSION_COOKIE the refresh token is always in the body.
    const refreshToken = signedIn.data.refresh_token;
    assert.ok(refreshToken);
    const refreshed = await otpgate.refresh(refreshToken);
    assert.ok(refreshed.data, JSON.stringify(refreshed.error));
    assert.notEqual(refreshed.data.refresh_token, refreshToken);
    const reused = await otpgate.refresh(refreshToken);
    assert.equal(reused.error?.code, 'UNAUTHORIZED');

    assert.ok(refreshed.data.refresh_token);
    const loggedOut = await otpgate.logout(refreshed.data.refresh_token);
    assert.equal(loggedOut.data?.success, true);
    const afterLogout = await otpgate.me(refreshed.data.access_token);
    assert.equal(afterLogout.response.status, 401);
    assert.equal(afterLogout.error?.code, 'UNAUTHORIZED');
  });

  it('answers a refusal as the error envelope, typed by its code', async () => {
    const otpgate = createOtpgateClient({ baseUrl });
    const refused = await otpgate.requestCode('123');
    assert.equal(refused.data, undefined);
    assert.equal(refused.response.status, 400);
    assert.deepEqual(
      { success: refused.error?.success, code: refused.error?.code },
      { success: false, code: 'INVALID_PHONE' },
    );
    assert.equal(typeof refused.error?.message, 'string');

    const stranger = await otpgate.me();
    assert.equal(stranger.error?.code, 'UNAUTHORIZED');
  });

  it('sends the access token it is given, and a call may send its own', async () => {
    const otpgate = createOtpgateClient({ baseUrl, accessToken: 'not-a-token' });
    assert.equal((await otpgate.me()).error?.code, 'UNAUTHORIZED');
    const phone = freshPhone();
    await otpgate.requestCode(phone);
    const signedIn = await otpgate.verify(phone, t.sink.lastCode(phone)!);
    assert.equal((await otpgate.me(signedIn.data!.access_token)).data?.user.phone_number, phone);
  });
});
