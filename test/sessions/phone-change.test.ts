import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';

const REQUEST = '/api/v1/otp/phone/change/request';
const CONFIRM = '/api/v1/otp/phone/change/confirm';
const CODE_SENT = { success: true, message: 'OTP code sent', expires_in: 300, resend_in: 1 };

forEachDatabase('phone change', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  const phoneOf = async (accessToken: string) =>
    (await t.get('/api/v1/auth/me', bearer(accessToken))).body.user.phone_number;

  it('moves the signed-in user to the new number once its code is confirmed, and records the move', async () => {
    const user = await signIn(t);
    const target = freshPhone();
    const sent = await t.post(REQUEST, { phone_number: target }, bearer(user.accessToken));
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.body, CODE_SENT);
    const [message] = t.sink.messagesTo(target);
    assert.equal(message?.message?.template, 'otp_phone_change');

    const confirmed = await t.post(
      CONFIRM,
      { phone_number: target, code: t.sink.lastCode(target) },
      bearer(user.accessToken),
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.success, true);
    assert.equal(confirmed.body.user.id, user.userId);
    assert.equal(confirmed.body.user.phone_number, target);
    assert.equal(await phoneOf(user.accessToken), target);

    const records = await t.database.db
      .selectFrom('phone_verifications')
      .select(['user_id', 'old_phone_number', 'new_phone_number'])
      .where('user_id', '=', user.userId)
      .execute();
    assert.deepEqual(records, [{ user_id: user.userId, old_phone_number: user.phone, new_phone_number: target }]);
  });

  it("refuses a change to the account's own number, in any form, before any SMS", async () => {
    const user = await signIn(t);
    await sleep(1100); // past the resend wait of the sign-in's code
    const national = `0${user.phone.slice(3)}`;
    for (const typed of [user.phone, national]) {
      const answer = await t.post(REQUEST, { phone_number: typed }, bearer(user.accessToken));
      assertError(answer, 'VALIDATION_ERROR');
    }
    assert.equal(t.sink.messagesTo(user.phone).length, 1, 'only the sign-in code');
  });

  it('answers 401 at both steps without a Bearer token, and sends nothing', async () => {
    const target = freshPhone();
    assertError(await t.post(REQUEST, { phone_number: target }), 'UNAUTHORIZED');
    assertError(await t.post(CONFIRM, { phone_number: target, code: '123456' }), 'UNAUTHORIZED');
    assertError(await t.post(REQUEST, { phone_number: target }, { authorization: 'Bearer not-a-jwt' }), 'UNAUTHORIZED');
    assert.equal(t.sink.messagesTo(target).length, 0);
  });

  it('a number of another account gets the same answer at request as a free one, and PHONE_IN_USE at confirm', async () => {
    const owner = await signIn(t);
    const user = await signIn(t);
    const free = await t.post(REQUEST, { phone_number: freshPhone() }, bearer(user.accessToken));
    const taken = await t.post(REQUEST, { phone_number: owner.phone }, bearer(user.accessToken));
    assert.equal(taken.status, free.status);
    assert.deepEqual(taken.body, free.body);
    assert.equal(taken.headers['content-length'], free.headers['content-length']);

    const code = t.sink.lastCode(owner.phone);
    assertError(await t.post(CONFIRM, { phone_number: owner.phone, code }, bearer(user.accessToken)), 'PHONE_IN_USE');
    assert.equal(await phoneOf(user.accessToken), user.phone);
    assert.equal(await phoneOf(owner.accessToken), owner.phone);
  });

  it('a wrong code at confirm answers OTP_INVALID with the attempts left, and the right one still works', async () => {
    const user = await signIn(t);
    const target = freshPhone();
    await t.post(REQUEST, { phone_number: target }, bearer(user.accessToken));
    const code = t.sink.lastCode(target)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const answer = await t.post(CONFIRM, { phone_number: target, code: wrong }, bearer(user.accessToken));
    assertError(answer, 'OTP_INVALID');
    assert.equal(answer.body.attempts_left, 4);
    assert.equal(await phoneOf(user.accessToken), user.phone);
    assert.equal((await t.post(CONFIRM, { phone_number: target, code }, bearer(user.accessToken))).status, 200);
  });

  it('a sign-in code for the number does not confirm a phone change to it, nor the other way round', async () => {
    const user = await signIn(t);
    const target = freshPhone();
    await t.post('/api/v1/otp/phone/login/request', { phone_number: target });
    const loginCode = t.sink.lastCode(target)!;
    await t.post(REQUEST, { phone_number: target }, bearer(user.accessToken));
    const changeCode = t.sink.lastCode(target)!;
    assert.notEqual(loginCode, changeCode, 'the two codes happen to be equal (one chance in a million): run again');

    const crossed = await t.post(CONFIRM, { phone_number: target, code: loginCode }, bearer(user.accessToken));
    assertError(crossed, 'OTP_INVALID');
    const reversed = await t.post('/api/v1/otp/phone/login/verify', { phone_number: target, code: changeCode });
    assertError(reversed, 'OTP_INVALID');

    assert.equal(
      (await t.post(CONFIRM, { phone_number: target, code: changeCode }, bearer(user.accessToken))).status,
      200,
    );
    assert.equal(await phoneOf(user.accessToken), target);
  });

  it('one user’s phone-change code does not work for another user changing to the same number', async () => {
    const alice = await signIn(t);
    const bob = await signIn(t);
    const target = freshPhone();
    await t.post(REQUEST, { phone_number: target }, bearer(alice.accessToken));
    const aliceCode = t.sink.lastCode(target)!;

    // Bob has no challenge of his own yet: Alice's code finds nothing for him.
    assertError(
      await t.post(CONFIRM, { phone_number: target, code: aliceCode }, bearer(bob.accessToken)),
      'OTP_EXPIRED',
    );

    await sleep(1100); // the resend window for the number keeps real time
    assert.equal((await t.post(REQUEST, { phone_number: target }, bearer(bob.accessToken))).status, 200);
    const bobCode = t.sink.lastCode(target)!;
    assert.notEqual(aliceCode, bobCode, 'the two codes happen to be equal (one chance in a million): run again');
    assertError(
      await t.post(CONFIRM, { phone_number: target, code: aliceCode }, bearer(bob.accessToken)),
      'OTP_INVALID',
    );

    // Bob's request did not replace Alice's code, and her code moves her, not him.
    assert.equal(
      (await t.post(CONFIRM, { phone_number: target, code: aliceCode }, bearer(alice.accessToken))).status,
      200,
    );
    assert.equal(await phoneOf(alice.accessToken), target);
    assert.equal(await phoneOf(bob.accessToken), bob.phone);
    assertError(
      await t.post(CONFIRM, { phone_number: target, code: bobCode }, bearer(bob.accessToken)),
      'PHONE_IN_USE',
    );
  });
});
