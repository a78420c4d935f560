import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { hashClientSecret } from '../../src/oidc/client-secret.ts';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { frozenClock } from '../helpers/clock.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const CLIENTS = '/api/v1/admin/oidc/clients';
const SECRET = /^otpgcs_[A-Za-z0-9_-]{43}$/;

forEachDatabase('OpenID Connect clients over the admin API', (backend) => {
  let t: TestApp;
  let writer: { headers: Record<string, string>; id: string };
  let reader: Record<string, string>;
  before(async () => {
    // Frozen, so that the times in answers can be checked exactly.
    t = await startTestApp(backend, { clock: frozenClock() });
    const key = await newKey(t, ['clients:write'], 'registrar');
    writer = { headers: bearer(key.secret), id: key.id };
    reader = bearer((await newKey(t, ['clients:read'])).secret);
  });
  after(() => t?.close());

  const register = (body: object, headers = writer.headers) => t.post(CLIENTS, body, headers);
  const del = async (id: string, headers: Record<string, string>) => {
    const res = await t.inject({ method: 'DELETE', url: `${CLIENTS}/${id}`, headers });
    return { status: res.statusCode, body: res.json(), headers: res.headers as Record<string, unknown> };
  };
  const auditOf = (target: string) =>
    t.database.db.selectFrom('admin_audit').selectAll().where('target', '=', target).orderBy('created_at').execute();

  it('registers a confidential client: the secret once in the answer, only its hash stored, audited', async () => {
    const body = {
      name: 'Shop web',
      redirect_uris: ['https://shop.example.com/callback', 'http://127.0.0.1:8080/cb'],
      post_logout_redirect_uris: ['https://shop.example.com/'],
      first_party: true,
    };
    const made = await register(body);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { client, client_secret: secret } = made.body;
    assert.match(secret, SECRET);
    assert.match(client.client_id, /^[0-9a-f]{32}$/);
    assert.deepEqual(client, {
      client_id: client.client_id,
      name: 'Shop web',
      redirect_uris: body.redirect_uris,
      post_logout_redirect_uris: body.post_logout_redirect_uris,
      first_party: true,
      public: false,
      created_at: new Date(t.clock.now()).toISOString(),
      disabled_at: null,
    });
    const row = await t.database.db
      .selectFrom('oidc_clients')
      .selectAll()
      .where('client_id', '=', client.client_id)
      .executeTakeFirstOrThrow();
    assert.equal(row.secret_hash, hashClientSecret(secret));
    assert.equal(JSON.stringify(row).includes(secret), false);

    const [audit] = await auditOf(client.client_id);
    assert.equal(audit?.action, 'oidc_client.create');
    assert.equal(audit?.actor_key_id, writer.id);
    assert.deepEqual(JSON.parse(audit!.summary), {
      name: 'Shop web',
      redirect_uris: body.redirect_uris,
      post_logout_redirect_uris: body.post_logout_redirect_uris,
      first_party: true,
      public: false,
    });

    const listed = await t.get(CLIENTS, reader);
    assert.equal(listed.status, 200);
    const mine = listed.body.clients.find((one: { client_id: string }) => one.client_id === client.client_id);
    assert.deepEqual(mine, client);
    assert.equal(JSON.stringify(listed.body).includes(secret), false, 'the secret is never listed');
    assert.equal(JSON.stringify(listed.body).includes(row.secret_hash!), false, 'nor its hash');
    const one = await t.get(`${CLIENTS}/${client.client_id}`, reader);
    assert.deepEqual(one.body, { success: true, client });
  });

  it('registers a public client with no secret', async () => {
    const made = await register({ name: 'Shop app', redirect_uris: ['http://localhost:5173/cb'], public: true });
    assert.equal(made.status, 201);
    assert.equal(made.body.client_secret, null);
    assert.equal(made.body.client.public, true);
    assert.equal(made.body.client.first_party, false);
  });

  it('refuses redirect URIs that are not https (or loopback http), or have a fragment or a wildcard', async () => {
    const refused = [
      'http://shop.example.com/cb',
      'http://192.168.1.10/cb',
      'https://shop.example.com/cb#done',
      'https://shop.example.com/cb#',
      'https://*.example.com/cb',
      'https://shop.example.com/*',
      '/relative/cb',
      'shop.example.com/cb',
      'javascript:alert(1)',
      'com.example.app:/cb',
      'https://user:pass@shop.example.com/cb',
      'https://shop.example.com/c b',
    ];
    const before = (await t.get(CLIENTS, reader)).body.clients.length;
    for (const uri of refused) {
      const answer = await register({ name: 'x', redirect_uris: ['https://fine.example.com/cb', uri] });
      assertError(answer, 'INVALID_REDIRECT_URI');
      assert.ok(answer.body.message.includes(JSON.stringify(uri)), answer.body.message);
      const logout = await register({
        name: 'x',
        redirect_uris: ['https://fine.example.com/cb'],
        post_logout_redirect_uris: [uri],
      });
      assertError(logout, 'INVALID_REDIRECT_URI');
    }
    assertError(await register({ name: 'x', redirect_uris: [] }), 'VALIDATION_ERROR');
    assertError(await register({ name: '\u202eevil', redirect_uris: ['https://a.example/cb'] }), 'VALIDATION_ERROR');
    assertError(
      await register({ name: 'x', redirect_uris: ['https://a.example/cb'], client_secret: 'mine' }),
      'VALIDATION_ERROR',
    );
    assert.equal((await t.get(CLIENTS, reader)).body.clients.length, before, 'nothing was registered');
    for (const uri of ['https://shop.example.com/cb?x=1', 'http://localhost/cb', 'http://127.0.0.1:65535/cb']) {
      assert.equal((await register({ name: 'fine', redirect_uris: [uri] })).status, 201, uri);
    }
  });

  it('disables a client: it stays listed with disabled_at; twice is not an error; audited once', async () => {
    const made = await register({ name: 'Short lived', redirect_uris: ['https://a.example/cb'] });
    const id = made.body.client.client_id;
    const first = await del(id, writer.headers);
    assert.equal(first.status, 200);
    assert.equal(first.body.client.disabled_at, new Date(t.clock.now()).toISOString());
    const again = await del(id, writer.headers);
    assert.equal(again.status, 200);
    assert.equal(again.body.client.disabled_at, first.body.client.disabled_at);
    assert.equal((await t.get(`${CLIENTS}/${id}`, reader)).body.client.disabled_at, first.body.client.disabled_at);
    // Created and disabled within one millisecond of the test's clock: the two records, in either order.
    assert.deepEqual((await auditOf(id)).map((row) => row.action).sort(), [
      'oidc_client.create',
      'oidc_client.disable',
    ]);
  });

  it('an unknown client_id is OIDC_CLIENT_NOT_FOUND', async () => {
    assertError(await t.get(`${CLIENTS}/no-such-client`, reader), 'OIDC_CLIENT_NOT_FOUND');
    assertError(await del('no-such-client', writer.headers), 'OIDC_CLIENT_NOT_FOUND');
  });

  it('clients:read reads and cannot write, clients:write writes and cannot read, other keys are refused', async () => {
    const made = await register({ name: 'Scoped', redirect_uris: ['https://a.example/cb'] });
    const id = made.body.client.client_id;
    assertError(await register({ name: 'x', redirect_uris: ['https://a.example/cb'] }, reader), 'FORBIDDEN');
    assertError(await del(id, reader), 'FORBIDDEN');
    assertError(await t.get(CLIENTS, writer.headers), 'FORBIDDEN');
    assertError(await t.get(`${CLIENTS}/${id}`, writer.headers), 'FORBIDDEN');
    const other = bearer((await newKey(t, ['keys:read', 'keys:write', 'users:write'])).secret);
    assertError(await t.get(CLIENTS, other), 'FORBIDDEN');
    assertError(await register({ name: 'x', redirect_uris: ['https://a.example/cb'] }, other), 'FORBIDDEN');
    assertError(await t.get(CLIENTS), 'UNAUTHORIZED');
    assertError(await register({ name: 'x', redirect_uris: ['https://a.example/cb'] }, {}), 'UNAUTHORIZED');
    assert.equal((await t.get(`${CLIENTS}/${id}`, reader)).body.client.disabled_at, null);
  });
});
