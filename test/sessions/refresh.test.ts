import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { sha256Hex } from '../../src/crypto/keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';

forEachDatabase('refresh token rotation', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('a refresh answers a new pair for the same user and session, and the old refresh token stops working', async () => {
    const user = await signIn(t);
    const renewed = await refresh(t, user.refreshToken);
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    assert.deepEqual(Object.keys(renewed.body).sort(), [
      'access_token',
      'expires_in',
      'message',
      'refresh_token',
      'success',
      'token_type',
    ]);
    assert.equal(renewed.body.success, true);
    assert.equal(renewed.body.token_type, 'Bearer');
    assert.equal(renewed.body.expires_in, 900);
    assert.notEqual(renewed.body.refresh_token, user.refreshToken);
    const claims = decodeJwt(renewed.body.access_token);
    assert.equal(claims.sub, user.userId);
    assert.equal(claims.sid, user.sessionId);
    assert.equal(await meStatus(t, renewed.body.access_token), 200);

    assertError(await refresh(t, user.refreshToken), 'UNAUTHORIZED');
  });

  it('reusing a rotated refresh token revokes the whole family: the newest refresh and access tokens stop working', async () => {
    const user = await signIn(t);
    const second = await refresh(t, user.refreshToken);
    const third = await refresh(t, second.body.refresh_token);
    assert.equal(third.status, 200);
    assert.equal(await meStatus(t, third.body.access_token), 200);

    assertError(await refresh(t, user.refreshToken), 'UNAUTHORIZED');

    assertError(await refresh(t, third.body.refresh_token), 'UNAUTHORIZED');
    assertError(await t.get('/api/v1/auth/me', { authorization: `Bearer ${third.body.access_token}` }), 'UNAUTHORIZED');
  });

  it('revoking one family leaves the same user’s other sessions alive', async () => {
    const phoneSession = await signIn(t);
    const rotated = await refresh(t, phoneSession.refreshToken);
    assert.equal(rotated.status, 200);
    // A second session of another sign-in, untouched by the reuse below.
    const other = await signIn(t);

    assertError(await refresh(t, phoneSession.refreshToken), 'UNAUTHORIZED');
    assert.equal(await meStatus(t, other.accessToken), 200);
    assert.equal((await refresh(t, other.refreshToken)).status, 200);
  });

  it('ten parallel refreshes with one token give exactly one new pair', async () => {
    const user = await signIn(t);
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(t, user.refreshToken)));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [200, 401, 401, 401, 401, 401, 401, 401, 401, 401]);
    for (const answer of answers.filter((a) => a.status === 401)) assertError(answer, 'UNAUTHORIZED');
  });

  it('stores refresh tokens only as their SHA-256 hash, never the token itself', async () => {
    const user = await signIn(t);
    const renewed = await refresh(t, user.refreshToken);
    const rows = await t.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('family_id', '=', user.sessionId)
      .execute();
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.token_hash).sort(),
      [sha256Hex(user.refreshToken), sha256Hex(renewed.body.refresh_token)].sort(),
    );
    const stored = JSON.stringify(rows);
    assert.equal(stored.includes(user.refreshToken), false);
    assert.equal(stored.includes(renewed.body.refresh_token), false);
  });

  it('a refresh token that was never issued, or is not a token at all, answers 401', async () => {
    assertError(await refresh(t, 'A'.repeat(43)), 'UNAUTHORIZED');
    assertError(await refresh(t, "' OR '1'='1"), 'UNAUTHORIZED');
  });
});
