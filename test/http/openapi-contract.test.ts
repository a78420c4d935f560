import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SCOPE_NAMES } from '../../src/api-keys/scopes.ts';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff } from '../../src/staff/service.ts';
import { createEventRecorder } from '../../src/events/recorder.ts';
import type { ErrorCode } from '../../src/errors/codes.ts';
import { newKey } from '../helpers/api-keys.ts';
import {
  Agent,
  authorizationRequest,
  callbackOf,
  location,
  redeem,
  registerClient,
  signInPages,
  tokenRequest,
  type Transport,
} from '../helpers/oidc-rp.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { Contract, servedRoutes } from '../helpers/openapi-contract.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';
import { TEST_BOT_TOKEN as TELEGRAM_BOT_TOKEN, signedInitData, signedWidget } from '../helpers/telegram-login.ts';
import { startFakeTelegramOidc, type FakeTelegramOidc } from '../helpers/fake-telegram-oidc.ts';
import { signGatewayReport } from '../helpers/fake-telegram-gateway.ts';
import { pageReturnUrl } from '../../src/telegram/oidc/flow.ts';
import { newAlert, newUser, stockOf, tokenFor } from '../alerts/rows.ts';
import { person, startFakeBotApi, textUpdate, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';

const METRICS_TOKEN = 'metrics-token-for-the-contract';
const RETURN_TO = 'https://shop.example.com/done';
const GATEWAY_TOKEN = 'gateway-token-for-the-contract';
const WEBHOOK_SECRET = 'webhook-secret-for-the-contract-0123';
const ENV = {
  METRICS_TOKEN,
  // Each wrong guess comes from its own X-Forwarded-For address unless a test means to hit the IP limit.
  TRUST_PROXY: 'true',
  OTP_VERIFY_IP_HOURLY_LIMIT: '3',
  SMS_BREAKER_FAILURES: '100',
  TELEGRAM_BOT_TOKEN,
  TELEGRAM_BOT_USERNAME: 'shop_login_bot',
  TELEGRAM_GATEWAY_TOKEN: GATEWAY_TOKEN,
};

/** The routes of the document with no error a client can bring about (only a bug or a closing instance). */
const NO_CLIENT_ERROR = [
  'get /livez',
  'get /api/v1/openapi.json',
  'get /api/v1/otp/health',
  'get /.well-known/jwks.json',
  'get /.well-known/openid-configuration',
  // Any query shows the page: an unknown ?lang= is Persian, a foreign ?return_to= is ignored.
  'get /login',
  // Signed out is a redirect to the sign-in page, not an error; any ?lang= shows the page.
  'get /account',
];

interface Ask {
  readonly body?: unknown;
  /** A body sent as it is, with this content type. */
  readonly raw?: { readonly payload: string; readonly type: string };
  readonly headers?: Record<string, string>;
}

let addresses = 0;
/** A client address no other request in this file used, so that the per-IP verify limit is charged once. */
const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.${Math.floor(++addresses / 250)}.${addresses % 250}` });

forEachDatabase('every answer of every route conforms to the API reference', (backend) => {
  let t: TestApp;
  let contract: Contract;
  let telegram: FakeTelegramOidc;
  let botApi: FakeBotApi;
  before(async () => {
    telegram = await startFakeTelegramOidc({ clientId: '123456', clientSecret: 'secret' });
    botApi = await startFakeBotApi({ token: TELEGRAM_BOT_TOKEN });
    const oidc = {
      TELEGRAM_OIDC_CLIENT_ID: '123456',
      TELEGRAM_OIDC_CLIENT_SECRET: 'secret',
      TELEGRAM_OIDC_ISSUER: telegram.issuer,
      TELEGRAM_LOGIN_RETURN_URLS: RETURN_TO,
    };
    const bot = {
      TELEGRAM_API_ROOT: botApi.apiRoot,
      TELEGRAM_UPDATES: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
    t = await startTestApp(backend, { env: { ...ENV, ...oidc, ...bot } });
    contract = await Contract.of(t.app);
  });
  after(async () => {
    await t?.close();
    await telegram?.close();
    await botApi?.close();
  });

  /** Sends a request, checks the real answer against the document, then that it is the one expected. */
  async function expect(method: string, url: string, ask: Ask, status: number, code?: ErrorCode) {
    const headers: Record<string, string> = { ...fromNewAddress(), ...ask.headers };
    if (ask.raw) headers['content-type'] = ask.raw.type;
    const payload = ask.raw?.payload ?? (ask.body as object | undefined);
    const res = await t.inject({ method: method as 'GET', url, headers, payload });
    const answer = { status: res.statusCode, headers: res.headers, body: res.body };
    assert.deepEqual(contract.check(method, url, answer), [], `${method} ${url}`);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    if (code) assert.equal(res.json().code, code, `${method} ${url}`);
    return res;
  }
  const code = (phone: string) => t.sink.lastCode(phone)!;
  const wrong = (right: string) => `${right.slice(0, -1)}${(Number(right.at(-1)) + 1) % 10}`;

  it('every route Fastify serves is in the document, and every documented route is served', () => {
    const documented = contract.operations().map(({ method, path }) => `${method} ${path}`);
    // The page at /docs and its assets show the document; they are not part of the API it describes.
    const served = servedRoutes(t.app).filter((route) => !/^get \/docs(\/|$)/.test(route));
    assert.deepEqual(served, documented.sort());
  });

  it('sign-in: codes sent and refused, typed right and wrong', async () => {
    const REQUEST = '/api/v1/otp/phone/login/request';
    const VERIFY = '/api/v1/otp/phone/login/verify';
    const phone = freshPhone();
    await expect('POST', REQUEST, { body: { phone_number: phone }, headers: { 'accept-language': 'en' } }, 200);
    await expect('POST', REQUEST, { body: { phone_number: phone } }, 429, 'RATE_LIMITED');
    await expect('POST', REQUEST, { body: { phone_number: '123' } }, 400, 'INVALID_PHONE');
    await expect('POST', REQUEST, { body: { phone_number: freshPhone(), role: 'admin' } }, 400, 'VALIDATION_ERROR');
    await expect('POST', REQUEST, { body: { phone_number: freshPhone(), channel: 'telegram' } }, 200);
    await expect('POST', REQUEST, { body: { phone_number: freshPhone(), channel: 'fax' } }, 400, 'VALIDATION_ERROR');
    await expect('POST', REQUEST, { raw: { payload: `{"phone_number": "${phone}"}`, type: 'text/plain' } }, 415);
    const huge = JSON.stringify({ phone_number: 'x'.repeat(70_000) });
    await expect('POST', REQUEST, { raw: { payload: huge, type: 'application/json' } }, 413, 'PAYLOAD_TOO_LARGE');
    t.sink.answerNext({ status: 400 });
    await expect('POST', REQUEST, { body: { phone_number: freshPhone() } }, 503, 'SMS_FAILED');

    await expect('POST', VERIFY, { body: { phone_number: phone, code: wrong(code(phone)) } }, 400, 'OTP_INVALID');
    await expect('POST', VERIFY, { body: { phone_number: phone, code: 'abc' } }, 400, 'VALIDATION_ERROR');
    await expect('POST', VERIFY, { body: { phone_number: phone, code: code(phone), trusted: true } }, 400);
    await expect('POST', VERIFY, { body: { phone_number: phone, code: code(phone) } }, 200);
    await expect('POST', VERIFY, { body: { phone_number: freshPhone(), code: '123456' } }, 400, 'OTP_EXPIRED');
    await expect('POST', VERIFY, { body: { phone_number: '123', code: '123456' } }, 400, 'INVALID_PHONE');

    const burnt = freshPhone();
    await expect('POST', REQUEST, { body: { phone_number: burnt } }, 200);
    for (let i = 0; i < 5; i++) {
      await expect('POST', VERIFY, { body: { phone_number: burnt, code: wrong(code(burnt)) } }, 400, 'OTP_INVALID');
    }
    const right = { phone_number: burnt, code: code(burnt) };
    await expect('POST', VERIFY, { body: right }, 429, 'OTP_ATTEMPTS_EXCEEDED');

    const oneAddress = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 3; i++) {
      await expect('POST', VERIFY, { body: right, headers: oneAddress }, 429, 'OTP_ATTEMPTS_EXCEEDED');
    }
    await expect('POST', VERIFY, { body: right, headers: oneAddress }, 429, 'RATE_LIMITED');
  });

  it('phone change: the code goes to the new number; a number in use is refused only at confirm', async () => {
    const REQUEST = '/api/v1/otp/phone/change/request';
    const CONFIRM = '/api/v1/otp/phone/change/confirm';
    const user = bearer((await signIn(t)).accessToken);
    const target = freshPhone();
    await expect('POST', REQUEST, { body: { phone_number: target } }, 401, 'UNAUTHORIZED');
    await expect(
      'POST',
      REQUEST,
      { body: { phone_number: target }, headers: { ...user, 'accept-language': 'fa' } },
      200,
    );
    await expect('POST', REQUEST, { body: { phone_number: target }, headers: user }, 429, 'RATE_LIMITED');
    await expect('POST', REQUEST, { body: { phone_number: '123' }, headers: user }, 400, 'INVALID_PHONE');
    await expect('POST', REQUEST, { body: { phone_number: target, user_id: 'x' }, headers: user }, 400);
    t.sink.answerNext({ status: 500 });
    await expect('POST', REQUEST, { body: { phone_number: freshPhone() }, headers: user }, 503, 'SMS_FAILED');

    const confirm = (phone_number: string, typed: string, headers = user) =>
      ({ body: { phone_number, code: typed }, headers }) as const;
    await expect('POST', CONFIRM, confirm(target, code(target), {}), 401, 'UNAUTHORIZED');
    await expect('POST', CONFIRM, confirm(target, wrong(code(target))), 400, 'OTP_INVALID');
    await expect('POST', CONFIRM, confirm(freshPhone(), '123456'), 400, 'OTP_EXPIRED');
    await expect('POST', CONFIRM, confirm(target, code(target)), 200);

    const taken = (await signIn(t)).phone;
    const other = bearer((await signIn(t)).accessToken);
    await expect('POST', REQUEST, { body: { phone_number: taken }, headers: other }, 200);
    await expect('POST', CONFIRM, confirm(taken, code(taken), other), 409, 'PHONE_IN_USE');
  });

  it('sessions: refresh, logout and the signed-in user', async () => {
    const session = await signIn(t);
    const user = bearer(session.accessToken);
    const refreshed = await expect(
      'POST',
      '/api/v1/auth/refresh',
      { body: { refresh_token: session.refreshToken } },
      200,
    );
    await expect('POST', '/api/v1/auth/refresh', { body: { refresh_token: 'nope' } }, 401, 'UNAUTHORIZED');
    await expect('POST', '/api/v1/auth/refresh', { body: { refresh_token: 'x', scope: 'admin' } }, 400);
    await expect('POST', '/api/v1/auth/logout', { body: { refresh_token: 'nope' } }, 401, 'UNAUTHORIZED');
    await expect('POST', '/api/v1/auth/logout', { body: { refresh_token: refreshed.json().refresh_token } }, 200);
    const fresh = bearer((await signIn(t)).accessToken);
    await expect('GET', '/api/v1/auth/me', { headers: fresh }, 200);
    await expect('GET', '/api/v1/auth/me', { headers: user }, 401, 'UNAUTHORIZED');
    await expect('PATCH', '/api/v1/auth/me', { body: { locale: 'en' }, headers: fresh }, 200);
    await expect('PATCH', '/api/v1/auth/me', { body: { locale: 'EN!' }, headers: fresh }, 400, 'VALIDATION_ERROR');
    await expect('PATCH', '/api/v1/auth/me', { body: { locale: 'en', admin: true }, headers: fresh }, 400);
    await expect('PATCH', '/api/v1/auth/me', { body: { locale: 'en' } }, 401, 'UNAUTHORIZED');

    const other = await signIn(t);
    await expect('GET', '/api/v1/auth/sessions', { headers: fresh }, 200);
    await expect('GET', '/api/v1/auth/sessions', {}, 401, 'UNAUTHORIZED');
    await expect('DELETE', `/api/v1/auth/sessions/${other.sessionId}`, { headers: fresh }, 404, 'NOT_FOUND');
    await expect('DELETE', `/api/v1/auth/sessions/${other.sessionId}`, {}, 401, 'UNAUTHORIZED');
    const mine = bearer(other.accessToken);
    await expect('DELETE', `/api/v1/auth/sessions/${other.sessionId}`, { headers: mine }, 200);
    await expect('POST', '/api/v1/auth/logout-all', { body: {}, headers: fresh }, 200);
    await expect('POST', '/api/v1/auth/logout-all', { body: { everyone: true }, headers: fresh }, 400);
    await expect('POST', '/api/v1/auth/logout-all', { body: {} }, 401, 'UNAUTHORIZED');
  });

  it('tokens: the published keys, the discovery document, introspection', async () => {
    await expect('GET', '/.well-known/jwks.json', {}, 200);
    await expect('GET', '/.well-known/openid-configuration', {}, 200);
    const INTROSPECT = '/api/v1/auth/introspect';
    const session = await signIn(t);
    const introspector = { authorization: `Bearer ${(await newKey(t, ['tokens:introspect'])).secret}` };
    const form = (payload: string) => ({ raw: { payload, type: 'application/x-www-form-urlencoded' } });
    const active = await expect(
      'POST',
      INTROSPECT,
      { ...form(`token=${session.accessToken}`), headers: introspector },
      200,
    );
    assert.equal(active.json().active, true);
    await expect('POST', INTROSPECT, { ...form('token=nothing'), headers: introspector }, 200);
    await expect('POST', INTROSPECT, { ...form('token=x') }, 401, 'UNAUTHORIZED');
    const other = { authorization: `Bearer ${(await newKey(t, ['sms:read'])).secret}` };
    await expect('POST', INTROSPECT, { ...form('token=x'), headers: other }, 403, 'FORBIDDEN');
    await expect('POST', INTROSPECT, { ...form('token=x&extra=1'), headers: introspector }, 400, 'VALIDATION_ERROR');
    await expect('POST', INTROSPECT, { body: { token: 'x' }, headers: introspector }, 415);
    await expect('POST', INTROSPECT, { ...form(`token=${'x'.repeat(9000)}`), headers: introspector }, 413);
  });

  it('health, liveness, metrics and the document itself', async () => {
    await expect('GET', '/api/v1/otp/health', {}, 200);
    await expect('GET', '/livez', {}, 200);
    await expect('GET', '/api/v1/openapi.json', {}, 200);
    await expect('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }, 200);
    await expect('GET', '/metrics', {}, 401, 'UNAUTHORIZED');
  });

  it('the admin API: keys, queued messages, the delivery log, providers and templates', async () => {
    const admin = { authorization: `Bearer ${(await newKey(t, SCOPE_NAMES)).secret}` };
    const scopeless = { authorization: `Bearer ${(await newKey(t, [])).secret}` };
    await expect('GET', '/api/v1/admin/keys/whoami', { headers: scopeless }, 200);
    await expect('GET', '/api/v1/admin/keys/whoami', {}, 401, 'UNAUTHORIZED');
    await expect('GET', '/api/v1/admin/keys', { headers: admin }, 200);
    await expect('GET', '/api/v1/admin/keys', { headers: scopeless }, 403, 'FORBIDDEN');

    const SEND = '/api/v1/admin/sms/send';
    const to = freshPhone();
    const once = { ...admin, 'idempotency-key': 'contract-1' };
    const sent = await expect('POST', SEND, { body: { to, text: 'Your order shipped' }, headers: once }, 202);
    await expect('POST', SEND, { body: { to, text: 'Something else' }, headers: once }, 422, 'IDEMPOTENCY_KEY_REUSED');
    await expect('POST', SEND, { body: { to, text: 'x' }, headers: { ...admin, 'idempotency-key': 'a b' } }, 400);
    await expect('POST', SEND, { body: { to: '123', text: 'x' }, headers: admin }, 400, 'INVALID_PHONE');
    await expect('POST', SEND, { body: { to, text: 'x', template: 'back_in_stock' }, headers: admin }, 400);
    await expect('POST', SEND, { body: { to, text: 'x', priority: 'high' }, headers: admin }, 400, 'VALIDATION_ERROR');
    await expect(
      'POST',
      SEND,
      { body: { to, template: 'no_such', params: {} }, headers: admin },
      404,
      'TEMPLATE_NOT_FOUND',
    );
    const partial = { to, template: 'back_in_stock', params: { product: 'Tea' } };
    await expect('POST', SEND, { body: partial, headers: admin }, 400, 'TEMPLATE_PARAMS_MISSING');
    await expect('POST', SEND, { body: { to, text: 'x' }, headers: scopeless }, 403, 'FORBIDDEN');
    await expect(
      'POST',
      SEND,
      { raw: { payload: 'to=1', type: 'application/x-www-form-urlencoded' }, headers: admin },
      415,
    );

    const LOGS = '/api/v1/admin/sms/logs';
    await expect('GET', `${LOGS}?limit=5`, { headers: admin }, 200);
    await expect('GET', `${LOGS}?phone_number=123`, { headers: admin }, 400, 'INVALID_PHONE');
    await expect('GET', `${LOGS}?cursor=nothing-we-issued`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${LOGS}?phone=${encodeURIComponent(to)}`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${LOGS}/${sent.json().id}?full_numbers=true`, { headers: admin }, 200);
    await expect('GET', `${LOGS}/no-such-message`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('GET', `${LOGS}/${sent.json().id}?full_numbers=yes`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', '/api/v1/admin/sms/stats?period=week', { headers: admin }, 200);
    await expect('GET', '/api/v1/admin/sms/stats?period=month', { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', '/api/v1/admin/sms/stats', { headers: scopeless }, 403, 'FORBIDDEN');
    await expect('GET', '/api/v1/admin/sms/providers', { headers: admin }, 200);
    await expect('GET', '/api/v1/admin/sms/providers', { headers: scopeless }, 403, 'FORBIDDEN');

    const TEMPLATES = '/api/v1/admin/sms/templates';
    await expect('GET', `${TEMPLATES}?key=otp_login`, { headers: admin }, 200);
    await expect('GET', `${TEMPLATES}?key=NOT-A-KEY`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${TEMPLATES}/otp_login/fa`, { headers: admin }, 200);
    const draft = { body: 'کد شما: {code}', key: 'otp_login', locale: 'fa' };
    await expect('POST', `${TEMPLATES}/preview`, { body: draft, headers: admin }, 200);
    await expect('POST', `${TEMPLATES}/preview`, { body: draft, headers: scopeless }, 403, 'FORBIDDEN');
    await expect('POST', `${TEMPLATES}/preview`, { body: { text: 'x' }, headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${TEMPLATES}/no_such/fa`, { headers: admin }, 404, 'TEMPLATE_NOT_FOUND');
    await expect('PUT', `${TEMPLATES}/sale/en`, { body: { body: 'Sale on {product}' }, headers: admin }, 200);
    await expect(
      'PUT',
      `${TEMPLATES}/sale/en`,
      { body: { body: 'x', approved: { nobody: { id: '1', args: [] } } }, headers: admin },
      400,
    );
    await expect('PUT', `${TEMPLATES}/sale/en`, { body: { body: 'x', active: true }, headers: admin }, 400);
    await expect('PUT', `${TEMPLATES}/sale/en`, { body: { body: 'x' }, headers: scopeless }, 403, 'FORBIDDEN');
    await expect('DELETE', `${TEMPLATES}/sale/en`, { raw: { payload: 'x', type: 'text/plain' }, headers: admin }, 415);
    await expect('DELETE', `${TEMPLATES}/sale/en`, { headers: admin }, 200);
    await expect('DELETE', `${TEMPLATES}/sale/en`, { headers: admin }, 404, 'TEMPLATE_NOT_FOUND');
    await expect('DELETE', `${TEMPLATES}/otp_phone_change/en`, { headers: admin }, 200);
    await expect('DELETE', `${TEMPLATES}/otp_phone_change/fa`, { headers: admin }, 409, 'TEMPLATE_REQUIRED');

    const MESSAGES = '/api/v1/admin/sms/messages';
    const waiting = await expect('POST', SEND, { body: { to, text: 'to cancel' }, headers: admin }, 202);
    await expect('DELETE', `${MESSAGES}/${waiting.json().id}`, { headers: admin }, 200);
    await expect('DELETE', `${MESSAGES}/no-such-message`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('DELETE', `${MESSAGES}/${waiting.json().id}`, { headers: scopeless }, 403, 'FORBIDDEN');
    await t.app.smsQueue.worker.runOnce();
    await expect('DELETE', `${MESSAGES}/${sent.json().id}`, { headers: admin }, 409, 'MESSAGE_NOT_CANCELLABLE');
    const shop = await newKey(t, ['sms:send'], 'shop');
    await expect('POST', `/api/v1/admin/keys/${shop.id}/cancel-queued`, { headers: admin }, 200);
    await expect('POST', `/api/v1/admin/keys/no-such-key/cancel-queued`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('POST', `/api/v1/admin/keys/${shop.id}/revoke`, { headers: admin }, 200);
    await expect('POST', `/api/v1/admin/keys/no-such-key/revoke`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('POST', `/api/v1/admin/keys/${shop.id}/revoke`, { headers: scopeless }, 403, 'FORBIDDEN');
    await expect('GET', '/api/v1/admin/audit?limit=2', { headers: admin }, 200);
    await expect('GET', '/api/v1/admin/audit?cursor=nothing-we-issued', { headers: admin }, 400, 'VALIDATION_ERROR');

    // An event as another change writes one (no receiver is configured here, so it stays queued).
    await createEventRecorder(true, Date.now).record(t.database.db, 'user.blocked', { user_id: 'u-1' });
    const EVENTS = '/api/v1/admin/events';
    const listed = await expect('GET', `${EVENTS}?status=queued&type=user.blocked`, { headers: admin }, 200);
    const eventId = listed.json().events[0].id as string;
    await expect('GET', `${EVENTS}?state=queued`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${EVENTS}/${eventId}`, { headers: admin }, 200);
    await expect('GET', `${EVENTS}/evt_00000000-0000-7000-8000-000000000000`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('POST', `${EVENTS}/${eventId}/redeliver`, { headers: admin }, 200);
    await expect('POST', `${EVENTS}/${eventId}/redeliver`, { headers: scopeless }, 403, 'FORBIDDEN');
  });

  it("the admin API over the shop's users", async () => {
    const admin = { authorization: `Bearer ${(await newKey(t, SCOPE_NAMES)).secret}` };
    const scopeless = { authorization: `Bearer ${(await newKey(t, [])).secret}` };
    const USERS = '/api/v1/admin/users';
    const phone = freshPhone();
    const made = await expect(
      'POST',
      USERS,
      { body: { phone_number: phone, external_id: 'contract-1' }, headers: admin },
      201,
    );
    await expect('POST', USERS, { body: { phone_number: phone, external_id: 'contract-1' }, headers: admin }, 200);
    await expect(
      'POST',
      USERS,
      { body: { phone_number: phone, external_id: 'contract-2' }, headers: admin },
      409,
      'USER_PHONE_CONFLICT',
    );
    const other = { phone_number: freshPhone(), external_id: 'contract-1' };
    await expect('POST', USERS, { body: other, headers: admin }, 409, 'EXTERNAL_ID_IN_USE');
    await expect(
      'POST',
      USERS,
      { body: { phone_number: '123', external_id: 'x' }, headers: admin },
      400,
      'INVALID_PHONE',
    );
    await expect('POST', USERS, { body: other, headers: scopeless }, 403, 'FORBIDDEN');
    const id = made.json().user.id;
    await expect('GET', `${USERS}?limit=5&blocked=false`, { headers: admin }, 200);
    await expect('GET', `${USERS}?phone_number=123`, { headers: admin }, 400, 'INVALID_PHONE');
    await expect('GET', `${USERS}/${id}`, { headers: admin }, 200);
    await expect('GET', `${USERS}/no-such-user`, { headers: admin }, 404, 'NOT_FOUND');
    for (const action of ['block', 'unblock', 'sign-out']) {
      await expect('POST', `${USERS}/${id}/${action}`, { headers: admin }, 200);
      await expect('POST', `${USERS}/no-such-user/${action}`, { headers: admin }, 404, 'NOT_FOUND');
    }
    await expect('DELETE', `${USERS}/${id}`, { headers: scopeless }, 403, 'FORBIDDEN');
    await expect('DELETE', `${USERS}/${id}`, { headers: admin }, 200);
    await expect('DELETE', `${USERS}/${id}`, { headers: admin }, 404, 'NOT_FOUND');
  });

  it('the admin console: the staff member a token belongs to', async () => {
    const ME = '/api/v1/staff/me';
    const staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
    const member = await signIn(t);
    await staff.add({ userId: member.userId }, 'support', CLI_ACTOR);
    await expect('GET', ME, { headers: bearer(member.accessToken) }, 200);
    await expect('GET', ME, {}, 401, 'UNAUTHORIZED');
    await expect('GET', ME, { headers: bearer((await signIn(t)).accessToken) }, 403, 'STAFF_ONLY');
  });

  it('back-in-stock alerts: the user API and the admin API', async () => {
    const ALERTS = '/api/v1/alerts';
    const user = await signIn(t);
    const headers = bearer(user.accessToken);
    const body = { product_id: 'contract-tea', channels: ['sms'] };
    const made = await expect('POST', ALERTS, { body, headers }, 201);
    await expect('POST', ALERTS, { body, headers }, 200);
    await expect('POST', ALERTS, { body }, 401, 'UNAUTHORIZED');
    await expect('POST', ALERTS, { body: { ...body, channels: [] }, headers }, 400, 'VALIDATION_ERROR');
    const telegram = { ...body, channels: ['telegram'] };
    const refused = await expect('POST', ALERTS, { body: telegram, headers }, 409, 'ALERT_CHANNEL_UNAVAILABLE');
    assert.equal(refused.json().channel, 'telegram');
    await expect('GET', `${ALERTS}?limit=5`, { headers }, 200);
    await expect('GET', `${ALERTS}?cursor=nothing-we-issued`, { headers }, 400, 'VALIDATION_ERROR');
    await expect('GET', ALERTS, {}, 401, 'UNAUTHORIZED');
    const id = made.json().alerts[0].id as string;
    await expect('DELETE', `${ALERTS}/${id}`, { headers }, 200);
    await expect('DELETE', `${ALERTS}/no-such-alert`, { headers }, 404, 'NOT_FOUND');
    await expect('DELETE', `${ALERTS}/${id}`, {}, 401, 'UNAUTHORIZED');

    const ADMIN = '/api/v1/admin/alerts';
    const admin = { authorization: `Bearer ${(await newKey(t, SCOPE_NAMES)).secret}` };
    const scopeless = { authorization: `Bearer ${(await newKey(t, [])).secret}` };
    const guest = { phone_number: freshPhone(), product_id: 'contract-pot', variant_id: 'red', channels: ['sms'] };
    const subscribed = await expect('POST', ADMIN, { body: guest, headers: admin }, 201);
    await expect('POST', ADMIN, { body: guest, headers: admin }, 200);
    await expect('POST', ADMIN, { body: guest, headers: scopeless }, 403, 'FORBIDDEN');
    await expect('POST', ADMIN, { body: { ...guest, phone_number: '123' }, headers: admin }, 400, 'INVALID_PHONE');
    const byId = { user_id: 'no-such-user', product_id: 'contract-pot', channels: ['sms'] };
    await expect('POST', ADMIN, { body: byId, headers: admin }, 404, 'NOT_FOUND');
    await expect('POST', ADMIN, { body: { ...guest, channels: ['telegram'] }, headers: admin }, 409);
    await expect('GET', `${ADMIN}?product_id=contract-pot&status=active`, { headers: admin }, 200);
    await expect('GET', `${ADMIN}?status=gone`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', ADMIN, { headers: scopeless }, 403, 'FORBIDDEN');
    const alertId = subscribed.json().alerts[0].id as string;
    await expect('DELETE', `${ADMIN}/${alertId}`, { headers: scopeless }, 403, 'FORBIDDEN');
    await expect('DELETE', `${ADMIN}/${alertId}`, { headers: admin }, 200);
    await expect('DELETE', `${ADMIN}/no-such-alert`, { headers: admin }, 404, 'NOT_FOUND');
    await expect('GET', '/api/v1/admin/products/contract-pot/alerts', { headers: admin }, 200);
    await expect('GET', '/api/v1/admin/products/contract-pot/alerts', { headers: scopeless }, 403, 'FORBIDDEN');
  });

  it("the admin API over a product's stock and restocks", async () => {
    const admin = { authorization: `Bearer ${(await newKey(t, SCOPE_NAMES)).secret}` };
    const scopeless = { authorization: `Bearer ${(await newKey(t, [])).secret}` };
    const PRODUCT = '/api/v1/admin/products/contract-sku';
    const body = { quantity: 3, name: 'Contract shoe', url: 'https://shop.example.com/p/1' };
    await expect('PUT', `${PRODUCT}/stock`, { body, headers: admin }, 200);
    await expect('PUT', `${PRODUCT}/stock`, { body: { quantity: 0 }, headers: admin }, 200);
    await expect('PUT', `${PRODUCT}/stock`, { body: { quantity: 1.5 }, headers: admin }, 400, 'VALIDATION_ERROR');
    const ftp = { quantity: 1, url: 'ftp://shop.example.com/p/1' };
    await expect('PUT', `${PRODUCT}/stock`, { body: ftp, headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('PUT', `${PRODUCT}/stock`, { body, headers: scopeless }, 403, 'FORBIDDEN');
    await expect('GET', `${PRODUCT}/restocks?limit=5`, { headers: admin }, 200);
    await expect('GET', `${PRODUCT}/restocks?limit=0`, { headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('GET', `${PRODUCT}/restocks`, { headers: scopeless }, 403, 'FORBIDDEN');
  });

  it('the admin API over OpenID Connect clients', async () => {
    const admin = { authorization: `Bearer ${(await newKey(t, SCOPE_NAMES)).secret}` };
    const scopeless = { authorization: `Bearer ${(await newKey(t, [])).secret}` };
    const CLIENTS = '/api/v1/admin/oidc/clients';
    const body = { name: 'Contract shop', redirect_uris: ['https://shop.example.com/callback'] };
    const made = await expect('POST', CLIENTS, { body, headers: admin }, 201);
    const evil = { ...body, redirect_uris: ['https://shop.example.com/*'] };
    await expect('POST', CLIENTS, { body: evil, headers: admin }, 400, 'INVALID_REDIRECT_URI');
    await expect('POST', CLIENTS, { body: { ...body, secret: 'mine' }, headers: admin }, 400, 'VALIDATION_ERROR');
    await expect('POST', CLIENTS, { body, headers: scopeless }, 403, 'FORBIDDEN');
    await expect('GET', CLIENTS, { headers: admin }, 200);
    await expect('GET', CLIENTS, { headers: scopeless }, 403, 'FORBIDDEN');
    const id = made.json().client.client_id as string;
    await expect('GET', `${CLIENTS}/${id}`, { headers: admin }, 200);
    await expect('GET', `${CLIENTS}/no-such-client`, { headers: admin }, 404, 'OIDC_CLIENT_NOT_FOUND');
    await expect('DELETE', `${CLIENTS}/${id}`, { headers: scopeless }, 403, 'FORBIDDEN');
    await expect('DELETE', `${CLIENTS}/${id}`, { headers: admin }, 200);
    await expect('DELETE', `${CLIENTS}/no-such-client`, { headers: admin }, 404, 'OIDC_CLIENT_NOT_FOUND');
  });

  it('telegram: widget and Mini App sign-in, linking and unlinking', async () => {
    const now = () => Math.floor(Date.now() / 1000);
    const widget = (id: number, name = 'Sara') =>
      signedWidget({ id, first_name: name, auth_date: now() }, TELEGRAM_BOT_TOKEN);
    const initData = (id: number) =>
      signedInitData({ user: { id, first_name: 'Sara' }, auth_date: String(now()) }, TELEGRAM_BOT_TOKEN);
    const login = widget(91_000_001);
    await expect('POST', '/api/v1/telegram/login/widget', { body: login }, 200);
    await expect('POST', '/api/v1/telegram/login/widget', { body: login }, 401, 'TELEGRAM_AUTH_REPLAYED');
    await expect(
      'POST',
      '/api/v1/telegram/login/widget',
      { body: { ...widget(91_000_002), first_name: 'X' } },
      401,
      'TELEGRAM_AUTH_INVALID',
    );
    const app = await expect(
      'POST',
      '/api/v1/telegram/login/webapp',
      { body: { init_data: initData(91_000_003) } },
      200,
    );
    await expect('POST', '/api/v1/telegram/login/webapp', { body: {} }, 400, 'VALIDATION_ERROR');
    const telegramOnly = bearer(app.json().access_token);
    await expect('DELETE', '/api/v1/telegram/link', { headers: telegramOnly }, 409, 'TELEGRAM_UNLINK_REFUSED');

    const user = await signIn(t);
    const headers = bearer(user.accessToken);
    await expect('POST', '/api/v1/telegram/link/widget', { body: widget(91_000_004), headers }, 200);
    await expect(
      'POST',
      '/api/v1/telegram/link/widget',
      { body: widget(91_000_001, 'Sara again'), headers: telegramOnly },
      409,
      'TELEGRAM_ALREADY_LINKED',
    );
    await expect(
      'POST',
      '/api/v1/telegram/link/webapp',
      { body: { init_data: initData(91_000_005) }, headers },
      409,
      'TELEGRAM_ALREADY_LINKED',
    );
    await expect('DELETE', '/api/v1/telegram/link', { headers }, 200);
    await expect('DELETE', '/api/v1/telegram/link', { headers }, 404, 'NOT_FOUND');
    await expect('POST', '/api/v1/telegram/link/webapp', { body: { init_data: initData(91_000_005) }, headers }, 200);
  });

  it('telegram: OpenID Connect start, callback, exchange and link', async () => {
    const START = `/api/v1/telegram/oidc/start?return_to=${encodeURIComponent(RETURN_TO)}`;
    const started = await expect('GET', START, {}, 302);
    const cookie = String(started.headers['set-cookie']).split(';')[0]!;
    await expect(
      'GET',
      '/api/v1/telegram/oidc/start?return_to=https%3A%2F%2Fevil.example',
      {},
      400,
      'VALIDATION_ERROR',
    );
    const atTelegram = await fetch(String(started.headers.location), { redirect: 'manual' });
    const back = new URL(atTelegram.headers.get('location')!);
    const callback = `${back.pathname}${back.search}`;
    await expect('GET', callback, {}, 400, 'OIDC_STATE_INVALID');
    const returned = await expect('GET', callback, { headers: { cookie } }, 302);
    const code = new URL(String(returned.headers.location)).searchParams.get('code');
    await expect('POST', '/api/v1/telegram/oidc/exchange', { body: { code } }, 400, 'OIDC_STATE_INVALID');
    await expect('POST', '/api/v1/telegram/oidc/exchange', { body: { code }, headers: { cookie } }, 200);
    const user = await signIn(t);
    const link = '/api/v1/telegram/link/oidc';
    await expect('POST', link, { body: { return_to: RETURN_TO }, headers: bearer(user.accessToken) }, 200);
    await expect('POST', link, { body: { return_to: RETURN_TO } }, 401, 'UNAUTHORIZED');
  });

  it('telegram: signing in and linking through the bot, from a t.me link', async () => {
    const LINK = '/api/v1/telegram/login/link';
    const POLL = '/api/v1/telegram/login/link/poll';
    const started = (await expect('POST', LINK, {}, 200)).json();
    await expect('POST', LINK, { body: { user_id: 'x' } }, 400, 'VALIDATION_ERROR');
    const poll = { poll_secret: started.poll_secret };
    await expect('POST', POLL, { body: poll }, 200);
    await expect('POST', POLL, { body: { poll_secret: 'not-one' } }, 404, 'TELEGRAM_LINK_UNKNOWN');
    await expect('POST', POLL, { body: { ...poll, wait: 61 } }, 400, 'VALIDATION_ERROR');
    // The person confirms in the bot (the bot's side of the same service).
    const from = { id: 91_000_010, first_name: 'Sara' };
    const opened = await t.app.telegramLinkSignIn.open(new URL(started.url).searchParams.get('start')!, from);
    assert.equal(opened?.kind, 'login');
    await t.app.telegramLinkSignIn.decide((opened as { id: string }).id, from, 'confirm');
    await expect('POST', POLL, { body: poll }, 200);
    await expect('POST', POLL, { body: poll }, 200);

    const user = await signIn(t);
    await expect('POST', '/api/v1/telegram/link/start', { headers: bearer(user.accessToken) }, 200);
    await expect('POST', '/api/v1/telegram/link/start', {}, 401, 'UNAUTHORIZED');
  });

  it("telegram: the Gateway's delivery report, signed and forged", async () => {
    const REPORT = '/api/v1/telegram/gateway/report';
    const payload = JSON.stringify({ request_id: 'r-1', delivery_status: { status: 'read', updated_at: 1 } });
    const signed = signGatewayReport(GATEWAY_TOKEN, payload, Math.floor(t.clock.now() / 1000));
    const raw = { payload, type: 'application/json' };
    await expect('POST', REPORT, { raw, headers: signed }, 200);
    const forged = signGatewayReport('another-token', payload, Math.floor(t.clock.now() / 1000));
    await expect('POST', REPORT, { raw, headers: forged }, 401, 'UNAUTHORIZED');
  });

  it('alert links: the stop page, the click redirect, and tokens that are not valid', async () => {
    const user = await newUser(t);
    await stockOf(t, 'contract-product', { name: 'Kettle', url: 'https://shop.example/p/kettle' });
    const alert = await newAlert(t, { userId: user, productId: 'contract-product' });
    await expect('GET', `/s/${tokenFor(t, 'stop', alert.linkKey)}`, {}, 200);
    await expect('GET', `/s/${tokenFor(t, 'click', alert.linkKey)}`, {}, 404);
    await expect('GET', `/c/${tokenFor(t, 'click', alert.linkKey)}`, {}, 302);
    await expect('GET', `/c/${tokenFor(t, 'stop', alert.linkKey)}`, {}, 404);
  });

  it('hosted pages: the sign-in page, its stylesheet, scripts and font, and a name that is none of them', async () => {
    const page = (await expect('GET', '/login?lang=en&return_to=/account', {}, 200)).body;
    const names = [...page.matchAll(/\/assets\/([\w.-]+)/g)].map((match) => match[1]!);
    // The stylesheet, the font, the common script, the page's, and (the bot is configured here) the bot's.
    assert.equal(new Set(names).size, 5, page);
    for (const name of new Set(names)) await expect('GET', `/assets/${name}`, {}, 200);
    await expect('GET', '/assets/login.000000000000.css', {}, 404, 'NOT_FOUND');
  });

  it("hosted pages: signing in to the pages' session and out of it, from this origin and from another", async () => {
    const own = { host: 'otpgate.test', origin: 'http://otpgate.test' };
    const phone = freshPhone();
    await expect('POST', '/api/v1/otp/phone/login/request', { body: { phone_number: phone } }, 200);
    const body = { phone_number: phone, code: code(phone) };
    const foreign = { host: own.host, origin: 'https://evil.example' };
    await expect('POST', '/login/session', { body, headers: foreign }, 403, 'ORIGIN_NOT_ALLOWED');
    await expect(
      'POST',
      '/login/session',
      { body: { ...body, code: wrong(body.code) }, headers: own },
      400,
      'OTP_INVALID',
    );
    const signedIn = await expect('POST', '/login/session', { body, headers: own }, 200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    await expect('GET', '/login?return_to=/account', { headers: { ...own, cookie } }, 303);
    await expect('GET', '/account?lang=en', { headers: { ...own, cookie } }, 200);
    await expect('POST', '/logout', { headers: { ...foreign, cookie } }, 403, 'ORIGIN_NOT_ALLOWED');
    await expect('POST', '/logout', { headers: { ...own, cookie } }, 303);
    await expect('GET', '/account', { headers: { ...own, cookie } }, 303);
  });

  it('hosted pages: the admin console, signed out, as a user who is not staff, and as staff', async () => {
    const own = { host: 'otpgate.test', origin: 'http://otpgate.test' };
    await expect('GET', '/admin', { headers: own }, 303);
    const phone = freshPhone();
    await expect('POST', '/api/v1/otp/phone/login/request', { body: { phone_number: phone } }, 200);
    const signedIn = await expect(
      'POST',
      '/login/session',
      { body: { phone_number: phone, code: code(phone) }, headers: own },
      200,
    );
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    await expect('GET', '/admin', { headers: { ...own, cookie } }, 403);
    await expect('GET', '/admin/health', { headers: { ...own, cookie } }, 403);
    await expect('GET', '/admin/health/1', { headers: { ...own, cookie } }, 403);
    const staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
    await staff.add({ userId: signedIn.json().user.id }, 'admin', CLI_ACTOR);
    await expect('GET', '/admin', { headers: { ...own, cookie } }, 303);
    await expect('GET', '/admin/health', { headers: { ...own, cookie } }, 200);
    await expect('GET', '/admin/health/1', { headers: { ...own, cookie } }, 200);
    await expect('GET', '/admin/nothing', { headers: { ...own, cookie } }, 404);
  });

  it('hosted pages: signing in with Telegram from the sign-in page, through the bot and through Telegram', async () => {
    const own = { host: 'otpgate.test', origin: 'http://otpgate.test' };
    const started = (await expect('POST', '/api/v1/telegram/login/link', {}, 200)).json();
    const poll = { poll_secret: started.poll_secret };
    await expect(
      'POST',
      '/login/telegram/poll',
      { body: poll, headers: { host: own.host } },
      403,
      'ORIGIN_NOT_ALLOWED',
    );
    await expect('POST', '/login/telegram/poll', { body: poll, headers: own }, 200);
    const unknown = { poll_secret: 'not-one' };
    await expect('POST', '/login/telegram/poll', { body: unknown, headers: own }, 404, 'TELEGRAM_LINK_UNKNOWN');
    const from = { id: 91_000_020, first_name: 'Sara' };
    const opened = await t.app.telegramLinkSignIn.open(new URL(started.url).searchParams.get('start')!, from);
    await t.app.telegramLinkSignIn.decide((opened as { id: string }).id, from, 'confirm');
    const signedIn = await expect('POST', '/login/telegram/poll', { body: poll, headers: own }, 200);
    assert.equal(signedIn.json().status, 'signed_in');

    const back = pageReturnUrl(t.config.tokens.issuer, '/account');
    const start = await expect(
      'GET',
      `/api/v1/telegram/oidc/start?${new URLSearchParams({ return_to: back })}`,
      {},
      302,
    );
    const cookie = String([start.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const atTelegram = await fetch(String(start.headers.location), { redirect: 'manual' });
    const callback = new URL(atTelegram.headers.get('location')!);
    const returned = await expect('GET', `${callback.pathname}${callback.search}`, { headers: { cookie } }, 302);
    const page = new URL(String(returned.headers.location));
    const done = await expect('GET', `${page.pathname}${page.search}`, { headers: { cookie } }, 303);
    assert.equal(done.headers.location, '/account');
    await expect('GET', `/login/telegram?code=${'x'.repeat(300)}`, {}, 400, 'VALIDATION_ERROR');
  });

  it("OpenID Connect: the provider's endpoints and its sign-in and consent steps", async () => {
    const issuer = t.config.tokens.issuer;
    const host = new URL(issuer).host;
    // Every exchange is checked against the document, whatever its status.
    const checked: Transport = async ({ method, path, headers, body }) => {
      const res = await t.inject({
        method: method as 'GET',
        url: path,
        headers: { ...fromNewAddress(), ...headers },
        payload: body,
      });
      const answer = { status: res.statusCode, headers: res.headers, body: res.body };
      assert.deepEqual(contract.check(method, path, answer), [], `${method} ${path} ${res.statusCode}`);
      return { ...answer, headers: res.headers as Record<string, string>, json: () => JSON.parse(res.body) };
    };
    const get = (path: string, headers: Record<string, string> = {}) =>
      checked({ method: 'GET', path, headers: { host, ...headers } });
    const rp = await registerClient(t, { firstParty: false });
    const agent = new Agent(checked, issuer);

    assert.equal((await get('/oidc/auth?client_id=nobody&response_type=code&scope=openid')).status, 400);
    const request = authorizationRequest(rp, 'openid phone');
    const started = await agent.send('GET', request.url);
    assert.ok([302, 303].includes(started.status), started.body);
    const step = location(started);
    assert.match(step, /^\/oidc\/interaction\/[\w-]+$/);
    assert.equal((await agent.send('GET', step)).status, 303, 'not signed in: to /login');
    await signInPages(agent, t);
    const signedIn = await agent.send('GET', step);
    assert.equal(signedIn.status, 303);
    const consentStep = location(await agent.send('GET', new URL(location(signedIn), issuer).pathname));
    assert.match(consentStep, /^\/oidc\/interaction\/[\w-]+$/, 'a client that is not first-party asks for consent');
    assert.equal((await agent.send('GET', consentStep)).status, 200);
    const foreign = await agent.send(
      'POST',
      `${step}/consent`,
      { decision: 'allow' },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.json().code, 'ORIGIN_NOT_ALLOWED');
    const allowed = await agent.send('POST', `${consentStep}/consent`, { decision: 'allow' });
    assert.equal(allowed.status, 303);
    const callback = callbackOf(await agent.send('GET', new URL(location(allowed), issuer).pathname), rp);
    assert.equal((await get('/oidc/interaction/no-such-step')).json().code, 'OIDC_INTERACTION_NOT_FOUND');
    assert.equal((await get('/oidc/auth/no-such-step')).status, 400);

    const wrongSecret = { ...rp, secret: 'otpgcs_wrong' };
    assert.equal((await redeem(checked, issuer, wrongSecret, callback.code!, request.verifier)).status, 401);
    const tokens = await redeem(checked, issuer, rp, callback.code!, request.verifier);
    assert.equal(tokens.status, 200, tokens.body);
    const { access_token: accessToken, id_token: idToken, refresh_token: refreshToken } = tokens.json();
    assert.equal((await get('/oidc/me')).status, 401);
    assert.equal((await get('/oidc/me', { authorization: `Bearer ${accessToken}` })).status, 200);

    const revoke = (client: typeof rp, token: string) =>
      checked({
        method: 'POST',
        path: '/oidc/token/revocation',
        headers: {
          host,
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ token }).toString(),
      });
    assert.equal((await revoke(wrongSecret, refreshToken)).status, 401);

    const endQuery = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: rp.postLogoutRedirectUri,
    });
    const unregistered = new URLSearchParams({
      client_id: rp.clientId,
      post_logout_redirect_uri: 'https://evil.example/',
    });
    assert.equal((await agent.send('GET', `/oidc/session/end?${unregistered}`)).status, 400);
    const question = await agent.send('GET', `/oidc/session/end?${endQuery}`);
    assert.equal(question.status, 200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question.body)?.[1];
    assert.ok(xsrf, question.body);
    assert.equal(
      (await agent.send('POST', '/oidc/session/end/confirm', { xsrf: 'forged', logout: 'yes' })).status,
      400,
    );
    const out = await agent.send('POST', '/oidc/session/end/confirm', { xsrf, logout: 'yes' });
    assert.equal(out.status, 303);
    assert.ok(location(out).startsWith(rp.postLogoutRedirectUri), location(out));
    assert.equal((await get('/oidc/session/end/success')).status, 200);
    assert.equal((await get('/oidc/session/end/success?client_id=nobody')).status, 400);
    // After the sign-out the grant is gone with the session: the refresh token no longer refreshes.
    const refreshed = await tokenRequest(checked, issuer, rp, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    assert.equal(refreshed.status, 400);
    assert.equal((await revoke(rp, refreshToken)).status, 200);
    const denied = await agent.send('POST', `${consentStep}/consent`, { decision: 'deny' });
    assert.equal(denied.status, 404, 'a finished step is gone');
  });

  it("telegram: the bot's webhook, with its secret and without", async () => {
    const WEBHOOK = '/api/v1/telegram/webhook';
    const body = { update_id: 1, ...textUpdate(person(4242), '/help') };
    await expect('POST', WEBHOOK, { body, headers: { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET } }, 200);
    await expect(
      'POST',
      WEBHOOK,
      { body, headers: { 'x-telegram-bot-api-secret-token': 'wrong' } },
      401,
      'UNAUTHORIZED',
    );
  });

  it('drove every documented route through its success and, where a client can cause one, an error', () => {
    const missing = contract.operations().flatMap(({ method, path, operation }) => {
      const route = `${method} ${path}`;
      const seen = [...contract.seen].filter((entry) => entry.startsWith(`${route} `));
      // A redirect is the success of a route a browser is sent to (sign-in with Telegram's OpenID Connect).
      const success = Object.keys(operation.responses).find((status) => /^[23]/.test(status));
      const gaps = seen.some((entry) => entry === `${route} ${success}`) ? [] : [`${route}: no ${success}`];
      if (
        !NO_CLIENT_ERROR.includes(route) &&
        !seen.some((entry) => / [45]\d\d /.test(`${entry} `.slice(route.length)))
      ) {
        gaps.push(`${route}: no error`);
      }
      return gaps;
    });
    assert.deepEqual(missing, []);
  });
});
