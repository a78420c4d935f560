import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff } from '../../src/staff/service.ts';
import { newKey } from '../helpers/api-keys.ts';
import { signIn } from '../helpers/session-sign-in.ts';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { HEALTH_URL } from '../helpers/health.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
/** What health tells anyone: no version, no provider names, no breaker states. */
const PUBLIC_FIELDS = ['database', 'events', 'rate_limit', 'sms', 'status', 'success', 'telegram'];
const PUBLIC_SMS_FIELDS = ['available', 'configured', 'enabled', 'mode'];

const fieldsOf = (body: Record<string, unknown>) => Object.keys(body).sort();

forEachDatabase("health's detail is only for the operator", (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { METRICS_TOKEN: TOKEN } });
  });
  after(() => t?.close());

  const health = (authorization?: string) => t.get(HEALTH_URL, authorization ? { authorization } : {});

  it('anyone, or anyone sending a wrong token or a user-level key, gets the public fields only', async () => {
    const { secret: smsReader } = await newKey(t, ['sms:read']);
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Bearer ${smsReader}`, TOKEN]) {
      const answer = await health(authorization);
      assert.equal(answer.status, 200);
      assert.deepEqual(fieldsOf(answer.body), PUBLIC_FIELDS, String(authorization));
      assert.deepEqual(fieldsOf(answer.body.sms), PUBLIC_SMS_FIELDS, String(authorization));
    }
  });

  it('the metrics token, or an admin key with providers:read, also gets each provider with its breaker state', async () => {
    const { secret: providersReader } = await newKey(t, ['providers:read']);
    for (const authorization of [`Bearer ${TOKEN}`, `Bearer ${providersReader}`]) {
      const answer = await health(authorization);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.sms.providers, [
        { name: 'webhook', configured: true, state: 'closed', queue_state: 'closed', queue_rate_per_second: 50 },
      ]);
      assert.equal(answer.body.sms.provider, 'webhook');
      assert.equal(typeof answer.body.version, 'string');
    }
  });

  it('a staff member’s access token gets the detail (the console’s health page); a user’s who is not staff does not', async () => {
    const staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
    const user = await signIn(t);
    const notYet = await health(`Bearer ${user.accessToken}`);
    assert.deepEqual(fieldsOf(notYet.body), PUBLIC_FIELDS);
    assert.deepEqual(fieldsOf(notYet.body.sms), PUBLIC_SMS_FIELDS);
    assert.equal((await staff.add({ userId: user.userId }, 'support', CLI_ACTOR)).outcome, 'added');
    const detailed = await health(`Bearer ${user.accessToken}`);
    assert.equal(detailed.status, 200);
    assert.equal(detailed.body.sms.provider, 'webhook');
    assert.equal(detailed.body.sms.providers.length, 1);
    assert.equal(typeof detailed.body.version, 'string');
    await staff.remove({ userId: user.userId }, CLI_ACTOR);
    assert.deepEqual(fieldsOf((await health(`Bearer ${user.accessToken}`)).body), PUBLIC_FIELDS);
  });
});

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

describe('security headers', () => {
  describe('behind a trusted proxy', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(sqlite, { env: { TRUST_PROXY: '127.0.0.1' } });
    });
    after(() => t?.close());

    it('every answer says nosniff: JSON, errors, the metrics text and the /docs page', async () => {
      for (const url of [HEALTH_URL, '/no/such/route', '/metrics', '/docs', '/docs/static/swagger-ui-bundle.js']) {
        const answer = await t.inject({ method: 'GET', url });
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
      }
      const refused = await t.inject({
        method: 'POST',
        url: '/api/v1/otp/phone/login/request',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.headers['x-content-type-options'], 'nosniff');
    });

    it('the /docs page and its script still load, the script with a type nosniff accepts', async () => {
      const page = await t.inject({ method: 'GET', url: '/docs' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      const script = await t.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
      assert.equal(script.statusCode, 200);
      assert.match(String(script.headers['content-type']), /^application\/javascript/);
    });

    it('sends Strict-Transport-Security when the proxy says the request came over https, not otherwise', async () => {
      const https = await t.inject({ method: 'GET', url: HEALTH_URL, headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(https.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      const http = await t.inject({ method: 'GET', url: HEALTH_URL, headers: { 'x-forwarded-proto': 'http' } });
      assert.equal(http.headers['strict-transport-security'], undefined);
      const plain = await t.inject({ method: 'GET', url: HEALTH_URL });
      assert.equal(plain.headers['strict-transport-security'], undefined);
    });

    it('ignores X-Forwarded-Proto from a client that is not the trusted proxy', async () => {
      const answer = await t.inject({
        method: 'GET',
        url: HEALTH_URL,
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(answer.headers['strict-transport-security'], undefined);
    });
  });
});
