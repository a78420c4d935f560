import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { introspect } from '../helpers/introspect.ts';
import { forgeJwt } from '../helpers/session-jwt.ts';
import { meStatus, signIn, type SignedInUser } from '../helpers/session-sign-in.ts';
import { signingKeysOf } from '../helpers/signing-keys.ts';

/**
 * HS256 tokens as every token was signed before ES256: the key derived from AUTH_SECRET, issuer and audience
 * `otpgate`. They are accepted if issued before the first signing key was made, for one access-token lifetime
 * after it, and never otherwise.
 */
forEachDatabase('access tokens from before the signing keys', (backend) => {
  let t: TestApp;
  let user: SignedInUser;
  let upgradedAt: number;
  let key: string;
  before(async () => {
    t = await startTestApp(backend);
    user = await signIn(t);
    upgradedAt = (await signingKeysOf(t).all())[0]!.created_at;
    key = (await newKey(t, ['tokens:introspect'])).secret;
  });
  after(() => t?.close());

  const old = (iat: number, exp = iat + 900) =>
    forgeJwt(
      { alg: 'HS256', typ: 'at+jwt' },
      { sid: user.sessionId, sub: user.userId, iss: 'otpgate', aud: 'otpgate', iat, exp },
      deriveKeys(t.config.authSecret!).accessToken,
    );
  const beforeUpgrade = () => Math.floor(upgradedAt / 1000) - 30;

  it('one issued before the upgrade keeps working, on /me and in introspection', async () => {
    const token = old(beforeUpgrade());
    assert.equal(await meStatus(t, token), 200);
    assert.equal((await introspect(t, token, key)).body.active, true);
  });

  it('one claiming to be issued after the upgrade is refused: no HS256 token is made any more', async () => {
    const token = old(Math.floor(upgradedAt / 1000) + 2);
    assert.equal(await meStatus(t, token), 401);
    assert.equal((await introspect(t, token, key)).body.active, false);
  });

  // Last: it moves the clock.
  it('one access-token lifetime after the upgrade none is accepted, whatever its exp says', async () => {
    const longLived = old(beforeUpgrade(), beforeUpgrade() + 10 * 86_400);
    assert.equal(await meStatus(t, longLived), 200);
    t.clock.advance(upgradedAt + 900_000 - t.clock.now() - 1000);
    assert.equal(await meStatus(t, longLived), 200, 'a second before the window ends');
    t.clock.advance(1000);
    assert.equal(await meStatus(t, longLived), 401);
    assert.equal((await introspect(t, longLived, key)).body.active, false);
    assert.equal(await meStatus(t, (await signIn(t)).accessToken), 200, 'control: a new token works');
  });
});
