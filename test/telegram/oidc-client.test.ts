import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it, type TestContext } from 'node:test';
import pino from 'pino';
import { ConfigError } from '../../src/config/config-error.ts';
import { AppError } from '../../src/errors/app-error.ts';
import type { ErrorCode } from '../../src/errors/codes.ts';
import {
  createTelegramOidc,
  DISCOVERY_MAX_AGE_MS,
  newPkce,
  type TelegramOidc,
} from '../../src/telegram/oidc/client.ts';
import { KEY_SET_MAX_AGE_MS, KEY_SET_REFRESH_COOLDOWN_MS } from '../../src/telegram/oidc/key-set.ts';
import { testClock, type TestClock } from '../helpers/clock.ts';
import {
  startFakeTelegramOidc,
  TELEGRAM_USER,
  type Endpoint,
  type FakeTelegramOidc,
} from '../helpers/fake-telegram-oidc.ts';
import { logCapture } from '../helpers/log-capture.ts';

const CLIENT_ID = '8104235567';
const CLIENT_SECRET = 'f3Jk9LqWz0xTn4VbYc7Rm2HsA5';
const REDIRECT_URI = 'https://shop.example/auth/telegram/callback';
const TIMEOUT_MS = 400;

interface Setup {
  readonly fake: FakeTelegramOidc;
  readonly oidc: TelegramOidc;
  readonly clock: TestClock;
  readonly logs: ReturnType<typeof logCapture>;
}

async function setup(t: TestContext, fakeOptions: { keysWithoutAlg?: boolean } = {}): Promise<Setup> {
  const clock = testClock();
  const fake = await startFakeTelegramOidc({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    now: clock.now,
    ...fakeOptions,
  });
  t.after(() => fake.close());
  const logs = logCapture();
  const settings = {
    issuer: fake.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    timeoutMs: TIMEOUT_MS,
  };
  const oidc = createTelegramOidc(settings, { now: clock.now, log: pino({ level: 'debug' }, logs.stream) });
  return { fake, oidc, clock, logs };
}

/** What a browser does: follows the authorization URL, which the fake answers with a redirect back. */
async function authorize(oidc: TelegramOidc) {
  const pkce = newPkce();
  const state = `state-${Math.random()}`;
  const url = await oidc.authorizationUrl({ state, codeChallenge: pkce.challenge, redirectUri: REDIRECT_URI });
  const answer = await fetch(url, { redirect: 'manual' });
  assert.equal(answer.status, 302);
  const back = new URL(answer.headers.get('location') ?? '');
  assert.equal(back.searchParams.get('state'), state);
  return { code: back.searchParams.get('code') ?? '', codeVerifier: pkce.verifier, redirectUri: REDIRECT_URI, url };
}

async function signIn(oidc: TelegramOidc) {
  return oidc.redeem(await authorize(oidc));
}

