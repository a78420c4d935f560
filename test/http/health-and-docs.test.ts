import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LATEST_SCHEMA_VERSION } from '../../src/db/migrations/index.ts';
import { ERROR_CODES } from '../../src/errors/codes.ts';
import { VERSION } from '../../src/version.ts';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { detailedHealth } from '../helpers/health.ts';
import { servedRoutes } from '../helpers/openapi-contract.ts';

forEachDatabase('health', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('answers 200 with the documented public shape: status, database, SMS availability and rate-limit store', async () => {
    const health = await t.get('/api/v1/otp/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, {
      success: true,
      status: 'ok',
      database: {
        status: 'ok',
        dialect: backend.name,
        schema_version: LATEST_SCHEMA_VERSION,
        latest_schema_version: LATEST_SCHEMA_VERSION,
      },
      sms: {
        enabled: true,
        configured: true,
        available: true,
        mode: 'live',
      },
      rate_limit: { store: 'database', status: 'ok' },
      events: { configured: false },
      telegram: {
        widget: { configured: false },
        webapp: { configured: false },
        oidc: { configured: false },
        bot: { configured: false, updates: 'off' },
      },
    });
  });

  it('adds the version, the environment and each provider for a reader with providers:read', async () => {
    const health = await detailedHealth(t);
    assert.equal(health.status, 200);
    assert.equal(health.body.version, VERSION);
    assert.equal(health.body.environment, 'test');
    assert.equal(health.body.sms.provider, 'webhook');
    assert.deepEqual(health.body.sms.providers, [
      { name: 'webhook', configured: true, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
    ]);
    assert.equal(health.body.sms.test_numbers, 0);
  });
});

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

/**
 * Every route under /api/v1 (a list where one path has several methods) and the body fields each one requires
 * (GET and DELETE routes take none) and those it may take (`optional`); `bearer` routes take a user's access
 * token, `admin` routes an admin API key.
 */
