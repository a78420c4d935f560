import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { newKey } from '../helpers/api-keys.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  Agent,
  authorizationRequest,
  callbackOf,
  codeFlow,
  follow,
  injectTransport,
  location,
  redeem,
  registerClient,
  signInPages,
  tokenRequest,
  type RelyingParty,
  type Transport,
} from '../helpers/oidc-rp.ts';
import { signingKeysOf } from '../helpers/signing-keys.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';

forEachDatabase('the OpenID Connect provider, without a browser', (backend) => {
  let t: TestApp;
  let http: Transport;
  let issuer: string;
  let first: RelyingParty;
  let partner: RelyingParty;
  before(async () => {
    // A one-second resend wait: one test signs a number in again through the API.
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000', OTP_RESEND_SECONDS: '1' } });
    http = injectTransport(t);
    issuer = t.config.tokens.issuer;
    first = await registerClient(t, { firstParty: true });
    partner = await registerClient(t, { firstParty: false });
  });
  after(() => t?.close());

  /** The ID token verified as a relying party verifies it: against the published keys, for this client. */
  async function verifyIdToken(idToken: string, rp: RelyingParty) {
    const jwks = (await t.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(idToken, createLocalJWKSet(jwks), {
      issuer,
      audience: rp.clientId,
      algorithms: ['ES256'],
    });
    return { payload, protectedHeader };
  }

  const userinfo = (accessToken: string) => t.get('/oidc/me', { authorization: `Bearer ${accessToken}` });

  it('one discovery document names the provider and the API’s keys and introspection', async () => {
    const answer = await t.get('/.well-known/openid-configuration');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['cache-control'], 'public, max-age=300');
    const doc = answer.body;
    assert.equal(doc.issuer, issuer);
    assert.equal(doc.authorization_endpoint, `${issuer}/oidc/auth`);
    assert.equal(doc.token_endpoint, `${issuer}/oidc/token`);
    assert.equal(doc.userinfo_endpoint, `${issuer}/oidc/me`);
    assert.equal(doc.end_session_endpoint, `${issuer}/oidc/session/end`);
    assert.equal(doc.revocation_endpoint, `${issuer}/oidc/token/revocation`);
    assert.equal(doc.jwks_uri, `${issuer}/.well-known/jwks.json`);
    assert.equal(doc.introspection_endpoint, `${issuer}/api/v1/auth/introspect`);
    assert.equal(doc.service_documentation, `${issuer}/docs`);
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(doc.response_types_supported, ['code']);
    assert.deepEqual(doc.grant_types_supported.sort(), ['authorization_code', 'refresh_token']);
    assert.deepEqual(doc.id_token_signing_alg_values_supported, ['ES256']);
    assert.deepEqual(doc.scopes_supported, ['openid', 'phone', 'profile', 'offline_access']);
    // Only what is served and usable: no pushed authorization requests, no JWT client authentication.
    assert.equal(doc.pushed_authorization_request_endpoint, undefined);
    assert.deepEqual(doc.token_endpoint_auth_methods_supported, ['client_secret_basic', 'client_secret_post', 'none']);
    for (const claim of ['sub', 'phone_number', 'phone_number_verified', 'name', 'amr', 'auth_time', 'external_id']) {
      assert.ok(doc.claims_supported.includes(claim), claim);
    }
    // The provider's own key set is not routed: the keys are at jwks_uri only.
    assert.equal((await t.get('/oidc/jwks')).status, 404);
  });

  it('the code flow: an ES256 ID token for the user, userinfo, and a refresh that rotates', async () => {
    const flow = await codeFlow(t, http, first);
    const { payload, protectedHeader } = await verifyIdToken(flow.tokens.id_token, first);
    assert.equal(protectedHeader.alg, 'ES256');
    assert.equal(protectedHeader.kid, (await t.app.signingKeys.signer()).kid, 'the key of access tokens');
    assert.equal(payload.sub, flow.userId);
    assert.equal(payload.nonce, flow.request.nonce);
    assert.match(String(payload.phone_number), /^\+98912\d{7}$/);
    assert.equal(payload.phone_number_verified, true);
    assert.deepEqual(payload.amr, ['sms']);
    assert.equal(payload.acr, 'sms');
    assert.ok(Math.abs(Number(payload.auth_time) - Date.now() / 1000) < 60);

    const info = await userinfo(flow.tokens.access_token);
    assert.equal(info.status, 200);
    assert.deepEqual(info.body, { sub: flow.userId, phone_number: payload.phone_number, phone_number_verified: true });

    const refresh = (token: string) =>
      tokenRequest(http, issuer, first, { grant_type: 'refresh_token', refresh_token: token });
    const refreshed = await refresh(flow.tokens.refresh_token);
    assert.equal(refreshed.status, 200, refreshed.body);
    const next = refreshed.json();
    assert.notEqual(next.refresh_token, flow.tokens.refresh_token, 'rotated');
    assert.equal((await verifyIdToken(next.id_token, first)).payload.sub, flow.userId);
    // The spent token again: reuse, so the whole grant goes, the newest refresh token with it.
    const reused = await refresh(flow.tokens.refresh_token);
    assert.equal(reused.status, 400);
    assert.equal(reused.json().error, 'invalid_grant');
    assert.equal((await refresh(next.refresh_token)).status, 400, 'the grant was revoked');
    assert.equal((await userinfo(next.access_token)).status, 401);
  });

  it('revoking a refresh token (RFC 7009) ends its grant: no refresh, and its access token is refused', async () => {
    const { tokens } = await codeFlow(t, http, first);
    const basic = `Basic ${Buffer.from(`${first.clientId}:${first.secret}`).toString('base64')}`;
    const revoked = await http({
      method: 'POST',
      path: '/oidc/token/revocation',
      headers: {
        host: new URL(issuer).host,
        authorization: basic,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: 'refresh_token' }).toString(),
    });
    assert.equal(revoked.status, 200, revoked.body);
    const refreshed = await tokenRequest(http, issuer, first, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    assert.equal(refreshed.json().error, 'invalid_grant');
    assert.equal((await userinfo(tokens.access_token)).status, 401);
  });

  it('scope profile releases what is known; a user without Telegram has no name', async () => {
    const flow = await codeFlow(t, http, first, { scope: 'openid profile' });
    const { payload } = await verifyIdToken(flow.tokens.id_token, first);
    assert.equal(payload.phone_number, undefined, 'scope phone was not asked for');
    assert.equal(payload.name, undefined);
    await t.database.db
      .insertInto('telegram_users')
      .values({
        telegram_id: `${Date.now()}`,
        user_id: flow.userId!,
        first_name: 'Sara',
        last_name: 'Ahmadi',
        username: 'sara',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
    const info = await userinfo(flow.tokens.access_token);
    assert.deepEqual(info.body, {
      sub: flow.userId,
      name: 'Sara Ahmadi',
      given_name: 'Sara',
      family_name: 'Ahmadi',
      preferred_username: 'sara',
    });
  });

  it('offline_access (with prompt=consent) gives the shop’s own client a refresh token that outlives sign-out', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const request = authorizationRequest(first, 'openid offline_access', { prompt: 'consent' });
    const { code } = callbackOf(await follow(agent, request.url), first);
    const tokens = (await redeem(http, issuer, first, code!, request.verifier)).json();
    assert.equal(tokens.scope, 'openid offline_access');
    // Signed out at the provider (every client): an offline refresh token still refreshes.
    const question = await agent.send('GET', '/oidc/session/end');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question.body)![1]!;
    assert.equal((await agent.send('POST', '/oidc/session/end/confirm', { xsrf, logout: 'yes' })).status, 303);
    const refreshed = await tokenRequest(http, issuer, first, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    assert.equal(refreshed.status, 200, refreshed.body);
  });

  it('PUBLIC_URL on https: the provider’s cookies are Secure, though the request came over plain HTTP (a proxy)', async () => {
    const secure = await startTestApp(backend, { env: { PUBLIC_URL: 'https://auth.example.com' } });
    try {
      const rp = await registerClient(secure, { firstParty: true, redirectUri: 'https://shop.example.com/cb' });
      const answer = await secure.inject({
        method: 'GET',
        url: authorizationRequest(rp).url,
        headers: { host: 'auth.example.com' },
      });
      assert.equal(answer.statusCode, 303, answer.body);
      const cookies = [answer.headers['set-cookie'] ?? []].flat();
      assert.ok(cookies.length >= 2, cookies.join('\n'));
      for (const cookie of cookies) assert.match(cookie, /; secure/i, cookie);
      assert.match(String(answer.headers.location), /^\/oidc\/interaction\//);
    } finally {
      await secure.close();
    }
  });

  it('signing out of the pages in a shared browser ends the provider’s session: the next person gets their own account', async () => {
    const flow = await codeFlow(t, http, first);
    const out = await flow.agent.send('POST', '/logout', undefined, { origin: new URL(issuer).origin });
    assert.equal(out.status, 303);
    assert.ok(!flow.agent.jar.has('otpgate_session'));
    // Nobody is signed in now: the shop's next sign-in goes to /login, not silently to the last person.
    const asked = await follow(flow.agent, authorizationRequest(first).url);
    assert.match(location(asked), /^\/login\?return_to=/);
    const next = await signInPages(flow.agent, t);
    assert.notEqual(next, flow.userId);
    const again = authorizationRequest(first);
    const callback = callbackOf(await follow(flow.agent, again.url), first);
    const tokens = await redeem(http, issuer, first, callback.code!, again.verifier);
    assert.equal((await verifyIdToken(tokens.json().id_token, first)).payload.sub, next);
  });

  it('signed out everywhere (by an admin, or by the user), the provider’s session and its grants end', async () => {
    for (const how of ['admin', 'user'] as const) {
      const agent = new Agent(http, issuer);
      const userId = await signInPages(agent, t);
      const { tokens } = await codeFlow(t, http, first, { agent });
      if (how === 'admin') {
        const key = await newKey(t, ['users:write']);
        const out = await t.inject({
          method: 'POST',
          url: `/api/v1/admin/users/${userId}/sign-out`,
          headers: { authorization: `Bearer ${key.secret}` },
        });
        assert.equal(out.statusCode, 200, out.body);
      } else {
        await setTimeout(1100); // the resend wait since this number's sign-in, on the wall clock
        const api = await signIn(
          t,
          (
            await t.database.db
              .selectFrom('users')
              .select('phone_number')
              .where('id', '=', userId)
              .executeTakeFirstOrThrow()
          ).phone_number!,
        );
        const out = await t.post('/api/v1/auth/logout-all', { include_current: true }, bearer(api.accessToken));
        assert.equal(out.status, 200, JSON.stringify(out.body));
      }
      assert.equal((await userinfo(tokens.access_token)).status, 401, how);
      const refreshed = await tokenRequest(http, issuer, first, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      });
      assert.equal(refreshed.json().error, 'invalid_grant', how);
      const quiet = await follow(agent, authorizationRequest(first, 'openid', { prompt: 'none' }).url);
      // No code without someone signing in (the provider says which step is missing: login or interaction).
      const answer = callbackOf(quiet, first);
      assert.equal(answer.code, undefined, how);
      assert.match(answer.error ?? '', /^(login|interaction)_required$/, how);
    }
  });

  it('prompt=login and max_age ask for a new sign-in; a recent one is taken', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const toLogin = (answer: { status: number; headers: Record<string, unknown> }) =>
      answer.status === 303 && String(answer.headers.location).startsWith('/login?return_to=%2Foidc%2Finteraction%2F');
    // Signed in just now: max_age=300 is met.
    const recent = await follow(agent, authorizationRequest(first, 'openid', { max_age: '300' }).url);
    callbackOf(recent, first);
    // prompt=login: the pages' sign-in came before this step, so it is ended and /login asked for.
    const forced = await follow(agent, authorizationRequest(first, 'openid', { prompt: 'login' }).url);
    assert.ok(toLogin(forced), `${forced.status} ${String(forced.headers.location)}`);
    assert.ok(!agent.jar.has('otpgate_session'), 'the pages’ session was ended');

    const later = new Agent(http, issuer);
    await signInPages(later, t);
    t.clock.advance(120_000);
    const stale = await follow(later, authorizationRequest(first, 'openid', { max_age: '60' }).url);
    assert.ok(toLogin(stale), `${stale.status} ${String(stale.headers.location)}`);
  });

  it('consent: a partner’s client asks; allowed it gets a code, denied it gets access_denied', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const denied = authorizationRequest(partner);
    const refused = callbackOf(await follow(agent, denied.url, 'deny'), partner);
    assert.equal(refused.error, 'access_denied');
    assert.equal(refused.state, denied.state);
    assert.equal(refused.code, undefined);

    const asked = await follow(agent, authorizationRequest(partner).url);
    assert.equal(asked.status, 200, 'the consent page');
    assert.match(asked.body, /Partner app/);
    // The step is bound to the browser that started it: another one, signed in and on this origin, but
    // without the provider's cookie of the step, cannot answer it.
    const step = /action="(\/oidc\/interaction\/[^"]+\/consent)"/.exec(asked.body)![1]!;
    const other = new Agent(http, issuer);
    await signInPages(other, t);
    const stranger = await other.send('POST', step, { decision: 'allow' });
    assert.equal(stranger.status, 404);
    assert.equal(stranger.json().code, 'OIDC_INTERACTION_NOT_FOUND');
    const flow = await codeFlow(t, http, partner, { agent, consent: 'allow' });
    assert.ok(flow.tokens.id_token);
    // Allowed once: not asked again for the same scopes.
    const again = authorizationRequest(partner);
    callbackOf(await follow(agent, again.url), partner);
  });

  it('refuses a wrong redirect URI at the provider, and a request without PKCE at the client', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const wrong = await agent.send(
      'GET',
      authorizationRequest({ ...first, redirectUri: 'https://evil.example/cb' }).url,
    );
    assert.equal(wrong.status, 400, 'never redirected to an unregistered URI');
    assert.equal(wrong.headers.location, undefined);

    for (const rp of [first, await registerClient(t, { firstParty: true, isPublic: true })]) {
      const request = authorizationRequest(rp);
      const url = new URL(request.url, issuer);
      url.searchParams.delete('code_challenge');
      url.searchParams.delete('code_challenge_method');
      const refused = callbackOf(await follow(agent, `${url.pathname}${url.search}`), rp);
      assert.equal(refused.error, 'invalid_request');
      assert.match(refused.error_description!, /PKCE/);
      const plain = new URL(request.url, issuer);
      plain.searchParams.set('code_challenge_method', 'plain');
      assert.equal(callbackOf(await follow(agent, `${plain.pathname}${plain.search}`), rp).error, 'invalid_request');
    }
  });

  it('a wrong secret, a wrong verifier and a replayed code are refused; a replay revokes what the code gave', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const request = authorizationRequest(first);
    const { code } = callbackOf(await follow(agent, request.url), first);
    const wrongSecret = await redeem(
      http,
      issuer,
      { ...first, secret: 'otpgcs_not-the-secret' },
      code!,
      request.verifier,
    );
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.json().error, 'invalid_client');
    const wrongVerifier = await redeem(http, issuer, first, code!, 'x'.repeat(43));
    assert.equal(wrongVerifier.json().error, 'invalid_grant');

    const second = authorizationRequest(first);
    const { code: fresh } = callbackOf(await follow(agent, second.url), first);
    const tokens = await redeem(http, issuer, first, fresh!, second.verifier);
    assert.equal(tokens.status, 200);
    const replay = await redeem(http, issuer, first, fresh!, second.verifier);
    assert.equal(replay.status, 400);
    assert.equal(replay.json().error, 'invalid_grant');
    assert.equal((await userinfo(tokens.json().access_token)).status, 401, 'the code’s tokens are revoked');
  });

  it('of parallel redemptions of one code, and of one refresh token, exactly one gets tokens', async () => {
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    for (let round = 0; round < 3; round++) {
      const request = authorizationRequest(first);
      const { code } = callbackOf(await follow(agent, request.url), first);
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => redeem(http, issuer, first, code!, request.verifier)),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [200, 400, 400, 400], answers.map((answer) => answer.body).join('\n'));
      for (const loser of answers.filter((answer) => answer.status === 400)) {
        assert.equal(loser.json().error, 'invalid_grant');
      }
    }
    // A refresh token of its own grant: a redemption that came after the code was spent is a replay, and the
    // provider then revokes the grant (RFC 6749 4.1.2), the winner's tokens included.
    for (let round = 0; round < 3; round++) {
      const { tokens } = await codeFlow(t, http, first, { agent });
      const refreshes = await Promise.all(
        Array.from({ length: 4 }, () =>
          tokenRequest(http, issuer, first, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }),
        ),
      );
      const statuses = refreshes.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [200, 400, 400, 400], refreshes.map((answer) => answer.body).join('\n'));
      for (const loser of refreshes.filter((answer) => answer.status !== 200)) {
        assert.equal(loser.json().error, 'invalid_grant');
      }
    }
  });

  it('a disabled client can neither start a sign-in nor redeem its code', async () => {
    const rp = await registerClient(t, { firstParty: true });
    const agent = new Agent(http, issuer);
    await signInPages(agent, t);
    const request = authorizationRequest(rp);
    const { code } = callbackOf(await follow(agent, request.url), rp);
    const key = await newKey(t, ['clients:write']);
    const disabled = await t.inject({
      method: 'DELETE',
      url: `/api/v1/admin/oidc/clients/${rp.clientId}`,
      headers: { authorization: `Bearer ${key.secret}` },
    });
    assert.equal(disabled.statusCode, 200);
    const redeemed = await redeem(http, issuer, rp, code!, request.verifier);
    assert.equal(redeemed.status, 401);
    assert.equal(redeemed.json().error, 'invalid_client');
    const started = await agent.send('GET', authorizationRequest(rp).url);
    assert.equal(started.status, 400);
    assert.match(started.body, /<code>invalid_client<\/code>/, 'the page names the error');
    assert.equal(started.headers.location, undefined);
  });

  it('a blocked user gets no tokens: not for a code from before, not by refresh, not by a new sign-in', async () => {
    const agent = new Agent(http, issuer);
    const userId = await signInPages(agent, t);
    const tokens = (await codeFlow(t, http, first, { agent })).tokens;
    const request = authorizationRequest(first);
    const { code } = callbackOf(await follow(agent, request.url), first);
    const key = await newKey(t, ['users:write']);
    const blocked = await t.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${userId}/block`,
      headers: { authorization: `Bearer ${key.secret}` },
    });
    assert.equal(blocked.statusCode, 200, blocked.body);
    const redeemed = await redeem(http, issuer, first, code!, request.verifier);
    assert.equal(redeemed.json().error, 'invalid_grant');
    const refreshed = await tokenRequest(http, issuer, first, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    assert.equal(refreshed.json().error, 'invalid_grant');
    assert.equal((await userinfo(tokens.access_token)).status, 401);
    // The block ended the pages' session: a new authorization is sent to /login, where the code is refused.
    const again = await follow(agent, authorizationRequest(first, 'openid', { prompt: 'login' }).url);
    assert.equal(again.status, 303);
    assert.match(location(again), /^\/login\?return_to=/);
    // Without prompt=login the provider remembers the sign-in, but not a blocked user: to /login as well.
    const quiet = await follow(agent, authorizationRequest(first).url);
    assert.equal(quiet.status, 303);
    assert.match(location(quiet), /^\/login\?return_to=/);
    // There a blocked user's code is refused with USER_BLOCKED (the sign-in's own check: test/users/blocked.test.ts).
  });
});

describe('the OpenID Connect provider and key rotation', () => {
  const sqlite = { name: 'sqlite' } as const;
  let t: TestApp;
  before(async () => {
    const { DATABASES } = await import('../helpers/app.ts');
    t = await startTestApp(DATABASES.find((backend) => backend.name === sqlite.name)!);
  });
  after(() => t?.close());

  it('signs ID tokens with the new key once the ring has it, without a restart', async () => {
    const http = injectTransport(t);
    const rp = await registerClient(t, { firstParty: true });
    const before = await codeFlow(t, http, rp);
    const oldKid = decodeProtectedHeader(before.tokens.id_token).kid;
    assert.equal(oldKid, (await t.app.signingKeys.signer()).kid);

    await signingKeysOf(t).rotate(true);
    await t.app.signingKeys.refresh();
    const newKid = (await t.app.signingKeys.signer()).kid;
    assert.notEqual(newKid, oldKid);
    const afterRotation = await codeFlow(t, http, rp);
    assert.equal(decodeProtectedHeader(afterRotation.tokens.id_token).kid, newKid);
    const jwks = (await t.get('/.well-known/jwks.json')).body as JSONWebKeySet;
    for (const token of [before.tokens.id_token, afterRotation.tokens.id_token]) {
      await jwtVerify(token, createLocalJWKSet(jwks), { issuer: t.config.tokens.issuer, audience: rp.clientId });
    }
    // An ID token of the old key still names its user at sign-out (id_token_hint), while its key is published.
    const query = new URLSearchParams({ id_token_hint: before.tokens.id_token });
    const out = await before.agent.send('GET', `/oidc/session/end?${query}`);
    assert.equal(out.status, 200, out.body);
    assert.ok(location(out) === '' && /name="xsrf"/.test(out.body));
  });
});