/** The `reason` of each log line the client wrote. */
function reasons(logs: ReturnType<typeof logCapture>): string[] {
  return logs.lines.map((line) => (JSON.parse(line) as { reason?: string }).reason ?? '');
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

describe('Telegram OpenID Connect client', () => {
  it('sends the browser to the authorization endpoint with the code flow, S256 PKCE and the default scopes', async (t) => {
    const { fake, oidc } = await setup(t);
    const { url } = await authorize(oidc);
    assert.ok(url.startsWith(`${fake.issuer}/auth?`));
    const request = fake.authRequests[0]!;
    assert.equal(request.get('client_id'), CLIENT_ID);
    assert.equal(request.get('response_type'), 'code');
    assert.equal(request.get('scope'), 'openid profile phone');
    assert.equal(request.get('redirect_uri'), REDIRECT_URI);
    assert.equal(request.get('code_challenge_method'), 'S256');
    assert.match(request.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
  });

  it('a sign-in gives the Telegram user id from the id claim, never sub', async (t) => {
    const { oidc } = await setup(t);
    const identity = await signIn(oidc);
    assert.deepEqual(identity, {
      telegramId: String(TELEGRAM_USER.id),
      name: TELEGRAM_USER.name,
      username: TELEGRAM_USER.username,
      picture: TELEGRAM_USER.picture,
      phoneNumber: TELEGRAM_USER.phoneNumber,
    });
    assert.notEqual(identity.telegramId, TELEGRAM_USER.sub);
  });

  it('without the phone scope the identity has no number', async (t) => {
    const { oidc } = await setup(t);
    const pkce = newPkce();
    const url = await oidc.authorizationUrl({
      state: 's',
      codeChallenge: pkce.challenge,
      redirectUri: REDIRECT_URI,
      scope: 'openid profile',
    });
    const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
    const code = back.searchParams.get('code') ?? '';
    const identity = await oidc.redeem({ code, codeVerifier: pkce.verifier, redirectUri: REDIRECT_URI });
    assert.equal(identity.phoneNumber, null);
    assert.equal(identity.telegramId, String(TELEGRAM_USER.id));
  });

  it('redeems the code with Basic auth and client_id, redirect_uri and the verifier in the form', async (t) => {
    const { fake, oidc } = await setup(t);
    const flow = await authorize(oidc);
    await oidc.redeem(flow);
    const { headers, form } = fake.tokenRequests[0]!;
    assert.equal(headers.authorization, `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`);
    assert.equal(headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(form.get('grant_type'), 'authorization_code');
    assert.equal(form.get('code'), flow.code);
    assert.equal(form.get('client_id'), CLIENT_ID);
    assert.equal(form.get('redirect_uri'), REDIRECT_URI);
    assert.equal(form.get('code_verifier'), flow.codeVerifier);
  });

  it('makes no call to a userinfo endpoint', async (t) => {
    const { fake, oidc } = await setup(t);
    await signIn(oidc);
    assert.deepEqual({ ...fake.hits }, { discovery: 1, jwks: 1, auth: 1, token: 1 });
  });
});

describe('Telegram key set', () => {
  it('an ES256K key listed first does not stop the RS256 key after it from verifying', async (t) => {
    const { fake, oidc } = await setup(t);
    const { keys } = (await (await fetch(`${fake.issuer}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ crv?: string; alg?: string }>;
    };
    assert.equal(keys[0]?.crv, 'secp256k1');
    assert.equal(keys[1]?.alg, 'RS256');
    assert.equal((await signIn(oidc)).telegramId, String(TELEGRAM_USER.id));
  });

  it('a token signed with the ES256 key of the same set verifies too', async (t) => {
    const { fake, oidc } = await setup(t);
    fake.tamper({ signer: 'es256' });
    assert.equal((await signIn(oidc)).telegramId, String(TELEGRAM_USER.id));
  });

  it('a token signed with the ES256K key is refused, since it cannot be verified here', async (t) => {
    const { fake, oidc, logs } = await setup(t);
    fake.tamper({ signer: 'es256k' });
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.match(logs.text(), /not an algorithm verified here/);
  });

  it('keys published without alg: the ES256K key is never taken for an ES256 token that names it', async (t) => {
    const { fake, oidc, logs } = await setup(t, { keysWithoutAlg: true });
    assert.equal((await signIn(oidc)).telegramId, String(TELEGRAM_USER.id));
    fake.tamper({ signer: 'es256', kid: 'oidc-es256k-1' });
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.match(reasons(logs).join('\n'), /oidc-es256k-1 for ES256 is not in the issuer's key set/);
  });

  it('a rotated signing key is picked up with one fetch of the key set', async (t) => {
    const { fake, oidc, clock } = await setup(t);
    await signIn(oidc);
    assert.equal(fake.hits.jwks, 1);
    fake.rotateSigningKey();
    clock.advance(KEY_SET_REFRESH_COOLDOWN_MS);
    assert.equal((await signIn(oidc)).telegramId, String(TELEGRAM_USER.id));
    assert.equal(fake.hits.jwks, 2);
    await signIn(oidc);
    assert.equal(fake.hits.jwks, 2);
  });

  it('an unknown kid fetches the key set once for that token, and a flood of them no more often than the cooldown', async (t) => {
    const { fake, oidc, clock } = await setup(t);
    await signIn(oidc);
    clock.advance(KEY_SET_REFRESH_COOLDOWN_MS);
    fake.tamper({ kid: 'invented-1' });
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.equal(fake.hits.jwks, 2);
    for (let i = 0; i < 5; i++) await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.equal(fake.hits.jwks, 2);
    clock.advance(KEY_SET_REFRESH_COOLDOWN_MS);
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.equal(fake.hits.jwks, 3);
    // A set too old to use is fetched for the token, and that fetch is its only one.
    clock.advance(KEY_SET_MAX_AGE_MS);
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.equal(fake.hits.jwks, 4);
  });

  it('sign-ins that start together share one discovery and one key set fetch', async (t) => {
    const { fake, oidc } = await setup(t);
    const flows = await Promise.all([authorize(oidc), authorize(oidc), authorize(oidc)]);
    const identities = await Promise.all(flows.map((flow) => oidc.redeem(flow)));
    assert.deepEqual(
      identities.map((identity) => identity.telegramId),
      Array(3).fill(String(TELEGRAM_USER.id)),
    );
    assert.equal(fake.hits.discovery, 1);
    assert.equal(fake.hits.jwks, 1);
  });

  it('the key set is fetched again once it is older than its maximum age', async (t) => {
    const { fake, oidc, clock } = await setup(t);
    await signIn(oidc);
    clock.advance(KEY_SET_MAX_AGE_MS - 2_000);
    await signIn(oidc);
    assert.equal(fake.hits.jwks, 1);
    clock.advance(2_000);
    await signIn(oidc);
    assert.equal(fake.hits.jwks, 2);
  });
});

describe('Telegram id_token checks', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const refusals: ReadonlyArray<[string, Parameters<FakeTelegramOidc['tamper']>[0], RegExp]> = [
    ['an audience other than this client', { claims: { aud: '999999999' } }, /unexpected "aud" claim value/],
    ['an issuer other than the configured one', { claims: { iss: 'https://oauth.telegram.org' } }, /"iss"/],
    ['an exp past the clock tolerance', { claims: { iat: now() - 7200, exp: now() - 60 } }, /ERR_JWT_EXPIRED/],
    ['no exp', { claims: { exp: undefined } }, /missing required "exp"/],
    ['no iat', { claims: { iat: undefined } }, /missing required "iat"/],
    ['no id claim, even with a sub', { claims: { id: undefined } }, /no numeric id claim/],
    ['an id that is not a number', { claims: { id: 'sara' } }, /no numeric id claim/],
    [
      'a kid the key set does not have',
      { kid: 'oidc-unknown' },
      /oidc-unknown for RS256 is not in the issuer's key set/,
    ],
    ['a signature by a key that is not the issuer’s', { signer: 'stranger' }, /SIGNATURE_VERIFICATION_FAILED/],
  ];
  for (const [what, tampering, reason] of refusals) {
    it(`a token with ${what} is refused`, async (t) => {
      const { fake, oidc, logs } = await setup(t);
      fake.tamper(tampering);
      await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
      assert.match(reasons(logs).join('\n'), reason);
    });
  }

  it('a token that expired a few seconds ago is within the clock tolerance', async (t) => {
    const { fake, oidc } = await setup(t);
    fake.tamper({ claims: { iat: now() - 3600, exp: now() - 10 } });
    assert.equal((await signIn(oidc)).telegramId, String(TELEGRAM_USER.id));
  });

  it('a token without nonce is accepted: Telegram sends none in the redirect flow', async (t) => {
    const { fake, oidc } = await setup(t);
    await signIn(oidc);
    const payload = JSON.parse(Buffer.from(fake.idTokens[0]!.split('.')[1]!, 'base64url').toString('utf8'));
    assert.equal('nonce' in payload, false);
  });
});

describe('Telegram token endpoint refusals', () => {
  it('a wrong PKCE verifier is refused (invalid_grant)', async (t) => {
    const { oidc, logs } = await setup(t);
    const flow = await authorize(oidc);
    await rejectsWith(oidc.redeem({ ...flow, codeVerifier: newPkce().verifier }), 'TELEGRAM_AUTH_INVALID');
    assert.match(logs.text(), /invalid_grant/);
  });

  it('a code is good once: the second redeem is refused', async (t) => {
    const { oidc } = await setup(t);
    const flow = await authorize(oidc);
    await oidc.redeem(flow);
    await rejectsWith(oidc.redeem(flow), 'TELEGRAM_AUTH_INVALID');
  });

  it('a redirect_uri other than the one authorized is refused', async (t) => {
    const { oidc } = await setup(t);
    const flow = await authorize(oidc);
    await rejectsWith(oidc.redeem({ ...flow, redirectUri: 'https://evil.example/cb' }), 'TELEGRAM_AUTH_INVALID');
  });

  it('a token answer without an id_token is refused', async (t) => {
    const { fake, oidc, logs } = await setup(t);
    fake.tamper({ noIdToken: true });
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.match(reasons(logs).join('\n'), /no id_token/);
  });

  it('a wrong client secret is refused (invalid_client, 401)', async (t) => {
    const { fake } = await setup(t);
    const settings = { issuer: fake.issuer, clientId: CLIENT_ID, clientSecret: 'wrong', timeoutMs: TIMEOUT_MS };
    const logs = logCapture();
    const oidc = createTelegramOidc(settings, { now: Date.now, log: pino(logs.stream) });
    await rejectsWith(signIn(oidc), 'TELEGRAM_AUTH_INVALID');
    assert.match(logs.text(), /HTTP 401 invalid_client/);
  });
});

describe('Telegram issuer failures', () => {
  const steps: ReadonlyArray<[Endpoint, (oidc: TelegramOidc) => Promise<unknown>]> = [
    ['discovery', (oidc) => oidc.authorizationUrl({ state: 's', codeChallenge: 'c', redirectUri: REDIRECT_URI })],
    ['jwks', signIn],
    ['token', signIn],
  ];
  for (const [endpoint, step] of steps) {
    it(`a ${endpoint} call that hangs ends in TELEGRAM_UNAVAILABLE within the timeout`, async (t) => {
      const { fake, oidc, logs } = await setup(t);
      fake.misbehave(endpoint, 'hang');
      const started = performance.now();
      await rejectsWith(step(oidc), 'TELEGRAM_UNAVAILABLE');
      const took = performance.now() - started;
      assert.equal(fake.hits[endpoint], 1);
      assert.ok(took >= TIMEOUT_MS - 5 && took < TIMEOUT_MS + 1_000, `took ${took} ms`);
      assert.match(logs.text(), new RegExp(`${endpoint}: no answer within ${TIMEOUT_MS} ms`));
    });

    const statuses = { 'http-500': 500, 'oauth-500': 500, throttled: 429, garbage: 200 } as const;
    for (const [how, status] of Object.entries(statuses)) {
      it(`a ${endpoint} answer that is ${how} is TELEGRAM_UNAVAILABLE`, async (t) => {
        const { fake, oidc, logs } = await setup(t);
        fake.misbehave(endpoint, how as keyof typeof statuses);
        await rejectsWith(step(oidc), 'TELEGRAM_UNAVAILABLE');
        assert.equal(fake.hits[endpoint], 1);
        assert.match(reasons(logs).join('\n'), new RegExp(`^${endpoint}: HTTP ${status}`, 'm'));
      });
    }
  }

  it('an issuer nothing listens on is TELEGRAM_UNAVAILABLE', async (t) => {
    const { fake } = await setup(t);
    const issuer = fake.issuer;
    await fake.close();
    const settings = { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: TIMEOUT_MS };
    const oidc = createTelegramOidc(settings, { now: Date.now, log: pino({ level: 'silent' }) });
    await rejectsWith(signIn(oidc), 'TELEGRAM_UNAVAILABLE');
  });

  it('discovery is fetched once and kept; a failed one is not kept', async (t) => {
    const { fake, oidc } = await setup(t);
    const input = { state: 's', codeChallenge: 'c', redirectUri: REDIRECT_URI };
    fake.misbehave('discovery', 'http-500');
    await rejectsWith(oidc.authorizationUrl(input), 'TELEGRAM_UNAVAILABLE');
    fake.misbehave('discovery', null);
    await oidc.authorizationUrl(input);
    await signIn(oidc);
    await signIn(oidc);
    assert.equal(fake.hits.discovery, 2);
  });

  it('discovery is fetched again after a day', async (t) => {
    const { fake, oidc, clock } = await setup(t);
    await signIn(oidc);
    clock.advance(DISCOVERY_MAX_AGE_MS - 2_000);
    await signIn(oidc);
    assert.equal(fake.hits.discovery, 1);
    clock.advance(2_000);
    await signIn(oidc);
    assert.equal(fake.hits.discovery, 2);
  });

  it('a discovery document naming another issuer is not used', async (t) => {
    const { fake, oidc } = await setup(t);
    fake.tamperDiscovery({ issuer: 'https://oauth.telegram.org' });
    await rejectsWith(signIn(oidc), 'TELEGRAM_UNAVAILABLE');
    assert.equal(fake.hits.token, 0);
  });

  it('a discovery document with a plain-http token endpoint off this machine is not used', async (t) => {
    const { fake, oidc, logs } = await setup(t);
    fake.tamperDiscovery({ token_endpoint: 'http://oauth.telegram.org/token' });
    await rejectsWith(signIn(oidc), 'TELEGRAM_UNAVAILABLE');
    assert.match(reasons(logs).join('\n'), /token_endpoint is missing or not an https URL/);
  });

  it('an issuer on plain http is refused at start unless it is loopback', () => {
    const deps = { now: Date.now, log: pino({ level: 'silent' }) };
    const settings = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: TIMEOUT_MS };
    assert.throws(() => createTelegramOidc({ ...settings, issuer: 'http://oauth.telegram.org' }, deps), ConfigError);
    assert.throws(() => createTelegramOidc({ ...settings, issuer: 'http://10.0.0.5:8080' }, deps), ConfigError);
    createTelegramOidc({ ...settings, issuer: 'https://oauth.telegram.org' }, deps);
    createTelegramOidc({ ...settings, issuer: 'http://127.0.0.1:8443' }, deps);
    createTelegramOidc({ ...settings, issuer: 'http://localhost:8443' }, deps);
  });
});

describe('what the Telegram client logs', () => {
  it('logs why a sign-in failed, never the client secret, the code, the verifier or a token', async (t) => {
    const { fake, oidc, logs } = await setup(t);
    const good = await authorize(oidc);
    await oidc.redeem(good);
    const bad = await authorize(oidc);
    fake.tamper({ claims: { aud: 'someone-else' } });
    await rejectsWith(oidc.redeem(bad), 'TELEGRAM_AUTH_INVALID');
    await rejectsWith(oidc.redeem(bad), 'TELEGRAM_AUTH_INVALID');
    fake.misbehave('token', 'http-500');
    const third = await authorize(oidc);
    await rejectsWith(oidc.redeem(third), 'TELEGRAM_UNAVAILABLE');
    const text = logs.text();
    assert.match(text, /telegram sign-in refused/);
    assert.match(text, /telegram issuer unavailable/);
    const secrets = [CLIENT_SECRET, ...[good, bad, third].flatMap((flow) => [flow.code, flow.codeVerifier])];
    for (const secret of [...secrets, ...fake.idTokens]) assert.equal(text.includes(secret), false);
  });
});

describe('newPkce', () => {
  it('gives a fresh verifier each time and its S256 challenge', () => {
    const first = newPkce();
    const second = newPkce();
    assert.notEqual(first.verifier, second.verifier);
    assert.match(first.verifier, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(first.challenge, createHash('sha256').update(first.verifier).digest('base64url'));
  });
});
