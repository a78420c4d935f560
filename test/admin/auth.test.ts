import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { apiKeysOf, newKey } from '../helpers/api-keys.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';

const WHOAMI = '/api/v1/admin/keys/whoami';
const KEYS = '/api/v1/admin/keys';

forEachDatabase('admin API keys', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('a valid key is told who it is, whatever its scopes', async () => {
    const { secret, id, prefix } = await newKey(t, ['sms:read', 'sms:send'], 'shop backend');
    const answer = await t.get(WHOAMI, bearer(secret));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      success: true,
      // Scopes come back in the canonical order, not the order they were given in.
      key: { id, name: 'shop backend', prefix, scopes: ['sms:send', 'sms:read'] },
    });
    assert.equal(prefix, secret.slice(0, 13));
  });

  it('the Bearer scheme is read in any case, as RFC 9110 has it: bearer, BEARER, and more than one space', async () => {
    const { secret } = await newKey(t, ['keys:read']);
    for (const authorization of [`bearer ${secret}`, `BEARER ${secret}`, `bEaReR ${secret}`, `Bearer   ${secret}`]) {
      const answer = await t.get(WHOAMI, { authorization });
      assert.equal(answer.status, 200, `${authorization.split(' ')[0]}: ${JSON.stringify(answer.body)}`);
    }
  });

  it('no key, a key nobody issued, or something that is not a bearer key: 401 UNAUTHORIZED', async () => {
    const { secret } = await newKey(t, ['keys:read']);
    const refused: Array<Record<string, string>> = [
      {},
      bearer(`otpg_${randomBytes(32).toString('base64url')}`),
      bearer(`${secret}x`),
      bearer(secret.slice(0, -1)),
      { authorization: secret },
      { authorization: `Bearer${secret}` },
      { authorization: `Basic ${Buffer.from(`x:${secret}`).toString('base64')}` },
    ];
    for (const headers of refused) {
      for (const url of [WHOAMI, KEYS]) assertError(await t.get(url, headers), 'UNAUTHORIZED');
    }
  });

  it("a user's access token is accepted only from staff: anyone else's is 403 STAFF_ONLY", async () => {
    const user = await signIn(t);
    assert.equal((await t.get('/api/v1/auth/me', bearer(user.accessToken))).status, 200, 'the token is valid');
    assertError(await t.get(WHOAMI, bearer(user.accessToken)), 'STAFF_ONLY');
    assertError(await t.get(KEYS, bearer(user.accessToken)), 'STAFF_ONLY');
  });

  it('a revoked key is refused on the next request', async () => {
    const { secret, prefix } = await newKey(t, ['keys:read']);
    assert.equal((await t.get(KEYS, bearer(secret))).status, 200);
    const revoked = await apiKeysOf(t).revoke(prefix, CLI_ACTOR);
    assert.equal(revoked.outcome, 'revoked');
    assertError(await t.get(WHOAMI, bearer(secret)), 'UNAUTHORIZED');
    assertError(await t.get(KEYS, bearer(secret)), 'UNAUTHORIZED');
  });

  it("a key without the route's scope gets 403 FORBIDDEN, one with it gets 200", async () => {
    const { secret: without } = await newKey(t, ['sms:send', 'sms:read', 'templates:read', 'templates:write']);
    const refused = await t.get(KEYS, bearer(without));
    assertError(refused, 'FORBIDDEN');
    assert.equal(refused.body.message, 'This API key does not have the keys:read scope');
    const { secret: holder } = await newKey(t, ['keys:read']);
    assert.equal((await t.get(KEYS, bearer(holder))).status, 200);
  });
});

