import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { forgeJwt } from '../helpers/session-jwt.ts';
import { bearer, logout, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';
import { signJws, storedPrivateKey, validClaims } from '../helpers/signing-keys.ts';

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

/**
 * Every forged token below differs from a valid one in exactly one property. The first test shows that a
 * token built the same way with nothing changed is accepted, so each refusal is about that one property.
 */
forEachDatabase('access tokens on /me', (backend) => {
  let t: TestApp;
  let user: SignedInUser;
  /** The key that signs now, and its kid. */
  let ours: { kid: string; privateKey: KeyObject };
  /** The public key's bytes in every form a confused verifier might take as an HMAC secret. */
  let publicForms: Array<[string, Uint8Array]>;
  const attackerSecret = randomBytes(32);
  const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  before(async () => {
    t = await startTestApp(backend);
    user = await signIn(t);
    ours = await storedPrivateKey(t);
    const jwks = (await t.get('/.well-known/jwks.json')).body;
    const publicKey = t.app.signingKeys && (await t.app.signingKeys.verifier(ours.kid))!.publicKey;
    publicForms = [
      ['its JWK as served', Buffer.from(JSON.stringify(jwks.keys[0]))],
      ['its PEM', Buffer.from(publicKey.export({ format: 'pem', type: 'spki' }) as string)],
      ['its DER', publicKey.export({ format: 'der', type: 'spki' }) as Buffer],
      ['its x coordinate', Buffer.from(jwks.keys[0].x, 'base64url')],
    ];
  });
  after(() => t?.close());

  const header = (): Header => ({ alg: 'ES256', typ: 'at+jwt', kid: ours.kid });
  const claims = (): Claims => validClaims(t, user);
  /** A token signed with our signing key: header and claims exactly as given. */
  const signed = (h: Header, c: Claims, key: KeyObject = ours.privateKey) => signJws(h, c, key);
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
    const answer = await me(await signed(header(), claims()));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.user.id, user.userId);
  });

  it('accepts an HS256 token of the old kind, signed before the upgrade with the old key (control)', async () => {
    const answer = await me(forgeJwt({ alg: 'HS256', typ: 'at+jwt' }, legacy(), hmacKey()));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  });

  it('refuses HS256 tokens whose HMAC secret is the public signing key, in every form: 401', async () => {
    for (const [form, bytes] of publicForms) {
      for (const h of [
        { alg: 'HS256', typ: 'at+jwt', kid: ours.kid },
        { alg: 'HS256', typ: 'at+jwt' },
      ]) {
        const answer = await me(forgeJwt(h, claims(), bytes));
        assert.equal(answer.status, 401, `${form}, kid ${'kid' in h}`);
        assertError(answer, 'UNAUTHORIZED');
      }
    }
  });

  const attackerJwk = () => attacker.publicKey.export({ format: 'jwk' });
  const forgeries: ReadonlyArray<[string, () => string | Promise<string>]> = [
    ['alg none with an empty signature', () => forgeJwt({ alg: 'none', typ: 'at+jwt', kid: ours.kid }, claims())],
    ['alg none written NoNe', () => forgeJwt({ alg: 'NoNe', typ: 'at+jwt' }, claims())],
    ['HS384 signed with the old HMAC key', () => forgeJwt({ alg: 'HS384', typ: 'at+jwt' }, legacy(), hmacKey())],
    ['HS512 signed with the old HMAC key', () => forgeJwt({ alg: 'HS512', typ: 'at+jwt' }, legacy(), hmacKey())],
    [
      'ES384 in the header over our ES256 signature',
      async () => {
        const [, payload, signature] = (await signed(header(), claims())).split('.');
        const relabelled = Buffer.from(JSON.stringify({ ...header(), alg: 'ES384' })).toString('base64url');
        return `${relabelled}.${payload}.${signature}`;
      },
    ],
    [
      'HS256 signed with another secret',
      () =>
        forgeJwt({ alg: 'HS256', typ: 'at+jwt' }, legacy(), deriveKeys(randomBytes(32).toString('hex')).accessToken),
    ],
    [
      'HS256 signed with the raw AUTH_SECRET instead of the derived key',
      () => forgeJwt({ alg: 'HS256', typ: 'at+jwt' }, legacy(), Buffer.from(t.config.authSecret!)),
    ],
    [
      'an attacker HMAC key embedded as a jwk header',
      () =>
        forgeJwt(
          { alg: 'HS256', typ: 'at+jwt', jwk: { kty: 'oct', k: attackerSecret.toString('base64url') } },
          claims(),
          attackerSecret,
        ),
    ],
    [
      'an attacker EC key embedded as a jwk header',
      () => signed({ alg: 'ES256', typ: 'at+jwt', jwk: attackerJwk() }, claims(), attacker.privateKey),
    ],
    [
      'an attacker EC key embedded as a jwk header, with our kid',
      () => signed({ ...header(), jwk: attackerJwk() }, claims(), attacker.privateKey),
    ],
    ['an attacker kid', () => signed({ ...header(), kid: 'attacker' }, claims(), attacker.privateKey)],
    ['our kid over an attacker signature', () => signed(header(), claims(), attacker.privateKey)],
    [
      'an attacker jku',
      () => signed({ alg: 'ES256', typ: 'at+jwt', jku: 'http://127.0.0.1:1/jwks.json' }, claims(), attacker.privateKey),
    ],
    [
      'an attacker x5u with our kid',
      () => signed({ ...header(), x5u: 'http://127.0.0.1:1/cert.pem' }, claims(), attacker.privateKey),
    ],
    ['no kid', () => signed({ alg: 'ES256', typ: 'at+jwt' }, claims())],
    ['typ JWT instead of at+jwt', () => signed({ ...header(), typ: 'JWT' }, claims())],
    ['no typ', () => signed({ alg: 'ES256', kid: ours.kid }, claims())],
    ['a wrong issuer', () => signed(header(), { ...claims(), iss: 'someone-else' })],
    ['the old issuer otpgate', () => signed(header(), { ...claims(), iss: 'otpgate' })],
    ['a wrong audience', () => signed(header(), { ...claims(), aud: 'another-service' })],
    ['no exp', () => signed(header(), without('exp'))],
    ['no iat', () => signed(header(), without('iat'))],
    ['no sid', () => signed(header(), without('sid'))],
    ['no sub', () => signed(header(), without('sub'))],
    ['an exp in the past', () => signed(header(), { ...claims(), exp: Math.floor(t.clock.now() / 1000) - 1 })],
    ['a sid naming no session', () => signed(header(), { ...claims(), sid: 'no-such-session' })],
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
      assertError(await me(await forge()), 'UNAUTHORIZED');
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
    assertError(await me(await signed(header(), claims())), 'UNAUTHORIZED');
  });

  /** Claims as the HS256 tokens from before ES256 carried them. */
  function legacy(): Claims {
    return { ...claims(), iss: 'otpgate', aud: 'otpgate', iat: Math.floor(t.clock.now() / 1000) - 60 };
  }
  function hmacKey(): Uint8Array {
    return deriveKeys(t.config.authSecret!).accessToken;
  }
});
