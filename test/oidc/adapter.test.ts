import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KyselyPlugin } from 'kysely';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { startMaintenance } from '../../src/maintenance.ts';
import { oidcAdapterFactory, type OidcAdapter } from '../../src/oidc/adapter.ts';
import { createClientRepository } from '../../src/oidc/client-repository.ts';
import { createOidcClients } from '../../src/oidc/clients.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { frozenClock } from '../helpers/clock.ts';

/** Counts the rows UPDATE statements change, to see how many of several consumes wrote. */
function updateCounter() {
  let updated = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    async transformResult({ result }) {
      updated += Number(result.numAffectedRows ?? 0n);
      return result;
    },
  };
  return { plugin, updated: () => updated };
}

forEachDatabase('the oidc-provider adapter', (backend) => {
  let database: DatabaseHandle;
  let drop: () => Promise<void>;
  const clock = frozenClock(Date.UTC(2026, 0, 1, 12));
  let adapterFor: (model: string) => OidcAdapter;
  before(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = createDatabase(loadConfig({ DATABASE_URL: created.url }).database);
    await migrateToLatest(database);
    adapterFor = oidcAdapterFactory({ db: database.db, now: clock.now });
  });
  after(async () => {
    await database?.close();
    await drop?.();
  });

  it('find answers what upsert stored, for its own model only; nothing for an unknown id', async () => {
    const codes = adapterFor('AuthorizationCode');
    const payload = { iat: 1, exp: 2, jti: 'code-1', kind: 'AuthorizationCode', grantId: 'g-1', scope: 'openid' };
    await codes.upsert('code-1', payload, 60);
    assert.deepEqual(await codes.find('code-1'), payload);
    assert.equal(await codes.find('code-2'), undefined);
    assert.equal(await adapterFor('AccessToken').find('code-1'), undefined);
  });

  it('upsert replaces the payload and what it is looked up by', async () => {
    const sessions = adapterFor('Session');
    await sessions.upsert('s-1', { jti: 's-1', uid: 'uid-old', accountId: 'a' }, 600);
    await sessions.upsert('s-1', { jti: 's-1', uid: 'uid-new', accountId: 'b' }, 600);
    assert.deepEqual(await sessions.find('s-1'), { jti: 's-1', uid: 'uid-new', accountId: 'b' });
    assert.equal(await sessions.findByUid('uid-old'), undefined);
    assert.deepEqual(await sessions.findByUid('uid-new'), { jti: 's-1', uid: 'uid-new', accountId: 'b' });
    const rows = await database.db.selectFrom('oidc_payloads').select('id').where('id', '=', 's-1').execute();
    assert.equal(rows.length, 1);
  });

  it('findByUserCode finds a device code by its user code', async () => {
    const devices = adapterFor('DeviceCode');
    await devices.upsert('dc-1', { jti: 'dc-1', userCode: 'ABCD-EFGH', grantId: 'g-dc' }, 600);
    assert.deepEqual(await devices.findByUserCode('ABCD-EFGH'), {
      jti: 'dc-1',
      userCode: 'ABCD-EFGH',
      grantId: 'g-dc',
    });
    assert.equal(await devices.findByUserCode('ABCD-EFGX'), undefined);
    assert.equal(await adapterFor('Session').findByUserCode('ABCD-EFGH'), undefined);
  });

  it('an entry is absent from the moment it expires, by id, uid and user code; one without expiry stays', async () => {
    const sessions = adapterFor('Session');
    const devices = adapterFor('DeviceCode');
    const grants = adapterFor('Grant');
    await sessions.upsert('s-exp', { jti: 's-exp', uid: 'uid-exp' }, 60);
    await devices.upsert('dc-exp', { jti: 'dc-exp', userCode: 'EXPI-RING' }, 60);
    await grants.upsert('g-forever', { jti: 'g-forever' });
    clock.advance(59_999);
    assert.ok(await sessions.find('s-exp'));
    assert.ok(await sessions.findByUid('uid-exp'));
    assert.ok(await devices.findByUserCode('EXPI-RING'));
    clock.advance(1);
    assert.equal(await sessions.find('s-exp'), undefined);
    assert.equal(await sessions.findByUid('uid-exp'), undefined);
    assert.equal(await devices.findByUserCode('EXPI-RING'), undefined);
    clock.advance(365 * 24 * 3600_000);
    assert.deepEqual(await grants.find('g-forever'), { jti: 'g-forever' });
  });

  it('consume marks the entry with the time of the first consume, in seconds; a later save keeps it', async () => {
    const refresh = adapterFor('RefreshToken');
    await refresh.upsert('rt-1', { jti: 'rt-1', grantId: 'g-rt' }, 600);
    const first = clock.now();
    await refresh.consume('rt-1');
    assert.deepEqual(await refresh.find('rt-1'), { jti: 'rt-1', grantId: 'g-rt', consumed: Math.floor(first / 1000) });
    clock.advance(5000);
    await assert.rejects(refresh.consume('rt-1'), /already used/, 'a refresh token is spent once');
    await refresh.upsert('rt-1', { jti: 'rt-1', grantId: 'g-rt', saved: 'again' }, 600);
    assert.equal((await refresh.find('rt-1'))?.consumed, Math.floor(first / 1000));
    await assert.rejects(refresh.consume('never-stored'), /already used/);
    assert.equal(await refresh.find('never-stored'), undefined);
  });

  it('an entry that is not single-use may be consumed again: the first time stays', async () => {
    const sessions = adapterFor('Session');
    await sessions.upsert('s-1', { jti: 's-1' }, 600);
    const first = clock.now();
    await sessions.consume('s-1');
    clock.advance(5000);
    await sessions.consume('s-1');
    assert.equal((await sessions.find('s-1'))?.consumed, Math.floor(first / 1000));
  });

  for (const model of ['AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']) {
    it(`two consumes of one ${model} at once: exactly one succeeds, the other throws the given error`, async () => {
      const counter = updateCounter();
      const spent = (name: string) => Object.assign(new Error(`${name} spent`), { model: name });
      const entries = oidcAdapterFactory({
        db: database.db.withPlugin(counter.plugin),
        now: clock.now,
        alreadyConsumed: spent,
      })(model);
      await entries.upsert(`${model}-race`, { jti: `${model}-race`, grantId: 'g-race' }, 600);
      const before = counter.updated();
      const at = clock.now();
      const outcomes = await Promise.allSettled([entries.consume(`${model}-race`), entries.consume(`${model}-race`)]);
      assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
      const loser = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      assert.equal(loser.reason.message, `${model} spent`);
      assert.equal(counter.updated() - before, 1, 'one of the two consumes changed the row');
      const row = await database.db
        .selectFrom('oidc_payloads')
        .select('consumed_at')
        .where('model', '=', model)
        .where('id', '=', `${model}-race`)
        .executeTakeFirstOrThrow();
      assert.equal(row.consumed_at, at);
    });
  }

  it('destroy deletes one entry of one model', async () => {
    const grants = adapterFor('Grant');
    const interactions = adapterFor('Interaction');
    await grants.upsert('shared-id', { jti: 'shared-id' }, 600);
    await interactions.upsert('shared-id', { jti: 'shared-id', uid: 'i-uid' }, 600);
    await grants.destroy('shared-id');
    assert.equal(await grants.find('shared-id'), undefined);
    assert.ok(await interactions.find('shared-id'));
    await grants.destroy('shared-id');
  });

  it("revokeByGrantId deletes this model's entries of the grant, and nothing else", async () => {
    const access = adapterFor('AccessToken');
    const refresh = adapterFor('RefreshToken');
    await access.upsert('at-1', { jti: 'at-1', grantId: 'g-revoke' }, 600);
    await access.upsert('at-2', { jti: 'at-2', grantId: 'g-revoke' }, 600);
    await access.upsert('at-3', { jti: 'at-3', grantId: 'g-other' }, 600);
    await refresh.upsert('rt-2', { jti: 'rt-2', grantId: 'g-revoke' }, 600);
    await access.revokeByGrantId('g-revoke');
    assert.equal(await access.find('at-1'), undefined);
    assert.equal(await access.find('at-2'), undefined);
    assert.ok(await access.find('at-3'));
    assert.ok(await refresh.find('rt-2'), 'the provider revokes each model in turn');
    await refresh.revokeByGrantId('g-revoke');
    assert.equal(await refresh.find('rt-2'), undefined);
  });

  it('Client is answered from the registry: an enabled client as metadata, a disabled one not at all', async () => {
    const registry = createOidcClients({ clients: createClientRepository(database.db), now: clock.now });
    const input = {
      name: 'Shop web',
      redirectUris: ['https://shop.example.com/callback'],
      postLogoutRedirectUris: ['https://shop.example.com/'],
      firstParty: true,
      isPublic: false,
    };
    const { client, secret } = await registry.create(input, CLI_ACTOR);
    const clients = adapterFor('Client');
    const metadata = await clients.find(client.clientId);
    assert.deepEqual(metadata, {
      client_id: client.clientId,
      client_name: 'Shop web',
      client_secret: (await database.db
        .selectFrom('oidc_clients')
        .select('secret_hash')
        .where('client_id', '=', client.clientId)
        .executeTakeFirstOrThrow())!.secret_hash,
      redirect_uris: ['https://shop.example.com/callback'],
      post_logout_redirect_uris: ['https://shop.example.com/'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
      first_party: true,
    });
    assert.notEqual(metadata?.client_secret, secret, 'the provider holds the hash, never the secret');
    assert.equal(await clients.find('no-such-client'), undefined);
    await assert.rejects(clients.upsert('x', { client_id: 'x' }), /registered with `otpgate clients`/);
    await assert.rejects(clients.destroy(client.clientId), /registered with `otpgate clients`/);

    const publicApp = await registry.create({ ...input, name: 'Shop app', isPublic: true }, CLI_ACTOR);
    const publicMetadata = await clients.find(publicApp.client.clientId);
    assert.equal(publicMetadata?.token_endpoint_auth_method, 'none');
    assert.equal('client_secret' in publicMetadata!, false);

    await registry.disable(client.clientId, CLI_ACTOR);
    assert.equal(await clients.find(client.clientId), undefined);
  });

  it('maintenance deletes expired entries and keeps live ones and those without expiry', async () => {
    const sessions = adapterFor('Session');
    await sessions.upsert('sweep-old', { jti: 'sweep-old', uid: 'sweep-old' }, 1);
    await sessions.upsert('sweep-live', { jti: 'sweep-live', uid: 'sweep-live' }, 3600);
    await sessions.upsert('sweep-forever', { jti: 'sweep-forever', uid: 'sweep-forever' });
    clock.advance(2000);
    const ids = async () =>
      (
        await database.db
          .selectFrom('oidc_payloads')
          .select('id')
          .where('id', 'like', 'sweep-%')
          .orderBy('id')
          .execute()
      ).map((row) => row.id);
    const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
    const stop = startMaintenance(database, log, { smsLogRetentionDays: 0 }, clock.now);
    const deadline = Date.now() + 10_000;
    while ((await ids()).includes('sweep-old') && Date.now() < deadline) await sleep(20);
    await stop();
    assert.deepEqual(await ids(), ['sweep-forever', 'sweep-live']);
  });
});
