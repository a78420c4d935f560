import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { errorBody, mobile, requestCode, sleep, verifyCode, wrongCode } from '../helpers/otp-flow.ts';
import { codeIn, smsLogsOf, withProviders } from '../helpers/sms-fakes.ts';

/** The number's code row: whether a sealed copy is kept, and the attempts used. */
async function codeRow(t: TestApp, phone: string) {
  return t.database.db
    .selectFrom('otp_codes')
    .select(['id', 'pending_code', 'attempts', 'expires_at'])
    .where('phone_number', '=', phone)
    .executeTakeFirst();
}

const codesSentTo = (t: TestApp, phone: string) => t.sink.messagesTo(phone).map((m) => m.message?.params.code);

/**
 * A send that timed out counts as sent, so its number's resend window (OTP_RESEND_SECONDS=1 here, kept in
 * the rate-limit store on real time) must pass before the retry.
 */
const pastResendWindow = () => sleep(1100);

forEachDatabase('the same code after a timeout', (backend) => {
  let t: TestApp;
  before(async () => {
    const env = { SMS_TIMEOUT_MS: '300', SMS_BREAKER_FAILURES: '100', OTP_RESEND_SECONDS: '1' };
    t = await startTestApp(backend, { env });
  });
  after(() => t?.close());

  it('a provider that hangs answers 503; the retry sends the same code, which then works once', async () => {
    const phone = mobile(7201);
    t.sink.answerNext('hang');
    const first = await requestCode(t, phone);
    assert.equal(first.status, 503);
    assert.deepEqual(first.body, errorBody('SMS_FAILED'));
    const code = t.sink.lastCode(phone)!;
    const kept = await codeRow(t, phone);
    assert.match(kept?.pending_code ?? '', /^v1\.[A-Za-z0-9_-]+$/, 'a sealed copy is kept');
    assert.ok(!kept!.pending_code!.includes(code), 'and it is not the code in clear');
    assert.equal((await requestCode(t, phone)).body.code, 'RATE_LIMITED', 'it counted as a send');

    await pastResendWindow();
    const retry = await requestCode(t, phone);
    assert.equal(retry.status, 200, retry.raw);
    assert.deepEqual(codesSentTo(t, phone), [code, code]);
    const resent = await codeRow(t, phone);
    assert.equal(resent?.id, kept!.id, 'the same row');
    assert.equal(resent?.expires_at, kept!.expires_at, 'with the same expiry');
    assert.equal(resent?.pending_code, null, 'the copy is gone once a send succeeded');
    assert.ok(retry.body.expires_in <= t.config.otp.ttlSeconds && retry.body.expires_in > 0);
    assert.deepEqual(
      (await smsLogsOf(t, phone)).map(({ status, error_code }) => [status, error_code]),
      [
        ['failed', 'timeout'],
        ['sent', null],
      ],
    );

    assert.equal((await verifyCode(t, phone, code)).status, 200);
    assert.deepEqual((await verifyCode(t, phone, code)).body, errorBody('OTP_EXPIRED'));
  });

  it('the retry gives no fresh guesses: wrong codes before it still count after it', async () => {
    const phone = mobile(7202);
    t.sink.answerNext('hang');
    assert.equal((await requestCode(t, phone)).status, 503);
    const code = t.sink.lastCode(phone)!;
    assert.deepEqual(
      (await verifyCode(t, phone, wrongCode(code))).body,
      errorBody('OTP_INVALID', { attempts_left: 4 }),
    );
    await pastResendWindow();
    assert.equal((await requestCode(t, phone)).status, 200);
    assert.deepEqual(
      (await verifyCode(t, phone, wrongCode(code))).body,
      errorBody('OTP_INVALID', { attempts_left: 3 }),
    );
    assert.equal((await verifyCode(t, phone, code)).status, 200);
  });

  it('the code that timed out signs in without a retry, and using it drops the sealed copy', async () => {
    const phone = mobile(7203);
    t.sink.answerNext('hang');
    assert.equal((await requestCode(t, phone)).status, 503);
    assert.equal((await verifyCode(t, phone, t.sink.lastCode(phone)!)).status, 200);
    assert.equal((await codeRow(t, phone))?.pending_code, null);
  });

  it('a refused retry keeps the code: the send that timed out may still have delivered it', async () => {
    const phone = mobile(7204);
    t.sink.answerNext('hang');
    t.sink.answerNext({ status: 400 });
    assert.equal((await requestCode(t, phone)).status, 503);
    await pastResendWindow();
    assert.equal((await requestCode(t, phone)).status, 503);
    // A definite refusal gives the resend window back: no wait.
    assert.equal((await requestCode(t, phone)).status, 200);
    const codes = codesSentTo(t, phone);
    assert.equal(codes.length, 3);
    assert.equal(new Set(codes).size, 1, `one code throughout, got ${codes.join(', ')}`);
  });

  it('a definite refusal keeps nothing: the next request sends a new code', async () => {
    const phone = mobile(7205);
    t.sink.answerNext({ status: 400 });
    assert.equal((await requestCode(t, phone)).status, 503);
    assert.equal(await codeRow(t, phone), undefined);
    assert.equal((await requestCode(t, phone)).status, 200);
    const [refused, sent] = codesSentTo(t, phone);
    assert.match(sent ?? '', /^\d{6}$/);
    // Two independent six-digit codes are equal one time in a million.
    assert.notEqual(refused, sent, 'the refused code was not reused (one chance in a million of a false alarm)');
  });

  it('after the code expired, the retry sends a new code rather than the one that timed out', async () => {
    const phone = mobile(7206);
    t.sink.answerNext('hang');
    assert.equal((await requestCode(t, phone)).status, 503);
    const stale = t.sink.lastCode(phone)!;
    t.clock.advance(t.config.otp.ttlSeconds * 1000);
    await pastResendWindow();
    const retry = await requestCode(t, phone);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.expires_in, t.config.otp.ttlSeconds);
    assert.notEqual(t.sink.lastCode(phone), stale, 'a new code (one chance in a million of a false alarm)');
  });
});

forEachDatabase('the same code after a timeout, across providers', (backend) => {
  it('Melipayamak times out and Kavenegar refuses the account: 503, and the retry sends the same code', async () => {
    const env = { SMS_TIMEOUT_MS: '300', OTP_RESEND_SECONDS: '1' };
    await withProviders(backend, ['melipayamak', 'kavenegar'], env, async (t, { melipayamak, kavenegar }) => {
      const phone = mobile(7210);
      melipayamak.answerNext('hang');
      kavenegar.answerNext({ code: 418 });
      assert.equal((await requestCode(t, phone)).status, 503);
      const code = codeIn(melipayamak.requests[0]?.fields.text);
      assert.deepEqual(await smsLogsOf(t, phone), [
        { provider: 'kavenegar', status: 'failed', attempts: 2, error_code: '418', provider_message_id: null },
      ]);

      await pastResendWindow();
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(codeIn(melipayamak.requests[1]?.fields.text), code);
      assert.equal((await verifyCode(t, phone, code)).status, 200);
    });
  });
});
