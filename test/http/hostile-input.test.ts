import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';

const REQUEST = '/api/v1/otp/phone/login/request';
const VERIFY = '/api/v1/otp/phone/login/verify';

forEachDatabase('hostile input', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('SQL fragments in the phone field answer 400 INVALID_PHONE, and the users table is intact', async () => {
    const user = await signIn(t);
    const sent = t.sink.requests.length;
    for (const phone of ["' OR '1'='1", "+1' OR '1'='1", "'; DROP TABLE users;--", '0912345678; DELETE FROM users']) {
      assertError(await t.post(REQUEST, { phone_number: phone }), 'INVALID_PHONE');
      assertError(await t.post(VERIFY, { phone_number: phone, code: '123456' }), 'INVALID_PHONE');
    }
    assert.equal(t.sink.requests.length, sent);
    const users = await t.database.db.selectFrom('users').select('id').execute();
    assert.deepEqual(users, [{ id: user.userId }]);
    assert.equal((await t.get('/api/v1/auth/me', bearer(user.accessToken))).status, 200);
  });

  it('SQL fragments in the code and refresh-token fields are refused without effect', async () => {
    const phone = freshPhone();
    await t.post(REQUEST, { phone_number: phone });
    assertError(await t.post(VERIFY, { phone_number: phone, code: "' OR '1'='1" }), 'VALIDATION_ERROR');
    assertError(await t.post('/api/v1/auth/refresh', { refresh_token: "' OR '1'='1' --" }), 'UNAUTHORIZED');
    // The right code still works: the injection attempts neither consumed nor burnt it.
    assert.equal((await t.post(VERIFY, { phone_number: phone, code: t.sink.lastCode(phone) })).status, 200);
  });

  it('control characters and CRLF in fields answer 400, and every log line stays one JSON object', async () => {
    const forged = '{"level":30,"msg":"forged"}';
    const attempts: ReadonlyArray<[string, Record<string, string>, 'INVALID_PHONE' | 'VALIDATION_ERROR']> = [
      [REQUEST, { phone_number: `0912\r\n${forged}` }, 'INVALID_PHONE'],
      [REQUEST, { phone_number: '0912345\u00006789' }, 'INVALID_PHONE'],
      [REQUEST, { phone_number: '0912\u001b[2J3456789' }, 'INVALID_PHONE'],
      [VERIFY, { phone_number: '09123456789', code: `12\r\n${forged}` }, 'VALIDATION_ERROR'],
      [VERIFY, { phone_number: '09123456789', code: '123\u0000456' }, 'VALIDATION_ERROR'],
    ];
    for (const [url, body, code] of attempts) assertError(await t.post(url, body), code);
    assertError(await t.post('/api/v1/auth/logout', { refresh_token: `x\r\n${forged}` }), 'UNAUTHORIZED');
    const notFound = await t.inject({ method: 'GET', url: `/api/v1/nothing%0d%0a${encodeURIComponent(forged)}` });
    assert.equal(notFound.statusCode, 404);
    assert.equal(notFound.headers['set-cookie'], undefined);

    assert.ok(t.logs.lines.length > 0);
    for (const line of t.logs.lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.equal(typeof entry.level, 'number', line);
      assert.notEqual(entry.msg, 'forged', line);
    }
  });

  it('fields a client may not set are refused, naming the field, and change nothing', async () => {
    const phone = freshPhone();
    const forged = await t.post(REQUEST, { phone_number: phone, purpose: 'phone_change', user_id: 'someone' });
    assertError(forged, 'VALIDATION_ERROR');
    assert.equal(forged.body.message, 'purpose is not a field this route accepts');
    assert.equal(t.sink.messagesTo(phone).length, 0);

    await t.post(REQUEST, { phone_number: phone });
    const code = t.sink.lastCode(phone)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      assertError(
        await t.post(VERIFY, { phone_number: phone, code, attempts: 0, max_attempts: 100 }),
        'VALIDATION_ERROR',
      );
      const answer = await t.post(VERIFY, { phone_number: phone, code: wrong });
      assertError(answer, 'OTP_INVALID');
      left.push(answer.body.attempts_left);
    }
    // The refused requests with the right code were never checked: the wrong ones alone burnt the code.
    assert.deepEqual(left, [4, 3, 2, 1, 0]);
    assertError(await t.post(VERIFY, { phone_number: phone, code }), 'OTP_ATTEMPTS_EXCEEDED');
  });

  it('"verified": true in place of a code does not sign anyone in', async () => {
    const phone = freshPhone();
    await t.post(REQUEST, { phone_number: phone });
    assertError(await t.post(VERIFY, { phone_number: phone, verified: true }), 'VALIDATION_ERROR');
    assert.equal(
      (await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).execute()).length,
      0,
    );
  });
});
