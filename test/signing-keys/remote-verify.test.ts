import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, it } from 'node:test';
import { calculateJwkThumbprint, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { PUBLISH_AHEAD_MS, RETIRED_MARGIN_MS } from '../../src/signing-keys/rules.ts';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { introspect } from '../helpers/introspect.ts';
import { meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';
import { signingKeysOf, signJws, storedPrivateKey, validClaims } from '../helpers/signing-keys.ts';

forEachDatabase('tokens a backend verifies alone, with the published keys', (backend) => {
  let t: TestApp;
  let base: string;
  let introspector: string;
  before(async () => {
    t = await startTestApp(backend);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    introspector = (await newKey(t, ['tokens:introspect'])).secret;
  });
  after(() => t?.close());

  /**
   * A shop backend's verifier over a real socket. It never fetches again within the test (no cooldown ends,
   * no cache expires), so a key it verifies with was in the document when it first fetched.
   */
  const remoteKeys = () =>
    createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`), {
      cooldownDuration: 3_600_000,
      cacheMaxAge: 3_600_000,
    });
  const verify = (token: string, keys: ReturnType<typeof remoteKeys>) =>
    jwtVerify(token, keys, {
      issuer: t.config.tokens.issuer,
      audience: 'otpgate',
      typ: 'at+jwt',
      algorithms: ['ES256'],
      currentDate: new Date(t.clock.now()),
    });
  const served = async () => (await fetch(`${base}/.well-known/jwks.json`)).json() as Promise<{ keys: JWK[] }>;

  it('a sign-in token verifies against /.well-known/jwks.json with jose, and carries the OIDC claims', async () => {
    const user = await signIn(t);
    const { payload, protectedHeader } = await verify(user.accessToken, remoteKeys());
    const [key] = (await served()).keys;
    assert.deepEqual(protectedHeader, { alg: 'ES256', typ: 'at+jwt', kid: key!.kid });
    assert.equal(payload.iss, 'http://localhost:3000');
    assert.equal(payload.sub, user.userId);
    assert.equal(payload.sid, user.sessionId);
    assert.equal(payload.phone_number, user.phone);
    assert.equal(payload.phone_number_verified, true);
    assert.equal(typeof payload.jti, 'string');
    assert.equal(typeof payload.auth_time, 'number');
    assert.equal(payload.exp! - payload.iat!, 900);
    assert.equal('external_id' in payload, false, 'no external id was set');

    const renewed = await refresh(t, user.refreshToken);
    const again = await verify(renewed.body.access_token, remoteKeys());
    assert.equal(again.payload.phone_number, user.phone, 'a refreshed token names the number too');
    assert.equal(again.payload.auth_time, payload.auth_time);
  });

  it('the keys are public and cacheable, and the discovery document names the issuer and them', async () => {
    const answer = await fetch(`${base}/.well-known/jwks.json`);
    assert.equal(answer.headers.get('cache-control'), 'public, max-age=300');
    const { keys } = (await answer.json()) as { keys: JWK[] };
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]!).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.equal(keys[0]!.kid, await calculateJwkThumbprint(keys[0]!));

    const discovery = await fetch(`${base}/.well-known/openid-configuration`);
    assert.equal(discovery.headers.get('cache-control'), 'public, max-age=300');
    const document = (await discovery.json()) as Record<string, unknown>;
    assert.equal(document.issuer, t.config.tokens.issuer);
    assert.equal(document.jwks_uri, `${t.config.tokens.issuer}/.well-known/jwks.json`);
    assert.equal(document.introspection_endpoint, `${t.config.tokens.issuer}/api/v1/auth/introspect`);
    assert.deepEqual(document.id_token_signing_alg_values_supported, ['ES256']);
    // Everything else is still never cached.
    assert.equal((await fetch(`${base}/livez`)).headers.get('cache-control'), 'no-store');
  });

  it('a token signed by a key that is not published is refused by /me and by introspection', async () => {
    const user = await signIn(t);
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = await calculateJwkThumbprint(stranger.publicKey.export({ format: 'jwk' }) as JWK);
    const forged = await signJws({ typ: 'at+jwt', kid }, validClaims(t, user), stranger.privateKey);
    assert.equal(await meStatus(t, forged), 401);
    assert.deepEqual((await introspect(t, forged, introspector)).body, { success: true, active: false });
    // Control: the same claims under our key pass both.
    const ours = await storedPrivateKey(t);
    const genuine = await signJws({ typ: 'at+jwt', kid: ours.kid }, validClaims(t, user), ours.privateKey);
    assert.equal(await meStatus(t, genuine), 200);
    assert.equal((await introspect(t, genuine, introspector)).body.active, true);
  });

  // Last: it rotates the key and moves the clock.
  it('a rotation publishes the new key before it signs; old tokens verify until their key is dropped', async () => {
    const before = await signIn(t);
    const oldKid = decodeProtectedHeader(before.accessToken).kid!;
    const early = remoteKeys();
    await verify(before.accessToken, early);

    const rotated = await signingKeysOf(t).rotate(false);
    assert.equal(rotated.outcome, 'rotated');
    const newKid = rotated.key.kid;
    await t.app.signingKeys.refresh();
    assert.deepEqual(
      (await served()).keys.map((key) => key.kid),
      [oldKid, newKid],
      'published at once',
    );
    const meanwhile = await signIn(t);
    assert.equal(decodeProtectedHeader(meanwhile.accessToken).kid, oldKid, 'but it does not sign yet');

    // A verifier that fetched the keys after the rotation, before the new key signs, has it already.
    const late = remoteKeys();
    await verify(meanwhile.accessToken, late);
    t.clock.advance(PUBLISH_AHEAD_MS);
    const after = await signIn(t);
    assert.equal(decodeProtectedHeader(after.accessToken).kid, newKid, 'new tokens carry the new kid');
    await verify(after.accessToken, late);
    await assert.rejects(verify(after.accessToken, early), 'a verifier holding only the old key cannot (control)');
    // Old tokens still verify while their key is published.
    await verify(meanwhile.accessToken, late);
    assert.equal(await meStatus(t, meanwhile.accessToken), 200);

    // Once every token the old key signed has expired, it is no longer published nor accepted.
    t.clock.advance(t.config.tokens.accessTtlSeconds * 1000 + RETIRED_MARGIN_MS - 1000);
    assert.deepEqual(
      (await served()).keys.map((key) => key.kid),
      [oldKid, newKid],
      'still published',
    );
    t.clock.advance(1000);
    assert.deepEqual(
      (await served()).keys.map((key) => key.kid),
      [newKid],
      'dropped',
    );
    const old = await storedPrivateKey(t, oldKid);
    const user = await signIn(t);
    const lateForgery = await signJws({ typ: 'at+jwt', kid: oldKid }, validClaims(t, user), old.privateKey);
    assert.equal(await meStatus(t, lateForgery), 401);
    assert.equal((await introspect(t, lateForgery, introspector)).body.active, false);
    assert.equal(await meStatus(t, user.accessToken), 200, 'control: the current key is accepted');
  });
});