forEachDatabase('listing API keys over HTTP', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('lists every key, revoked ones included, with no secret and no hash', async () => {
    const reader = await newKey(t, ['keys:read'], 'auditor');
    t.clock.advance(1000);
    const other = await newKey(t, ['sms:send'], 'old integration');
    await apiKeysOf(t).revoke(other.id, CLI_ACTOR);
    const answer = await t.get(KEYS, bearer(reader.secret));
    assert.equal(answer.status, 200);
    const keys = answer.body.keys as Array<Record<string, unknown>>;
    assert.deepEqual(
      keys.map((k) => Object.keys(k).sort()),
      [0, 1].map(() => ['created_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'scopes']),
    );
    assert.deepEqual(
      keys.map(({ id, name, prefix, scopes }) => ({ id, name, prefix, scopes })),
      [
        { id: reader.id, name: 'auditor', prefix: reader.prefix, scopes: ['keys:read'] },
        { id: other.id, name: 'old integration', prefix: other.prefix, scopes: ['sms:send'] },
      ],
    );
    assert.equal(keys[0]!.revoked_at, null);
    assert.match(String(keys[1]!.revoked_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The reader's own request was its first use; the revoked key was never used.
    assert.equal(typeof keys[0]!.last_used_at, 'string');
    assert.equal(keys[1]!.last_used_at, null);
    const text = JSON.stringify(answer.body);
    for (const secret of [reader.secret, other.secret]) assert.equal(text.includes(secret), false);
  });

  it('last use is written at most once a minute per key', async () => {
    const { secret, id } = await newKey(t, ['sms:read']);
    const lastUsed = async () =>
      (await t.database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow())
        .last_used_at;
    assert.equal(await lastUsed(), null);
    const first = t.clock.now();
    assert.equal((await t.get(WHOAMI, bearer(secret))).status, 200);
    const written = await lastUsed();
    assert.ok(written !== null && written >= first && written <= t.clock.now(), `last_used_at ${written}`);
    t.clock.advance(59_000);
    for (let i = 0; i < 3; i += 1) assert.equal((await t.get(WHOAMI, bearer(secret))).status, 200);
    assert.equal(await lastUsed(), written, 'unchanged within the minute');
    t.clock.advance(1_000);
    const later = t.clock.now();
    assert.equal((await t.get(WHOAMI, bearer(secret))).status, 200);
    const rewritten = await lastUsed();
    assert.ok(rewritten !== null && rewritten >= later, `rewritten a minute later (${written} -> ${rewritten})`);
  });
});

forEachDatabase('revoking a key by id or prefix', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('revokes once: a second revoke says it already was, an unknown reference is not found', async () => {
    const keys = apiKeysOf(t);
    const { id, prefix } = await newKey(t, ['sms:read']);
    const first = await keys.revoke(id, CLI_ACTOR);
    assert.equal(first.outcome, 'revoked');
    const second = await keys.revoke(prefix, CLI_ACTOR);
    assert.equal(second.outcome, 'already_revoked');
    assert.equal(
      second.outcome === 'already_revoked' && second.key.revokedAt,
      first.outcome === 'revoked' && first.key.revokedAt,
    );
    assert.deepEqual(await keys.revoke('otpg_nothere0', CLI_ACTOR), { outcome: 'not_found' });
  });

  it('of parallel revokes of one key exactly one revokes it', async () => {
    const keys = apiKeysOf(t);
    const { id } = await newKey(t, ['sms:read']);
    const outcomes = (await Promise.all(Array.from({ length: 8 }, () => keys.revoke(id, CLI_ACTOR)))).map(
      (r) => r.outcome,
    );
    assert.equal(outcomes.filter((o) => o === 'revoked').length, 1, outcomes.join(','));
    assert.equal(outcomes.filter((o) => o === 'already_revoked').length, 7, outcomes.join(','));
  });

  it('a prefix two keys share is refused rather than guessed', async () => {
    const { id, prefix } = await newKey(t, ['sms:read'], 'first');
    // Two keys with one shown prefix cannot be made on purpose; give the second the first's prefix.
    const { id: twin } = await newKey(t, ['sms:read'], 'second');
    await t.database.db.updateTable('api_keys').set({ prefix }).where('id', '=', twin).execute();
    assert.deepEqual(await apiKeysOf(t).revoke(prefix, CLI_ACTOR), { outcome: 'ambiguous', matches: 2 });
    assert.equal((await apiKeysOf(t).revoke(id, CLI_ACTOR)).outcome, 'revoked');
  });
});
