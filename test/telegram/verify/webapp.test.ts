import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  initDataFromAuthorization,
  verifyWebAppInitData,
  type WebAppOptions,
} from '../../../src/telegram/verify/webapp.ts';
import { assertAppError } from '../../helpers/app-error.ts';
import { publicKeyHex, signedInitData, TEST_BOT_TOKEN, widgetKey } from '../../helpers/telegram-login.ts';

const NOW_SECONDS = 1_790_000_000;
const RULES = { maxAgeSeconds: 300, futureSkewSeconds: 30, nowMs: NOW_SECONDS * 1000 };

const ours = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const OURS: WebAppOptions = { telegramPublicKeys: [publicKeyHex(ours.publicKey)] };

const user = {
  id: 424242,
  first_name: 'Sara',
  last_name: 'Ahmadi',
  username: 'sara_a',
  language_code: 'fa',
  allows_write_to_pm: true,
  photo_url: 'https://t.me/i/userpic/320/sara.svg',
};
const launch = { query_id: 'AAHdF6IQAAAAAN0XohDhrOrc', user, auth_date: String(NOW_SECONDS - 10) };
const verify = (initData: string, options = OURS, rules = RULES) =>
  verifyWebAppInitData(initData, TEST_BOT_TOKEN, rules, options);
const hashOf = (initData: string) => new URLSearchParams(initData).get('hash')!;

describe('Mini App initData', () => {
  it('is accepted without a signature, and says who signed in', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    assert.deepEqual(verify(initData), {
      profile: {
        telegramId: '424242',
        username: 'sara_a',
        firstName: 'Sara',
        lastName: 'Ahmadi',
        photoUrl: 'https://t.me/i/userpic/320/sara.svg',
        languageCode: 'fa',
      },
      authDate: NOW_SECONDS - 10,
      replayKey: `a:${hashOf(initData)}`,
    });
  });

  it('is accepted with an Ed25519 signature that the hash covers', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN, { signWith: ours.privateKey, signatureInHmac: true });
    assert.equal(verify(initData).profile.telegramId, '424242');
  });

  it('is accepted with an Ed25519 signature that the hash leaves out', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN, { signWith: ours.privateKey, signatureInHmac: false });
    assert.equal(verify(initData).profile.telegramId, '424242');
  });

  it('accepts a field Telegram adds later, because every received field is signed, not a list of known ones', () => {
    const initData = signedInitData({ ...launch, chat_type: 'private', brand_new: 'x' }, TEST_BOT_TOKEN, {
      signWith: ours.privateKey,
    });
    assert.equal(verify(initData).profile.telegramId, '424242');
  });

  it('is the same login whatever order its fields come in, with the same replay key', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    const reversed = new URLSearchParams([...new URLSearchParams(initData)].reverse()).toString();
    assert.equal(verify(reversed).replayKey, verify(initData).replayKey);
  });

  it('keeps a user id beyond 2^53 exactly as the digits Telegram signed', () => {
    const huge = '{"id":9007199254740993,"first_name":"Sara","chat":{"id":5}}';
    const initData = signedInitData({ ...launch, user: huge }, TEST_BOT_TOKEN);
    assert.equal(verify(initData).profile.telegramId, '9007199254740993');
  });

  it('keeps photo_url only when it is https', () => {
    const initData = signedInitData({ ...launch, user: { ...user, photo_url: 'http://t.me/a.jpg' } }, TEST_BOT_TOKEN);
    assert.equal(verify(initData).profile.photoUrl, null);
  });
});