interface Operation {
  method: string;
  /** The body's media type, when it is not JSON. */
  form?: true;
  body?: string[];
  optional?: string[];
  /** Required body fields that are lists of strings (every other required field is a string). */
  lists?: string[];
  /** A body of any fields (the Telegram widget signs whatever it sends): an object open to more. */
  anyFields?: true;
  bearer?: true;
  admin?: true;
}
const API: Record<string, Operation | Operation[]> = {
  '/api/v1/openapi.json': { method: 'get' },
  '/api/v1/otp/health': { method: 'get' },
  '/api/v1/otp/phone/login/request': { method: 'post', body: ['phone_number'], optional: ['channel'] },
  '/api/v1/otp/phone/login/verify': { method: 'post', body: ['phone_number', 'code'] },
  '/api/v1/otp/phone/change/request': { method: 'post', body: ['phone_number'], bearer: true },
  '/api/v1/otp/phone/change/confirm': { method: 'post', body: ['phone_number', 'code'], bearer: true },
  // The token may come from the session cookie instead (SESSION_COOKIE), so the body may be empty.
  '/api/v1/auth/refresh': { method: 'post', body: [], optional: ['refresh_token'] },
  '/api/v1/auth/logout': { method: 'post', body: [], optional: ['refresh_token'] },
  '/api/v1/auth/sessions': { method: 'get', bearer: true },
  '/api/v1/auth/sessions/{id}': { method: 'delete', bearer: true },
  '/api/v1/auth/logout-all': { method: 'post', body: [], optional: ['include_current'], bearer: true },
  '/api/v1/auth/me': [
    { method: 'get', bearer: true },
    { method: 'patch', body: ['locale'], bearer: true },
  ],
  '/api/v1/auth/introspect': {
    method: 'post',
    form: true,
    body: ['token'],
    optional: ['token_type_hint'],
    admin: true,
  },
  '/api/v1/alerts': [
    { method: 'get', bearer: true },
    { method: 'post', body: ['product_id', 'channels'], optional: ['variant_id'], lists: ['channels'], bearer: true },
  ],
  '/api/v1/alerts/{id}': { method: 'delete', bearer: true },
  '/api/v1/staff/me': { method: 'get', bearer: true },
  '/api/v1/telegram/login/widget': { method: 'post', anyFields: true },
  '/api/v1/telegram/login/webapp': { method: 'post', body: [], optional: ['init_data'] },
  '/api/v1/telegram/link/widget': { method: 'post', anyFields: true, bearer: true },
  '/api/v1/telegram/link/webapp': { method: 'post', body: ['init_data'], bearer: true },
  '/api/v1/telegram/link': { method: 'delete', bearer: true },
  '/api/v1/telegram/link/oidc': { method: 'post', body: ['return_to'], bearer: true },
  '/api/v1/telegram/oidc/start': { method: 'get' },
  '/api/v1/telegram/oidc/callback': { method: 'get' },
  '/api/v1/telegram/oidc/exchange': { method: 'post', body: ['code'] },
  '/api/v1/telegram/login/link': { method: 'post', body: [] },
  '/api/v1/telegram/login/link/poll': { method: 'post', body: ['poll_secret'], optional: ['wait'] },
  '/api/v1/telegram/link/start': { method: 'post', body: [], bearer: true },
  // Called by Telegram; its body is read as raw bytes for the signature, so it has no schema here.
  '/api/v1/telegram/gateway/report': { method: 'post' },
  // Called by Telegram; an Update is open to fields Telegram adds.
  '/api/v1/telegram/webhook': { method: 'post', anyFields: true },
  '/api/v1/admin/keys/whoami': { method: 'get', admin: true },
  '/api/v1/admin/keys': { method: 'get', admin: true },
  '/api/v1/admin/keys/{id}/revoke': { method: 'post', admin: true },
  '/api/v1/admin/keys/{id}/cancel-queued': { method: 'post', admin: true },
  '/api/v1/admin/sms/messages/{id}': { method: 'delete', admin: true },
  '/api/v1/admin/audit': { method: 'get', admin: true },
  '/api/v1/admin/events': { method: 'get', admin: true },
  '/api/v1/admin/events/{id}': { method: 'get', admin: true },
  '/api/v1/admin/events/{id}/redeliver': { method: 'post', admin: true },
  '/api/v1/admin/sms/send': {
    method: 'post',
    body: ['to'],
    optional: ['template', 'params', 'locale', 'text'],
    admin: true,
  },
  '/api/v1/admin/sms/logs': { method: 'get', admin: true },
  '/api/v1/admin/sms/logs/{id}': { method: 'get', admin: true },
  '/api/v1/admin/sms/stats': { method: 'get', admin: true },
  '/api/v1/admin/sms/providers': { method: 'get', admin: true },
  '/api/v1/admin/sms/templates': { method: 'get', admin: true },
  '/api/v1/admin/sms/templates/preview': { method: 'post', body: ['body'], optional: ['key', 'locale'], admin: true },
  '/api/v1/admin/sms/templates/{key}/{locale}': [
    { method: 'get', admin: true },
    { method: 'put', body: ['body'], optional: ['approved'], admin: true },
    { method: 'delete', admin: true },
  ],
  '/api/v1/admin/users': [
    { method: 'get', admin: true },
    { method: 'post', body: ['phone_number', 'external_id'], optional: ['locale'], admin: true },
  ],
  '/api/v1/admin/users/{id}': [
    { method: 'get', admin: true },
    { method: 'delete', admin: true },
  ],
  '/api/v1/admin/users/{id}/block': { method: 'post', admin: true },
  '/api/v1/admin/users/{id}/unblock': { method: 'post', admin: true },
  '/api/v1/admin/users/{id}/sign-out': { method: 'post', admin: true },
  '/api/v1/admin/alerts': [
    { method: 'get', admin: true },
    {
      method: 'post',
      body: ['product_id', 'channels'],
      optional: ['variant_id', 'phone_number', 'external_id', 'user_id'],
      lists: ['channels'],
      admin: true,
    },
  ],
  '/api/v1/admin/alerts/{id}': { method: 'delete', admin: true },
  '/api/v1/admin/products/{product_id}/alerts': { method: 'get', admin: true },
  '/api/v1/admin/products/{product_id}/stock': {
    method: 'put',
    body: ['quantity'],
    optional: ['variant_id', 'name', 'url'],
    admin: true,
  },
  '/api/v1/admin/products/{product_id}/restocks': { method: 'get', admin: true },
  '/api/v1/admin/oidc/clients': [
    { method: 'get', admin: true },
    {
      method: 'post',
      body: ['name', 'redirect_uris'],
      optional: ['post_logout_redirect_uris', 'first_party', 'public'],
      lists: ['redirect_uris'],
      admin: true,
    },
  ],
  '/api/v1/admin/oidc/clients/{id}': [
    { method: 'get', admin: true },
    { method: 'delete', admin: true },
  ],
};

