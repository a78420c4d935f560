import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  countRows,
  errorBody,
  issueCode,
  mobile,
  post,
  requestCode,
  sleep,
  verifyCode,
  withApp,
  type Answer,
} from '../helpers/otp-flow.ts';

// What the request step answers: which numbers it refuses before doing anything, and that it says nothing
// about whether a number has an account.

const NOT_AN_ACCEPTED_MOBILE = [
  ['a Tehran landline', '02112345678'],
  ['a landline in international form', '+982112345678'],
  ['a US number', '+14155552671'],
  ['a UK mobile', '+447400123456'],
  ['words', 'call me maybe'],
  ['too few digits', '0912345'],
  ['too many digits', '091234567890123'],
  ['SQL', "0912'; DROP TABLE users; --"],
] as const;

forEachDatabase('numbers that are not accepted mobiles', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1' } });
  });
  after(() => t?.close());

  it('answers INVALID_PHONE for landlines, foreign numbers and garbage, before any SMS or limit', async () => {
    for (const [what, typed] of NOT_AN_ACCEPTED_MOBILE) {
      const answer = await requestCode(t, typed);
      assert.equal(answer.status, 400, what);
      assert.deepEqual(answer.body, errorBody('INVALID_PHONE'), what);
    }
    assert.equal(t.sink.requests.length, 0);
    assert.equal(await countRows(t, 'sms_logs'), 0);
    assert.equal(await countRows(t, 'otp_codes'), 0);
    assert.equal(await countRows(t, 'rate_limits'), 0);
    // The address's single send of the hour is still there.
    assert.equal((await requestCode(t, '09123456789')).status, 200);
  });

  it('answers INVALID_PHONE at verify too, for a landline', async () => {
    const answer = await verifyCode(t, '02112345678', '123456');
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, errorBody('INVALID_PHONE'));
  });
});

forEachDatabase('PHONE_ALLOWED_COUNTRIES', (backend) => {
  it('accepts a foreign mobile once its country is listed, and still refuses landlines', async () => {
    await withApp(backend, { PHONE_ALLOWED_COUNTRIES: 'IR,GB' }, async (t) => {
      assert.equal((await requestCode(t, '+44 7400 123456')).status, 200);
      assert.equal(t.sink.messagesTo('+447400123456').length, 1);
      assert.deepEqual((await requestCode(t, '+442079460000')).body, errorBody('INVALID_PHONE'));
      assert.equal(t.sink.requests.length, 1);
    });
  });
});

/** Everything a client sees of an answer except the date. */
const visible = (answer: Answer) => {
  const { date: _date, ...headers } = answer.headers;
  return { status: answer.status, body: answer.body, headers };
};

async function signIn(t: TestApp, phone: string): Promise<string> {
  const signedIn = await verifyCode(t, phone, await issueCode(t, phone));
  assert.equal(signedIn.status, 200);
  return signedIn.body.access_token as string;
}

forEachDatabase('no enumeration of accounts', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  it('answers a code request the same for a number with an account and one without', async () => {
    const [member, stranger] = [mobile(7001), mobile(7002)];
    await signIn(t, member);
    await sleep(1100);

    const forMember = await requestCode(t, member);
    const forStranger = await requestCode(t, stranger);
    assert.equal(forMember.status, 200);
    assert.deepEqual(visible(forMember), visible(forStranger));
    const accounts = await t.database.db
      .selectFrom('users')
      .select('phone_number')
      .where('phone_number', 'in', [member, stranger])
      .execute();
    assert.deepEqual(accounts, [{ phone_number: member }]);
  });

  it("answers a request to move to someone else's number like one to a free number; only confirm says PHONE_IN_USE", async () => {
    const [taken, free, mover] = [mobile(7101), mobile(7102), mobile(7103)];
    await signIn(t, taken);
    const bearer = { authorization: `Bearer ${await signIn(t, mover)}` };

    const toTaken = await post(t, '/api/v1/otp/phone/change/request', { phone_number: taken }, { headers: bearer });
    const toFree = await post(t, '/api/v1/otp/phone/change/request', { phone_number: free }, { headers: bearer });
    assert.equal(toTaken.status, 200);
    assert.deepEqual(visible(toTaken), visible(toFree));

    const confirm = await post(
      t,
      '/api/v1/otp/phone/change/confirm',
      { phone_number: taken, code: t.sink.lastCode(taken)! },
      { headers: bearer },
    );
    assert.equal(confirm.status, 409);
    assert.deepEqual(confirm.body, errorBody('PHONE_IN_USE'));
  });
});
