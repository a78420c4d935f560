import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  errorBody,
  issueCode,
  mobile,
  sleep,
  tally,
  verifyCode,
  withApp,
  wrongCode,
  type From,
} from '../helpers/otp-flow.ts';

const attemptsOf = async (t: TestApp, phone: string) =>
  (
    await t.database.db
      .selectFrom('otp_codes')
      .select('attempts')
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow()
  ).attempts;

forEachDatabase('wrong codes and attempts', (backend) => {
  // Default OTP_MAX_ATTEMPTS (5). Every test sends from an address of its own, so that the failed-verify
  // budget of one (100 per address) is not spent by another.
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  it('counts attempts down 4, 3, 2, 1, 0; then the code is burnt and even the right one answers OTP_ATTEMPTS_EXCEEDED', async () => {
    const phone = mobile(2001);
    const from: From = { ip: '10.1.0.1' };
    const code = await issueCode(t, phone, from);
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await verifyCode(t, phone, wrongCode(code), from);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.code, 'OTP_INVALID');
      left.push(answer.body.attempts_left);
    }
    assert.deepEqual(left, [4, 3, 2, 1, 0]);

    const right = await verifyCode(t, phone, code, from);
    assert.equal(right.status, 429);
    assert.deepEqual(right.body, errorBody('OTP_ATTEMPTS_EXCEEDED'));
    assert.deepEqual((await verifyCode(t, phone, wrongCode(code), from)).body, errorBody('OTP_ATTEMPTS_EXCEEDED'));
    assert.equal(await attemptsOf(t, phone), 5);
  });

  it('gives a burnt number fresh attempts with its next code', async () => {
    const phone = mobile(2002);
    const from: From = { ip: '10.1.0.2' };
    const burnt = await issueCode(t, phone, from);
    for (let i = 0; i < 5; i++) await verifyCode(t, phone, wrongCode(burnt), from);
    assert.equal((await verifyCode(t, phone, burnt, from)).body.code, 'OTP_ATTEMPTS_EXCEEDED');

    await sleep(1100);
    const code = await issueCode(t, phone, from);
    assert.deepEqual(
      (await verifyCode(t, phone, wrongCode(code), from)).body,
      errorBody('OTP_INVALID', { attempts_left: 4 }),
    );
    assert.equal((await verifyCode(t, phone, code, from)).status, 200);
  });

  it('gives exactly one sign-in to 20 parallel verifies with the right code', async () => {
    const phone = mobile(2003);
    const from: From = { ip: '10.1.0.3' };
    const code = await issueCode(t, phone, from);
    const answers = await Promise.all(Array.from({ length: 20 }, () => verifyCode(t, phone, code, from)));
    assert.deepEqual(tally(answers), { '200': 1, '400 OTP_EXPIRED': 19 });
    const userId = answers.find((a) => a.status === 200)!.body.user.id;
    const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
    assert.equal(sessions.length, 1);
    const users = await t.database.db.selectFrom('users').select('id').where('phone_number', '=', phone).execute();
    assert.equal(users.length, 1);
  });

  it('counts 30 parallel wrong codes against OTP_MAX_ATTEMPTS=5 as exactly 5 tries and 25 refusals', async () => {
    const phone = mobile(2004);
    const from: From = { ip: '10.1.0.4' };
    const code = await issueCode(t, phone, from);
    const answers = await Promise.all(Array.from({ length: 30 }, () => verifyCode(t, phone, wrongCode(code), from)));
    assert.deepEqual(tally(answers), { '400 OTP_INVALID': 5, '429 OTP_ATTEMPTS_EXCEEDED': 25 });
    const left = answers.filter((a) => a.status === 400).map((a) => a.body.attempts_left as number);
    assert.deepEqual(
      left.sort((a, b) => a - b),
      [0, 1, 2, 3, 4],
    );
    assert.equal(await attemptsOf(t, phone), 5);
  });

  it('counts 50 parallel wrong codes as exactly 50 when OTP_MAX_ATTEMPTS=100, and the right code still works', async () => {
    await withApp(backend, { OTP_MAX_ATTEMPTS: '100' }, async (hundred) => {
      const phone = mobile(2005);
      const code = await issueCode(hundred, phone);
      const answers = await Promise.all(Array.from({ length: 50 }, () => verifyCode(hundred, phone, wrongCode(code))));
      assert.deepEqual(tally(answers), { '400 OTP_INVALID': 50 });
      // Each counted guess saw its own count: 99 left after the first, 50 after the fiftieth.
      const left = answers.map((a) => a.body.attempts_left as number).sort((a, b) => a - b);
      assert.deepEqual(
        left,
        Array.from({ length: 50 }, (_, i) => 50 + i),
      );
      assert.equal(await attemptsOf(hundred, phone), 50);

      const one = await verifyCode(hundred, phone, wrongCode(code));
      assert.deepEqual(one.body, errorBody('OTP_INVALID', { attempts_left: 49 }));
      assert.equal((await verifyCode(hundred, phone, code)).status, 200);
    });
  });
});

forEachDatabase('failed verifies per address', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_VERIFY_IP_HOURLY_LIMIT: '3' } });
  });
  after(() => t?.close());

  it('refuses an address with RATE_LIMITED and Retry-After once it has failed OTP_VERIFY_IP_HOURLY_LIMIT times', async () => {
    const phone = mobile(2101);
    const from: From = { ip: '10.2.0.1' };
    const code = await issueCode(t, phone);
    assert.equal((await verifyCode(t, phone, wrongCode(code), from)).body.code, 'OTP_INVALID');
    assert.equal((await verifyCode(t, mobile(2102), '123456', from)).body.code, 'OTP_EXPIRED');
    assert.equal((await verifyCode(t, phone, wrongCode(code), from)).body.code, 'OTP_INVALID');

    for (const typed of [wrongCode(code), code]) {
      const refused = await verifyCode(t, phone, typed, from);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.code, 'RATE_LIMITED');
      assert.equal(Number.isInteger(refused.body.retry_after), true);
      assert.ok(
        refused.body.retry_after > 3590 && refused.body.retry_after <= 3600,
        `retry_after ${refused.body.retry_after}`,
      );
      assert.equal(refused.headers['retry-after'], String(refused.body.retry_after));
    }
    // Refused before the code was looked at: the code kept its attempts and works from elsewhere.
    assert.equal(await attemptsOf(t, phone), 2);
    assert.equal((await verifyCode(t, phone, code, { ip: '10.2.0.2' })).status, 200);
  });

  it('does not count successful verifies against OTP_VERIFY_IP_HOURLY_LIMIT', async () => {
    const from: From = { ip: '10.2.0.3' };
    for (const n of [2111, 2112, 2113, 2114]) {
      const phone = mobile(n);
      assert.equal((await verifyCode(t, phone, await issueCode(t, phone), from)).status, 200);
    }
    const failures = await Promise.all([2121, 2122, 2123].map((n) => verifyCode(t, mobile(n), '123456', from)));
    assert.deepEqual(tally(failures), { '400 OTP_EXPIRED': 3 });
    assert.equal((await verifyCode(t, mobile(2124), '123456', from)).body.code, 'RATE_LIMITED');
  });
});