describe('Mini App initData is refused', () => {
  const refused = (initData: string, code: 'TELEGRAM_AUTH_INVALID' | 'TELEGRAM_AUTH_EXPIRED', options = OURS) =>
    assertAppError(() => verify(initData, options), code);
  const edit = (initData: string, change: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(initData);
    change(params);
    return params.toString();
  };

  it('when its hash was made with the login widget key of the same bot', () => {
    refused(signedInitData(launch, TEST_BOT_TOKEN, { key: widgetKey(TEST_BOT_TOKEN) }), 'TELEGRAM_AUTH_INVALID');
  });

  it('when it was signed for another bot', () => {
    refused(signedInitData(launch, '654321:other-token'), 'TELEGRAM_AUTH_INVALID');
  });

  it('with a changed field', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    refused(
      edit(initData, (p) => p.set('user', JSON.stringify({ ...user, id: 1 }))),
      'TELEGRAM_AUTH_INVALID',
    );
    refused(
      edit(initData, (p) => p.set('query_id', 'other')),
      'TELEGRAM_AUTH_INVALID',
    );
  });

  it('with a dropped field', () => {
    refused(
      edit(signedInitData(launch, TEST_BOT_TOKEN), (p) => p.delete('query_id')),
      'TELEGRAM_AUTH_INVALID',
    );
  });

  it('with a field added after signing', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    refused(
      edit(initData, (p) => p.set('start_param', 'promo')),
      'TELEGRAM_AUTH_INVALID',
    );
  });

  it('with a field given twice, even twice the same', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    refused(`${initData}&query_id=${launch.query_id}`, 'TELEGRAM_AUTH_INVALID');
    refused(`${initData}&hash=${hashOf(initData)}`, 'TELEGRAM_AUTH_INVALID');
  });

  it('with a missing, short, long or non-hex hash', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN);
    const hash = hashOf(initData);
    refused(
      edit(initData, (p) => p.delete('hash')),
      'TELEGRAM_AUTH_INVALID',
    );
    const malformed = ['', hash.slice(0, 62), `${hash}00`, `${hash}0`, `${hash}zz`, `${hash.slice(0, 63)}g`];
    for (const bad of [...malformed, 'z'.repeat(64)]) {
      refused(
        edit(initData, (p) => p.set('hash', bad)),
        'TELEGRAM_AUTH_INVALID',
      );
    }
  });

  it('with an Ed25519 signature by a key that is not listed, though the hash is good', () => {
    for (const signatureInHmac of [true, false]) {
      const initData = signedInitData(launch, TEST_BOT_TOKEN, { signWith: stranger.privateKey, signatureInHmac });
      refused(initData, 'TELEGRAM_AUTH_INVALID');
    }
  });

  it("with our own key's signature when only Telegram's production key is trusted, as by default", () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN, { signWith: ours.privateKey });
    refused(initData, 'TELEGRAM_AUTH_INVALID', {});
  });

  it('with a signature made for another bot id', () => {
    const initData = signedInitData(launch, TEST_BOT_TOKEN, { signWith: ours.privateKey, botId: '654321' });
    refused(initData, 'TELEGRAM_AUTH_INVALID');
  });

  it('with a signature that is not 64 bytes of unpadded base64url, though the hash covers it', () => {
    const good = new URLSearchParams(signedInitData(launch, TEST_BOT_TOKEN, { signWith: ours.privateKey }));
    const signature = good.get('signature')!;
    for (const bad of [signature.slice(0, 85), `${signature}==`, signature.replace(/.$/, '+'), 'abc']) {
      refused(signedInitData({ ...launch, signature: bad }, TEST_BOT_TOKEN), 'TELEGRAM_AUTH_INVALID');
    }
  });

  it('without a user, with a user that is not a JSON object, or with a user id that is not a positive integer', () => {
    const { user: _user, ...noUser } = launch;
    refused(signedInitData(noUser, TEST_BOT_TOKEN), 'TELEGRAM_AUTH_INVALID');
    for (const bad of [
      '{"id":5',
      '[{"id":5}]',
      '[5]',
      '5',
      '"x"',
      'null',
      '{}',
      '{"id":"5"}',
      '{"id":-5}',
      '{"id":1.5}',
      '{"id":1,"id":2}',
    ]) {
      refused(signedInitData({ ...launch, user: bad }, TEST_BOT_TOKEN), 'TELEGRAM_AUTH_INVALID');
    }
  });

  it('without an auth_date', () => {
    const { auth_date: _date, ...noDate } = launch;
    refused(signedInitData(noDate, TEST_BOT_TOKEN), 'TELEGRAM_AUTH_INVALID');
  });

  it('as expired when older than maxAgeSeconds, taken when exactly that old', () => {
    const at = (authDate: number) => signedInitData({ ...launch, auth_date: String(authDate) }, TEST_BOT_TOKEN);
    assert.equal(verify(at(NOW_SECONDS - 300)).authDate, NOW_SECONDS - 300);
    refused(at(NOW_SECONDS - 301), 'TELEGRAM_AUTH_EXPIRED');
  });

  it('as expired when further in the future than futureSkewSeconds, taken within it', () => {
    const at = (authDate: number) => signedInitData({ ...launch, auth_date: String(authDate) }, TEST_BOT_TOKEN);
    assert.equal(verify(at(NOW_SECONDS + 30)).authDate, NOW_SECONDS + 30);
    refused(at(NOW_SECONDS + 31), 'TELEGRAM_AUTH_EXPIRED');
  });

  it('as invalid, not expired, when stale and forged: the date of forged data means nothing', () => {
    const stale = signedInitData({ ...launch, auth_date: String(NOW_SECONDS - 86_400) }, TEST_BOT_TOKEN);
    refused(
      edit(stale, (p) => p.set('query_id', 'other')),
      'TELEGRAM_AUTH_INVALID',
    );
  });
});

describe('initData from an Authorization header', () => {
  it('is what follows the tma scheme, whatever its case', () => {
    assert.equal(initDataFromAuthorization('tma query_id=1&hash=ab'), 'query_id=1&hash=ab');
    assert.equal(initDataFromAuthorization('TMA  query_id=1'), 'query_id=1');
  });

  it('is null for no header, another scheme, an empty value or a value with spaces', () => {
    for (const header of [undefined, '', 'tma', 'tma ', 'Bearer abc', 'tmaabc', 'tma a b', ' tma abc']) {
      assert.equal(initDataFromAuthorization(header), null, String(header));
    }
  });
});
