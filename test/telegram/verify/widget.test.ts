import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyWidgetLogin } from '../../../src/telegram/verify/widget.ts';
import { signedWidget, TEST_BOT_TOKEN, webAppKey } from '../../helpers/telegram-login.ts';
import { assertAppError } from '../../helpers/app-error.ts';

const NOW_SECONDS = 1_790_000_000;
const RULES = { maxAgeSeconds: 300, futureSkewSeconds: 30, nowMs: NOW_SECONDS * 1000 };

const login = {
  id: 424242,
  first_name: 'Sara',
  last_name: 'Ahmadi',
  username: 'sara_a',
  photo_url: 'https://t.me/i/userpic/320/sara.jpg',
  auth_date: NOW_SECONDS - 10,
};
const asQuery = (fields: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
const verify = (fields: Record<string, unknown>, rules = RULES) => verifyWidgetLogin(fields, TEST_BOT_TOKEN, rules);

describe('the Telegram login widget', () => {
  it('accepts the JSON form of the callback, numbers and all, and says who signed in', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN);
    assert.deepEqual(verify(fields), {
      profile: {
        telegramId: '424242',
        username: 'sara_a',
        firstName: 'Sara',
        lastName: 'Ahmadi',
        photoUrl: 'https://t.me/i/userpic/320/sara.jpg',
        languageCode: null,
      },
      authDate: NOW_SECONDS - 10,
      replayKey: `w:${fields.hash}`,
    });
  });

  it('accepts the query form of the redirect, where every value is a string, with the same replay key', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN);
    const fromQuery = verify(asQuery(fields));
    assert.deepEqual(fromQuery, verify(fields));
  });

  it('accepts a login without the optional fields', () => {
    const fields = signedWidget({ id: 7, first_name: 'Ali', auth_date: NOW_SECONDS }, TEST_BOT_TOKEN);
    const { profile } = verify(fields);
    assert.deepEqual(profile, {
      telegramId: '7',
      username: null,
      firstName: 'Ali',
      lastName: null,
      photoUrl: null,
      languageCode: null,
    });
  });

  it('accepts a field Telegram adds later, because every received field is signed, not a list of known ones', () => {
    const fields = signedWidget({ ...login, allows_write_to_pm: 'true', new_thing: 5 }, TEST_BOT_TOKEN);
    assert.equal(verify(fields).profile.telegramId, '424242');
  });

  it('an uppercase hash is the same login, with the same replay key', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN);
    const upper = verify({ ...fields, hash: fields.hash.toUpperCase() });
    assert.equal(upper.replayKey, `w:${fields.hash}`);
  });

  it('keeps an id beyond 2^53 exactly as the digits Telegram signed', () => {
    const fields = signedWidget({ ...asQuery(login), id: '9007199254740993' }, TEST_BOT_TOKEN);
    assert.equal(verify(fields).profile.telegramId, '9007199254740993');
  });

  it('signs a number as its plain decimal digits, even where JavaScript would write an exponent', () => {
    const fields = signedWidget({ ...login, big: '1000000000000000000000', ratio: '1.5' }, TEST_BOT_TOKEN);
    assert.equal(verify({ ...fields, big: 1e21, ratio: 1.5 }).profile.telegramId, '424242');
  });

  it('keeps photo_url only when it is https', () => {
    for (const url of ['http://t.me/i/userpic/sara.jpg', 'javascript:alert(1)', 'not a url']) {
      const fields = signedWidget({ ...login, photo_url: url }, TEST_BOT_TOKEN);
      assert.equal(verify(fields).profile.photoUrl, null, url);
    }
  });
});