const OPERATIONS = Object.entries(API).flatMap(([path, operations]) =>
  [operations].flat().map((operation) => ({ path, ...operation })),
);

describe('the API reference', () => {
  let t: TestApp;
  let doc: any;
  before(async () => {
    t = await startTestApp(sqlite);
    const answer = await t.get('/api/v1/openapi.json');
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    doc = answer.body;
  });
  after(() => t?.close());

  it('is an OpenAPI 3.1 document', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'otpgate');
    assert.equal(doc.info.version, VERSION);
  });

  it('lists every route the server has under /api/v1, and only those, with their methods', () => {
    // The server's own route table, so that a route added without its schema shows up here.
    const served = servedRoutes(t.app).filter((route) => route.split(' ')[1]!.startsWith('/api/v1/'));
    const expected = OPERATIONS.map(({ path, method }) => `${method} ${path}`).sort();
    assert.deepEqual(served, expected);
    const documented = Object.entries(doc.paths as Record<string, object>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    assert.deepEqual(documented, expected);
  });

  it('documents the request body schema of every route with a body, and the Bearer requirement where there is one', () => {
    // A string field, or one that may also be null (`{"locale": null}` clears a preference); or a count (a
    // stock report's quantity).
    const stringField = (field: { type?: string; anyOf?: Array<{ type?: string }> }) =>
      field.type === 'string' ||
      field.type === 'integer' ||
      (field.anyOf ?? []).some((option) => option.type === 'string');
    const listField = (field: { type?: string; items?: object }) =>
      field.type === 'array' && JSON.stringify(field.items).includes('"type":"string"');
    for (const { path, method, body, optional = [], lists = [], bearer, admin, form, anyFields } of OPERATIONS) {
      const operation = doc.paths[path][method];
      if (anyFields) {
        const schema = operation.requestBody.content['application/json'].schema;
        assert.equal(schema.type, 'object', path);
        // OpenAPI 3.0 has no patternProperties: the schema of any field is additionalProperties'.
        assert.ok(schema.patternProperties ?? typeof schema.additionalProperties === 'object', path);
      } else if (body) {
        const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
        assert.deepEqual(Object.keys(operation.requestBody.content), [type], path);
        const schema = operation.requestBody.content[type].schema;
        assert.equal(schema.type, 'object', path);
        assert.equal(schema.additionalProperties, false, path);
        assert.deepEqual(schema.required ?? [], body, path);
        assert.deepEqual(Object.keys(schema.properties), [...body, ...optional], path);
        for (const field of body) {
          const ok = lists.includes(field)
            ? listField(schema.properties[field])
            : stringField(schema.properties[field]);
          assert.ok(ok, `${path} ${field}`);
        }
      } else {
        assert.equal(operation.requestBody, undefined, path);
      }
      // The admin API takes a key or a staff member's token (the console); introspection (the form) a key only.
      const adminSecurity = form ? [{ adminKey: [] }] : [{ adminKey: [] }, { staffToken: [] }];
      const security = bearer ? [{ bearerAuth: [] }] : admin ? adminSecurity : undefined;
      assert.deepEqual(operation.security, security, path);
    }
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    assert.equal(doc.components.securitySchemes.adminKey.type, 'http');
    assert.equal(doc.components.securitySchemes.adminKey.scheme, 'bearer');
  });

  it('describes the error envelope with exactly the registered codes', () => {
    const envelope = doc.components.schemas.ErrorEnvelope;
    assert.deepEqual(envelope.required, ['success', 'message', 'code']);
    const codes = envelope.properties.code.anyOf.flatMap((option: { enum: string[] }) => option.enum);
    assert.deepEqual(codes.sort(), Object.keys(ERROR_CODES).sort());
  });

  it('GET /docs answers 200 with an HTML page', async () => {
    let answer = await t.inject({ method: 'GET', url: '/docs' });
    if (answer.statusCode >= 300 && answer.statusCode < 400) {
      answer = await t.inject({
        method: 'GET',
        url: new URL(String(answer.headers.location), 'http://localhost/docs').pathname,
      });
    }
    assert.equal(answer.statusCode, 200);
    assert.match(String(answer.headers['content-type']), /^text\/html/);
    assert.match(answer.body, /<html/i);
  });
});
