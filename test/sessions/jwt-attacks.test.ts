import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { forgeJwt } from '../helpers/session-jwt.ts';
import { bearer, logout, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

/**
 * Every forged token below differs from a valid one in exactly one property. The first test shows that a
 * token built the same way with nothing changed is accepted, so each refusal is about that one property.
 */
forEachDatabase('access tokens on /me', (backend) => {
  let t: TestApp;
  let user: SignedInUser;
  let key: Uint8Array;
  const attackerKey = randomBytes(32);

  before(async () => {
    t = await startTestApp(backend);
    user = await signIn(t);
    key = deriveKeys(t.config.authSecret!).accessToken;
  });
  after(() => t?.close());

  const header = (): Header => ({ alg: 'HS256', typ: 'at+jwt' });
  const claims = (): Claims => {
    const now = Math.floor(t.clock.now() / 1000);
    return { sid: user.sessionId, sub: user.userId, iss: 'otpgate', aud: 'otpgate', iat: now, exp: now + 900 };
  };
  const me = (token: string) => t.get('/api/v1/auth/me', bearer(token));
  const without = (name: string) => {
    const c = claims();
    delete c[name];
    return c;
  };

  it('reads the Bearer scheme in any case (RFC 9110): bearer, BEARER, and more than one space', async () => {
    for (const scheme of ['bearer ', 'BEARER ', 'bEaReR ', 'Bearer   ']) {
      const answer = await t.get('/api/v1/auth/me', { authorization: `${scheme}${user.accessToken}` });
      assert.equal(answer.status, 200, `${scheme}: ${JSON.stringify(answer.body)}`);
    }
    for (const authorization of [`Bearer${user.accessToken}`, `Token ${user.accessToken}`, user.accessToken]) {
      assertError(await t.get('/api/v1/auth/me', { authorization }), 'UNAUTHORIZED');
    }
  });

  it('accepts a token built with the right key and every right claim for a live session (control)', async () => {
    const answer = await me(forgeJwt(header(), claims(), key));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.user.id, user.userId);
  });

  const forgeries: ReadonlyArray<[string, () => string]> = [
    ['alg none with an empty signature', () => forgeJwt({ alg: 'none', typ: 'at+jwt' }, claims())],
    ['alg none written NoNe', () => forgeJwt({ alg: 'NoNe', typ: 'at+jwt' }, claims())],
    ['HS384 signed with the right key', () => forgeJwt({ alg: 'HS384', typ: 'at+jwt' }, claims(), key)],
    ['HS512 signed with the right key', () => forgeJwt({ alg: 'HS512', typ: 'at+jwt' }, claims(), key)],
    [
      'HS256 signed with another secret',
      () => forgeJwt(header(), claims(), deriveKeys(randomBytes(32).toString('hex')).accessToken),
    ],
    [
      'HS256 signed with the raw AUTH_SECRET instead of the derived key',
      () => forgeJwt(header(), claims(), Buffer.from(t.config.authSecret!)),
    ],
    [
      'an attacker key embedded as a jwk header',
      () => forgeJwt({ ...header(), jwk: { kty: 'oct', k: attackerKey.toString('base64url') } }, claims(), attackerKey),
    ],
    ['an attacker kid', () => forgeJwt({ ...header(), kid: 'attacker' }, claims(), attackerKey)],
    ['an attacker jku', () => forgeJwt({ ...header(), jku: 'http://127.0.0.1:1/jwks.json' }, claims(), attackerKey)],
    ['typ JWT instead of at+jwt', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims(), key)],
    ['no typ', () => forgeJwt({ alg: 'HS256' }, claims(), key)],
    ['a wrong issuer', () => forgeJwt(header(), { ...claims(), iss: 'someone-else' }, key)],
    ['a wrong audience', () => forgeJwt(header(), { ...claims(), aud: 'another-service' }, key)],
    ['no exp', () => forgeJwt(header(), without('exp'), key)],
    ['no sid', () => forgeJwt(header(), without('sid'), key)],
    ['no sub', () => forgeJwt(header(), without('sub'), key)],
    ['an exp in the past', () => forgeJwt(header(), { ...claims(), exp: Math.floor(t.clock.now() / 1000) - 1 }, key)],
    ['a sid naming no session', () => forgeJwt(header(), { ...claims(), sid: 'no-such-session' }, key)],
    [
      'a tampered payload under the original signature',
      () => {
        const [h, , s] = user.accessToken.split('.');
        const payload = Buffer.from(JSON.stringify({ ...claims(), sub: 'someone-else' })).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
    ],
  ];

  for (const [name, forge] of forgeries) {
    it(`refuses a token with ${name}: 401`, async () => {
      assertError(await me(forge()), 'UNAUTHORIZED');
    });
  }

  describe('the Authorization header', () => {
    const refused: ReadonlyArray<[string, () => Record<string, string>]> = [
      ['missing', () => ({})],
      ['a refresh token presented as Bearer', () => bearer(user.refreshToken)],
      ['the scheme alone', () => ({ authorization: 'Bearer' })],
      ['the scheme and an empty token', () => ({ authorization: 'Bearer ' })],
      ['the token without a scheme', () => ({ authorization: user.accessToken })],
      ['another scheme', () => ({ authorization: `Basic ${user.accessToken}` })],
      ['the token followed by more text', () => ({ authorization: `Bearer ${user.accessToken} extra` })],
      ['two tokens joined by a comma', () => ({ authorization: `Bearer ${user.accessToken},${user.accessToken}` })],
      ['a token that is not a JWT', () => ({ authorization: 'Bearer not-a-jwt' })],
      ['a truncated token', () => bearer(user.accessToken.slice(0, -5))],
    ];
    for (const [name, headers] of refused) {
      it(`refuses ${name}: 401`, async () => {
        assertError(await t.get('/api/v1/auth/me', headers()), 'UNAUTHORIZED');
      });
    }
  });

  // Last: it ends the session the other tests use.
  it('refuses a genuine token once its session has logged out, and a forged one for that session too', async () => {
    assert.equal((await me(user.accessToken)).status, 200);
    assert.equal((await logout(t, user.refreshToken)).status, 200);
    assertError(await me(user.accessToken), 'UNAUTHORIZED');
    assertError(await me(forgeJwt(header(), claims(), key)), 'UNAUTHORIZED');
  });
});