describe('the Telegram login widget refuses', () => {
  it('a hash made with the Mini App key of the same bot', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN, { key: webAppKey(TEST_BOT_TOKEN) });
    assertAppError(() => verify(fields), 'TELEGRAM_AUTH_INVALID');
  });

  it('a login signed for another bot', () => {
    const fields = signedWidget(login, '654321:other-token');
    assertAppError(() => verify(fields), 'TELEGRAM_AUTH_INVALID');
  });

  it('a changed field', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN);
    assertAppError(() => verify({ ...fields, id: 424243 }), 'TELEGRAM_AUTH_INVALID');
    assertAppError(() => verify({ ...fields, username: 'admin' }), 'TELEGRAM_AUTH_INVALID');
  });

  it('a dropped field', () => {
    const { photo_url: _dropped, ...fields } = signedWidget(login, TEST_BOT_TOKEN);
    assertAppError(() => verify(fields), 'TELEGRAM_AUTH_INVALID');
  });

  it('a field added after signing, even an empty one', () => {
    const fields = signedWidget(login, TEST_BOT_TOKEN);
    assertAppError(() => verify({ ...fields, state: 'abc' }), 'TELEGRAM_AUTH_INVALID');
    assertAppError(() => verify({ ...fields, state: '' }), 'TELEGRAM_AUTH_INVALID');
  });

  it('a missing, short, long or non-hex hash, without any other error', () => {
    const { hash, ...unsigned } = signedWidget(login, TEST_BOT_TOKEN);
    const malformed = [undefined, '', hash.slice(0, 62), `${hash}00`, `${hash}0`, `${hash}zz`, `${hash.slice(0, 63)}g`];
    for (const bad of [...malformed, 'z'.repeat(64), 12]) {
      const fields = bad === undefined ? unsigned : { ...unsigned, hash: bad };
      assertAppError(() => verify(fields), 'TELEGRAM_AUTH_INVALID');
    }
  });

  it('a value that is an object, an array, a boolean or null, even when its text is what was signed', () => {
    const cases: [string | number, unknown][] = [
      ['[object Object]', {}],
      ['a,b', ['a', 'b']],
      ['true', true],
      ['null', null],
    ];
    for (const [signed, given] of cases) {
      const fields = signedWidget({ ...login, extra: signed }, TEST_BOT_TOKEN);
      assertAppError(() => verify({ ...fields, extra: given }), 'TELEGRAM_AUTH_INVALID');
    }
  });

  it('a key holding "=" or a newline, which would split the signed text into other fields', () => {
    // Without photo_url, the last_name and username lines are next to each other in the check string.
    const { photo_url: _photo, ...adjacent } = login;
    const { last_name: _last, username: _username, ...rest } = signedWidget(adjacent, TEST_BOT_TOKEN);
    const resplit = { ...rest, 'last_name=Ahmadi\nusername': 'sara_a' };
    assertAppError(() => verify(resplit), 'TELEGRAM_AUTH_INVALID');
  });

  it('an id given as a JSON number that JSON has already rounded: its digits are not what was signed', () => {
    const fields = signedWidget({ ...login, id: '9007199254740993' }, TEST_BOT_TOKEN);
    assertAppError(() => verify({ ...fields, id: 9007199254740993 }), 'TELEGRAM_AUTH_INVALID');
  });

  it('a signed login without an id or an auth_date, or with an id that is not a positive integer', () => {
    const { id: _id, ...noId } = login;
    const { auth_date: _date, ...noDate } = login;
    assertAppError(() => verify(signedWidget(noId, TEST_BOT_TOKEN)), 'TELEGRAM_AUTH_INVALID');
    assertAppError(() => verify(signedWidget(noDate, TEST_BOT_TOKEN)), 'TELEGRAM_AUTH_INVALID');
    for (const id of ['-5', '0', '12a', ' 12', '1.5', '']) {
      assertAppError(() => verify(signedWidget({ ...login, id }, TEST_BOT_TOKEN)), 'TELEGRAM_AUTH_INVALID');
    }
  });

  it('an auth_date older than maxAgeSeconds as expired, and takes one exactly that old', () => {
    const at = (authDate: number) => signedWidget({ ...login, auth_date: authDate }, TEST_BOT_TOKEN);
    assert.equal(verify(at(NOW_SECONDS - 300)).authDate, NOW_SECONDS - 300);
    assertAppError(() => verify(at(NOW_SECONDS - 301)), 'TELEGRAM_AUTH_EXPIRED');
    assertAppError(() => verify(at(NOW_SECONDS - 86_400)), 'TELEGRAM_AUTH_EXPIRED');
  });

  it('an auth_date further in the future than futureSkewSeconds as expired, and takes one within it', () => {
    const at = (authDate: number) => signedWidget({ ...login, auth_date: authDate }, TEST_BOT_TOKEN);
    assert.equal(verify(at(NOW_SECONDS + 30)).authDate, NOW_SECONDS + 30);
    assertAppError(() => verify(at(NOW_SECONDS + 31)), 'TELEGRAM_AUTH_EXPIRED');
  });

  it('stale data with a wrong hash as invalid, not expired: the date of forged data means nothing', () => {
    const fields = signedWidget({ ...login, auth_date: NOW_SECONDS - 86_400 }, TEST_BOT_TOKEN);
    assertAppError(() => verify({ ...fields, username: 'admin' }), 'TELEGRAM_AUTH_INVALID');
  });
});
