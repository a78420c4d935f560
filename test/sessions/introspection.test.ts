import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SCOPE_NAMES } from '../../src/api-keys/scopes.ts';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { INTROSPECT, introspect } from '../helpers/introspect.ts';
import { assertError } from '../helpers/session-errors.ts';
import { forgeJwt } from '../helpers/session-jwt.ts';
import { bearer, logout, refresh, signIn } from '../helpers/session-sign-in.ts';
import { signJws, storedPrivateKey, validClaims } from '../helpers/signing-keys.ts';

const INACTIVE = { success: true, active: false };

forEachDatabase('token introspection (RFC 7662)', (backend) => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await startTestApp(backend);
    key = (await newKey(t, ['tokens:introspect'])).secret;
  });
  after(() => t?.close());

  it('a live token is active, with its claims; the answer is never cached', async () => {
    const user = await signIn(t);
    const answer = await introspect(t, user.accessToken, key, '&token_type_hint=access_token');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.headers['cache-control'], 'no-store');
    const { exp, iat, auth_time, jti, ...rest } = answer.body;
    assert.deepEqual(rest, {
      success: true,
      active: true,
      sub: user.userId,
      sid: user.sessionId,
      phone_number: user.phone,
      phone_number_verified: true,
      amr: ['sms'],
      iss: t.config.tokens.issuer,
      aud: 'otpgate',
      token_type: 'Bearer',
    });
    assert.equal(exp - iat, 900);
    assert.equal(typeof auth_time, 'number');
    assert.equal(typeof jti, 'string');
  });

  it('answers the external id a token carries', async () => {
    const user = await signIn(t);
    const { kid, privateKey } = await storedPrivateKey(t);
    const token = await signJws(
      { typ: 'at+jwt', kid },
      { ...validClaims(t, user), external_id: 'shop-42' },
      privateKey,
    );
    assert.equal((await introspect(t, token, key)).body.external_id, 'shop-42');
  });

  it('anything but a live access token is inactive, and says nothing more', async () => {
    const user = await signIn(t);
    const [h, p] = user.accessToken.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: 'someone' })).toString('base64url')}.${user.accessToken.split('.')[2]}`;
    for (const token of [
      'garbage',
      `${h}.${p}.`,
      tampered,
      forgeJwt({ alg: 'none', typ: 'at+jwt' }, { sub: user.userId, sid: user.sessionId }),
      user.refreshToken,
    ]) {
      assert.deepEqual((await introspect(t, token, key)).body, INACTIVE, token.slice(0, 40));
    }
  });

  it('a token whose session logged out, or was revoked by a reused refresh token, is inactive', async () => {
    const out = await signIn(t);
    assert.equal((await introspect(t, out.accessToken, key)).body.active, true);
    assert.equal((await logout(t, out.refreshToken)).status, 200);
    assert.deepEqual((await introspect(t, out.accessToken, key)).body, INACTIVE);

    const copied = await signIn(t);
    assert.equal((await refresh(t, copied.refreshToken)).status, 200);
    assert.equal((await refresh(t, copied.refreshToken)).status, 401, 'reuse revokes the family');
    assert.deepEqual((await introspect(t, copied.accessToken, key)).body, INACTIVE);
  });

  it('needs an admin key with tokens:introspect: none or a user token is 401, another scope 403', async () => {
    const user = await signIn(t);
    assertError(await introspect(t, user.accessToken, undefined), 'UNAUTHORIZED');
    assertError(await introspect(t, user.accessToken, user.accessToken), 'UNAUTHORIZED');
    const others = SCOPE_NAMES.filter((scope) => scope !== 'tokens:introspect');
    assertError(await introspect(t, user.accessToken, (await newKey(t, others)).secret), 'FORBIDDEN');
  });

  it('takes a form of one token: JSON 415, no token, an unknown or repeated field 400, over 8 KiB 413', async () => {
    const user = await signIn(t);
    const post = (payload: string, type = 'application/x-www-form-urlencoded') =>
      t.inject({ method: 'POST', url: INTROSPECT, headers: { ...bearer(key), 'content-type': type }, payload });
    const json = await post(JSON.stringify({ token: user.accessToken }), 'application/json');
    assert.equal(json.statusCode, 415);
    for (const body of ['', 'token_type_hint=access_token', `token=${user.accessToken}&scope=x`, `token=a&token=b`]) {
      const answer = await post(body);
      assert.equal(answer.statusCode, 400, body);
      assert.equal(answer.json().code, 'VALIDATION_ERROR');
    }
    const big = await post(`token=${'a'.repeat(9000)}`);
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, 'PAYLOAD_TOO_LARGE');
  });

  // Last: it moves the clock.
  it('an expired token is inactive', async () => {
    const user = await signIn(t);
    t.clock.advance(900_000 + 1000);
    assert.deepEqual((await introspect(t, user.accessToken, key)).body, INACTIVE);
  });
});
