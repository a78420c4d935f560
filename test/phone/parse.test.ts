import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCode, toAsciiDigits } from '../../src/phone/digits.ts';
import { maskPhone, parseMobile } from '../../src/phone/parse.ts';

const IR = ['IR'];

describe('parseMobile', () => {
  const sameNumber = [
    '09123456789',
    '9123456789',
    '989123456789',
    '+989123456789',
    '00989123456789',
    '0912 345 6789',
    '0912-345-6789',
    '(0912) 345 6789',
    '+98 (912) 345-6789',
    '۰۹۱۲۳۴۵۶۷۸۹',
    '٠٩١٢٣٤٥٦٧٨٩',
    '۰۹۱۲-۳۴۵-۶۷۸۹',
    '\u200e09123456789\u200f',
    '\u202b09123456789\u202c',
    '\u20660912\u00a0345\u200c6789\u2069',
    '\ufeff+989123456789',
  ];
  for (const typed of sameNumber) {
    it(`reads ${JSON.stringify(typed)} as +989123456789`, () => {
      assert.deepEqual(parseMobile(typed, IR), { e164: '+989123456789', country: 'IR', national: '9123456789' });
    });
  }

  it('accepts Iranian mobile ranges the bundled metadata may not know yet (structure 9 + nine digits)', () => {
    assert.equal(parseMobile('09411234567', IR)?.e164, '+989411234567');
    assert.equal(parseMobile('09981234567', IR)?.e164, '+989981234567');
  });

  const refused = [
    ['an Iranian landline', '02112345678'],
    ['a number one digit short', '0912345678'],
    ['a number one digit long', '091234567890'],
    ['a US mobile when only IR is allowed', '+14155552671'],
    ['letters', 'phone'],
    ['an SQL fragment', "' OR '1'='1"],
    ['a number with an SQL tail', "09123456789'; DROP TABLE users;--"],
    ['an empty string', ''],
    ['a 10,000-character string', '9'.repeat(10_000)],
    ['a number followed by CRLF and text', '09123456789\r\nforged'],
  ] as const;
  for (const [what, typed] of refused) {
    it(`refuses ${what}`, () => {
      assert.equal(parseMobile(typed, IR), null);
    });
  }

  it('accepts other countries when they are allowed, and keeps IR national forms working', () => {
    const allowed = ['IR', 'GB'];
    assert.equal(parseMobile('+447400123456', allowed)?.e164, '+447400123456');
    assert.equal(parseMobile('07400 123456', ['GB'])?.e164, '+447400123456');
    assert.equal(parseMobile('09123456789', allowed)?.e164, '+989123456789');
  });
});

describe('digits', () => {
  it('maps Persian and Arabic-Indic digits to ASCII and leaves others alone', () => {
    assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
    assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    assert.equal(toAsciiDigits('a۱b٢c3'), 'a1b2c3');
  });

  it('normalises a typed code: other digits, bidi marks and surrounding spaces', () => {
    assert.equal(normalizeCode(' \u200f۰۱۲۳۴۵ '), '012345');
    assert.equal(normalizeCode('٠١٢٣٤٥\n'), '012345');
    assert.equal(normalizeCode('634 990'), '634990');
    assert.equal(normalizeCode('634-990'), '634990');
    assert.equal(normalizeCode('۶۳۴–۹۹۰'), '634990');
    assert.equal(normalizeCode('63a990'), '63a990');
  });
});

describe('maskPhone', () => {
  it('keeps the country prefix and last four digits only', () => {
    assert.equal(maskPhone('+989123456789'), '+98912***6789');
    assert.doesNotMatch(maskPhone('+989123456789'), /3456/);
  });
});
