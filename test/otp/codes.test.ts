import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { generateCode, hashCode } from '../../src/otp/code.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  errorBody,
  issueCode,
  mobile,
  requestCode,
  sleep,
  toArabicIndicDigits,
  toPersianDigits,
  verifyCode,
  withApp,
} from '../helpers/otp-flow.ts';

/** 9 degrees of freedom; a uniform source exceeds 44.81 with probability 1e-6. */
const CHI_SQUARE_LIMIT = 44.81;

function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
}

describe('code generation', () => {
  it('gives exactly OTP_LENGTH ASCII digits for every length the configuration allows', () => {
    for (let length = 6; length <= 10; length++) {
      for (let i = 0; i < 2000; i++) assert.match(generateCode(length), new RegExp(`^[0-9]{${length}}$`));
    }
  });

  it('draws digits uniformly, the leading one included, so leading zeros are as common as any digit', () => {
    // 100,000 codes: enough to catch the bias of a byte taken modulo 10 (chi-square near 200).
    const all = new Array<number>(10).fill(0);
    const first = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const code = generateCode(6);
      first[Number(code[0])]!++;
      for (const digit of code) all[Number(digit)]!++;
    }
    assert.ok(chiSquare(all) < CHI_SQUARE_LIMIT, `digits: chi-square ${chiSquare(all)} for ${all}`);
    assert.ok(chiSquare(first) < CHI_SQUARE_LIMIT, `first digit: chi-square ${chiSquare(first)} for ${first}`);
  });
});

