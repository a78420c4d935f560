import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODES, type ErrorCode } from '../../src/errors/codes.ts';
import { MESSAGES, messageFor, messageLocale } from '../../src/errors/messages/index.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { listenOnSocket, send } from '../helpers/browser.ts';
import { assertError } from '../helpers/session-errors.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';

const PERSIAN_LETTERS = /[\u0600-\u06FF]/;
const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the catalogue of error messages', () => {
  it('has English and Persian, and every locale has a message for every code and for nothing else', () => {
    assert.deepEqual(Object.keys(MESSAGES).sort(), ['en', 'fa']);
    for (const [locale, catalogue] of Object.entries(MESSAGES)) {
      assert.deepEqual(Object.keys(catalogue).sort(), [...CODES].sort(), locale);
      for (const code of CODES) assert.ok(catalogue[code].trim().length > 0, `${locale} ${code}`);
    }
  });

  it('Persian messages are written in Persian, and no two codes share a message in one locale', () => {
    for (const code of CODES) assert.match(messageFor(code, 'fa'), PERSIAN_LETTERS, code);
    for (const catalogue of Object.values(MESSAGES)) {
      assert.equal(new Set(Object.values(catalogue)).size, CODES.length);
    }
  });

  it('picks the locale as code messages do: the best language asked for that has a catalogue, else English', () => {
    assert.equal(messageLocale('fa'), 'fa');
    assert.equal(messageLocale('fa-IR,fa;q=0.9,en-US;q=0.8'), 'fa');
    assert.equal(messageLocale('en-US,en;q=0.9,fa;q=0.8'), 'en');
    assert.equal(messageLocale('de-DE, fa;q=0.5'), 'fa');
    assert.equal(messageLocale('de'), 'en');
    assert.equal(messageLocale('fa;q=0, de'), 'en');
    assert.equal(messageLocale('*'), 'en');
    assert.equal(messageLocale(''), 'en');
    assert.equal(messageLocale(undefined), 'en');
  });
});

forEachDatabase('error messages follow Accept-Language', (backend) => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp(backend);
    base = await listenOnSocket(t);
  });
  after(() => t?.close());

  const verify = (headers: Record<string, string>) =>
    send(base, 'POST', '/api/v1/otp/phone/login/verify', headers, { phone_number: freshPhone(), code: '123456' });

  it('fa gets the Persian message with the same code and status; Content-Language says which', async () => {
    const persian = await verify({ 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.8' });
    assertError(persian, 'OTP_EXPIRED');
    assert.equal(persian.body.message, 'کد منقضی شده یا درخواست نشده است؛ کد جدیدی درخواست کنید');
    assert.equal(persian.headers['content-language'], 'fa');
    const english = await verify({ 'accept-language': 'en' });
    assertError(english, 'OTP_EXPIRED');
    assert.equal(english.body.message, 'The code has expired or was never requested; request a new one');
    assert.equal(english.headers['content-language'], 'en');
  });

  it('a language with no catalogue, or no header, gets English', async () => {
    const asked: Array<Record<string, string>> = [
      { 'accept-language': 'de-DE,de;q=0.9' },
      { 'accept-language': 'xx;q=oops' },
      {},
    ];
    for (const headers of asked) {
      const answer = await verify(headers);
      assertError(answer, 'OTP_EXPIRED');
      assert.equal(answer.body.message, messageFor('OTP_EXPIRED'), JSON.stringify(headers));
    }
  });

  it('validation errors, unknown routes and errors with extra fields are in Persian too', async () => {
    const fa = { 'accept-language': 'fa' };
    const invalid = await send(base, 'POST', '/api/v1/otp/phone/login/request', fa, { phone: '0912' });
    assertError(invalid, 'VALIDATION_ERROR');
    assert.equal(invalid.body.message, 'درخواست معتبر نیست');
    const missing = await send(base, 'GET', '/api/v1/no-such-route', fa);
    assertError(missing, 'NOT_FOUND');
    assert.equal(missing.body.message, 'یافت نشد');
    const unauthorized = await send(base, 'GET', '/api/v1/auth/me', fa);
    assertError(unauthorized, 'UNAUTHORIZED');
    assert.equal(unauthorized.body.message, messageFor('UNAUTHORIZED', 'fa'));
    // In English the same errors keep their precise wording.
    const english = await send(base, 'POST', '/api/v1/otp/phone/login/request', {}, { phone: '0912' });
    assert.equal(english.body.message, 'phone_number is required');
    const englishMissing = await send(base, 'GET', '/api/v1/no-such-route', {});
    assert.equal(englishMissing.body.message, 'No route for GET /api/v1/no-such-route');

    const phone = freshPhone();
    assert.equal((await t.post('/api/v1/otp/phone/login/request', { phone_number: phone })).status, 200);
    const limited = await send(base, 'POST', '/api/v1/otp/phone/login/request', fa, { phone_number: phone });
    assertError(limited, 'RATE_LIMITED');
    assert.equal(limited.body.message, messageFor('RATE_LIMITED', 'fa'));
    assert.equal(typeof limited.body.retry_after, 'number');
  });
});
