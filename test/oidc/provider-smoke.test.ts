import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import type Provider from 'oidc-provider';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { oidcAdapterFactory } from '../../src/oidc/adapter.ts';
import { compareHashedClientSecrets } from '../../src/oidc/client-secret.ts';
import { createClientRepository } from '../../src/oidc/client-repository.ts';
import { createOidcClients, type NewClient, type OidcClients } from '../../src/oidc/clients.ts';
import { loadOidcProvider } from '../../src/oidc/library.ts';
import { forEachDatabase } from '../helpers/app.ts';

/** oidc-provider as it will be mounted: our adapter, an ES256 key, nothing else of its own. */
async function providerOver(database: DatabaseHandle): Promise<Provider> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: 'smoke' };
  const { default: ProviderClass } = await loadOidcProvider();
  const provider = new ProviderClass('https://auth.example.com', {
    adapter: oidcAdapterFactory({ db: database.db, now: Date.now }),
    jwks: { keys: [jwk] },
    features: { devInteractions: { enabled: false } },
    extraClientMetadata: { properties: ['first_party'] },
  });
  compareHashedClientSecrets(provider.Client);
  return provider;
}

const WEB: NewClient = {
  name: 'Shop web',
  redirectUris: ['https://shop.example.com/callback', 'http://localhost:5173/callback'],
  postLogoutRedirectUris: ['https://shop.example.com/'],
  firstParty: true,
  isPublic: false,
};

forEachDatabase('oidc-provider over our adapter and registry', (backend) => {
  let database: DatabaseHandle;
  let drop: () => Promise<void>;
  let registry: OidcClients;
  let provider: Provider;
  before(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = createDatabase(loadConfig({ DATABASE_URL: created.url }).database);
    await migrateToLatest(database);
    registry = createOidcClients({ clients: createClientRepository(database.db), now: Date.now });
    provider = await providerOver(database);
  });
  after(async () => {
    await database?.close();
    await drop?.();
  });

  it('finds a registered client with its redirect URIs, and checks its secret by hash', async () => {
    const { client, secret } = await registry.create(WEB, CLI_ACTOR);
    const found = await provider.Client.find(client.clientId);
    assert.ok(found, 'the provider finds the client');
    assert.equal(found.clientId, client.clientId);
    assert.deepEqual(found.redirectUris, WEB.redirectUris);
    assert.deepEqual(found.postLogoutRedirectUris, WEB.postLogoutRedirectUris);
    assert.equal(found.tokenEndpointAuthMethod, 'client_secret_basic');
    assert.equal(found.first_party, true);
    assert.equal(await found.compareClientSecret(secret!), true);
    assert.equal(await found.compareClientSecret(`${secret!.slice(0, -1)}x`), false);
    assert.equal(await found.compareClientSecret(found.clientSecret!), false, 'the stored hash is no secret');
  });

  it('finds a public client, which has no secret; a disabled client and an unknown id are not found', async () => {
    const app = await registry.create({ ...WEB, name: 'Shop app', isPublic: true, firstParty: false }, CLI_ACTOR);
    const found = await provider.Client.find(app.client.clientId);
    assert.equal(found?.tokenEndpointAuthMethod, 'none');
    assert.equal(found?.clientSecret, undefined);
    assert.equal(found?.first_party, false);

    await registry.disable(app.client.clientId, CLI_ACTOR);
    assert.equal(await provider.Client.find(app.client.clientId), undefined);
    assert.equal(await provider.Client.find('no-such-client'), undefined);
  });

  it('a rotated secret works at once and the old one does not', async () => {
    const { client, secret } = await registry.create({ ...WEB, name: 'Rotated' }, CLI_ACTOR);
    const rotated = await registry.rotateSecret(client.clientId, CLI_ACTOR);
    assert.equal(rotated.outcome, 'rotated');
    const found = await provider.Client.find(client.clientId);
    assert.equal(await found!.compareClientSecret((rotated as { secret: string }).secret), true);
    assert.equal(await found!.compareClientSecret(secret!), false);
  });
});