forEachDatabase('one-time codes', (backend) => {
  // One app for the suite (a PostgreSQL schema costs ~0.4 s to migrate); each test uses numbers of its own.
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, {
      // 50 requests at once from one address: each holds a point of the failed-send budget while it runs.
      env: {
        OTP_TTL_SECONDS: '120',
        OTP_RESEND_SECONDS: '1',
        OTP_IP_HOURLY_LIMIT: '1000',
        OTP_FAILED_SEND_IP_HOURLY_LIMIT: '1000',
        // No test here is about a slow provider, and 50 sends at once on a loaded machine can take over the
        // helpers' 1 s: a timeout would open the breaker and fail the tests after it for nothing.
        SMS_TIMEOUT_MS: '5000',
      },
    });
  });
  after(() => t?.close());

  it('sends six-digit codes by default and keeps a leading zero all the way to a sign-in', async () => {
    const phones = Array.from({ length: 150 }, (_, i) => mobile(i + 1));
    for (let i = 0; i < phones.length; i += 50) {
      const answers = await Promise.all(phones.slice(i, i + 50).map((p) => requestCode(t, p)));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    }
    const codes = phones.map((p) => t.sink.lastCode(p) ?? '');
    for (const code of codes) assert.match(code, /^\d{6}$/);
    // With uniform digits, 150 codes without a leading zero happen with probability 0.9^150 (1.4e-7).
    const index = codes.findIndex((code) => code.startsWith('0'));
    assert.notEqual(index, -1, 'no code out of 150 started with 0');
    assert.equal((await verifyCode(t, phones[index]!, codes[index]!)).status, 200);
  });

  it('stores only an HMAC of the code keyed from AUTH_SECRET, never the code itself', async () => {
    const phone = mobile(1001);
    const code = await issueCode(t, phone);
    const row = await t.database.db
      .selectFrom('otp_codes')
      .selectAll()
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    for (const [column, value] of Object.entries(row)) {
      assert.ok(!String(value).includes(code), `otp_codes.${column} contains the code`);
    }
    assert.notEqual(row.code_hash, createHash('sha256').update(code).digest('hex'));
    const keyedWith = (secret: string) => hashCode(deriveKeys(secret).otpCode, row.challenge_key, code);
    assert.equal(row.code_hash, keyedWith(t.config.authSecret!));
    // Keyed: without AUTH_SECRET, trying all 10^6 codes against the dump gives nothing.
    assert.notEqual(row.code_hash, keyedWith(`${t.config.authSecret!}-other`));
    assert.equal(row.attempts, 0);
    assert.equal(row.max_attempts, 5);
    assert.equal(row.consumed_at, null);
  });

  it('accepts a code until OTP_TTL_SECONDS have passed and answers OTP_EXPIRED from then on', async () => {
    const [early, late] = [mobile(1002), mobile(1003)];
    const first = await requestCode(t, early);
    assert.equal(first.body.expires_in, 120);
    t.clock.advance(119_000);
    assert.equal((await verifyCode(t, early, t.sink.lastCode(early)!)).status, 200);

    const code = await issueCode(t, late);
    t.clock.advance(120_000);
    const expired = await verifyCode(t, late, code);
    assert.equal(expired.status, 400);
    assert.deepEqual(expired.body, errorBody('OTP_EXPIRED'));
  });

  it('signs in once with a code; the same code a second time answers OTP_EXPIRED', async () => {
    const phone = mobile(1004);
    const code = await issueCode(t, phone);
    assert.equal((await verifyCode(t, phone, code)).status, 200);
    const again = await verifyCode(t, phone, code);
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, errorBody('OTP_EXPIRED'));
  });

  it('replaces the earlier code when a new one is requested: the old code is wrong, the new one signs in', async () => {
    const phone = mobile(1005);
    const old = await issueCode(t, phone);
    await sleep(1100);
    const fresh = await issueCode(t, phone);
    assert.equal(t.sink.messagesTo(phone).length, 2);
    // One chance in a million that both draws are equal; then there is nothing to tell apart.
    if (old !== fresh) {
      const stale = await verifyCode(t, phone, old);
      assert.deepEqual(stale.body, errorBody('OTP_INVALID', { attempts_left: 4 }));
    }
    assert.equal((await verifyCode(t, phone, fresh)).status, 200);
    const rows = await t.database.db.selectFrom('otp_codes').select('id').where('phone_number', '=', phone).execute();
    assert.equal(rows.length, 1);
  });

  it('accepts a code typed in Persian or in Arabic-Indic digits', async () => {
    const [persian, arabic] = ['+989121234567', mobile(1006)];
    const persianCode = await issueCode(t, persian);
    const arabicCode = await issueCode(t, arabic);
    const first = await verifyCode(t, toPersianDigits('09121234567'), toPersianDigits(persianCode));
    assert.equal(first.status, 200, first.raw);
    assert.equal(first.body.user.phone_number, persian);
    const second = await verifyCode(t, arabic, toArabicIndicDigits(arabicCode));
    assert.equal(second.status, 200, second.raw);
    assert.equal(second.body.user.phone_number, arabic);
  });

  it('accepts a code typed in groups, with a space or a dash between them', async () => {
    const [spaced, dashed] = [mobile(1080), mobile(1081)];
    const spacedCode = await issueCode(t, spaced);
    const dashedCode = await issueCode(t, dashed);
    const first = await verifyCode(t, spaced, `${spacedCode.slice(0, 3)} ${spacedCode.slice(3)}`);
    assert.equal(first.status, 200, first.raw);
    const second = await verifyCode(t, dashed, `${dashedCode.slice(0, 3)}-${dashedCode.slice(3)}`);
    assert.equal(second.status, 200, second.raw);
  });

  it("does not sign in one number with another number's code", async () => {
    const [mine, theirs, nobody] = [mobile(1007), mobile(1008), mobile(1009)];
    const code = await issueCode(t, mine);
    const theirCode = await issueCode(t, theirs);
    if (code !== theirCode) {
      const crossed = await verifyCode(t, theirs, code);
      assert.deepEqual(crossed.body, errorBody('OTP_INVALID', { attempts_left: 4 }));
    }
    assert.deepEqual((await verifyCode(t, nobody, code)).body, errorBody('OTP_EXPIRED'));
    const signedIn = await verifyCode(t, mine, code);
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.user.phone_number, mine);
  });

  it('answers OTP_EXPIRED for a number that never requested a code', async () => {
    const answer = await verifyCode(t, mobile(1010), '123456');
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, errorBody('OTP_EXPIRED'));
  });

  it('refuses a code that is not digits with VALIDATION_ERROR, without counting it as an attempt', async () => {
    const phone = mobile(1011);
    const code = await issueCode(t, phone);
    const letters = await verifyCode(t, phone, 'abc123');
    assert.equal(letters.status, 400);
    assert.equal(letters.body.code, 'VALIDATION_ERROR');
    const row = await t.database.db
      .selectFrom('otp_codes')
      .select('attempts')
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    assert.equal(row.attempts, 0);
    assert.equal((await verifyCode(t, phone, code)).status, 200);
  });

  it('honours OTP_LENGTH=8: eight digits are sent, and their first six are not the code', async () => {
    await withApp(backend, { OTP_LENGTH: '8' }, async (eight) => {
      const phone = mobile(1012);
      const code = await issueCode(eight, phone);
      assert.match(code, /^\d{8}$/);
      assert.ok(eight.sink.messagesTo(phone)[0]!.message!.text.includes(code));
      const short = await verifyCode(eight, phone, code.slice(0, 6));
      assert.deepEqual(short.body, errorBody('OTP_INVALID', { attempts_left: 4 }));
      assert.equal((await verifyCode(eight, phone, code)).status, 200);
    });
  });
});
