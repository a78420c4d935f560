import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { TestApp } from './app.ts';
import { newKey } from './api-keys.ts';
import { freshPhone } from './session-sign-in.ts';

/** A relying party as registered: what it sends to the provider. */
export interface RelyingParty {
  readonly clientId: string;
  /** Null for a public client. */
  readonly secret: string | null;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  json(): any;
}

/** One HTTP exchange with the service, over `app.inject` or a real socket (`fetch`), never following redirects. */
export type Transport = (request: {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<Answer>;

const answerOf = (status: number, headers: Answer['headers'], body: string): Answer => ({
  status,
  headers,
  body,
  json: () => JSON.parse(body),
});

/** Through Fastify's inject: no socket, as the API tests do. */
export const injectTransport =
  (t: TestApp): Transport =>
  async ({ method, path, headers, body }) => {
    const res = await t.inject({ method: method as 'GET', url: path, headers, payload: body });
    return answerOf(res.statusCode, res.headers as Answer['headers'], res.body);
  };

/** Over a real socket to `base` (a listening app: a test's, or a bench's). */
export const fetchTransport =
  (base: string): Transport =>
  async ({ method, path, headers, body }) => {
    const res = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
    const all: Answer['headers'] = {};
    res.headers.forEach((value, name) => (all[name] = value));
    all['set-cookie'] = res.headers.getSetCookie();
    return answerOf(res.status, all, await res.text());
  };

/** A browser's cookies, by name (paths ignored: the provider's cookies have distinct names). */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(answer: Answer): void {
    const lines = answer.headers['set-cookie'];
    for (const line of [lines ?? []].flat()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (gone || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  has(name: string): boolean {
    return this.#cookies.has(name);
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  /** Drops every cookie but `keep` (a new visit of a browser that keeps only that one). */
  keepOnly(keep: string): void {
    for (const name of [...this.#cookies.keys()]) if (name !== keep) this.#cookies.delete(name);
  }
}

/** A browser without a page: it keeps cookies and sends this service's Host and Origin. */
export class Agent {
  readonly jar = new CookieJar();
  constructor(
    readonly transport: Transport,
    /** The public URL (PUBLIC_URL): its host is sent, and its origin on POSTs. */
    readonly issuer: string,
  ) {}

  async send(method: string, path: string, form?: Record<string, string>, extra: Record<string, string> = {}) {
    const url = new URL(path, this.issuer);
    const headers: Record<string, string> = { host: url.host };
    if (this.jar.header()) headers.cookie = this.jar.header();
    let body: string | undefined;
    if (form) {
      headers.origin = new URL(this.issuer).origin;
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    Object.assign(headers, extra);
    const answer = await this.transport({ method, path: `${url.pathname}${url.search}`, headers, body });
    this.jar.take(answer);
    return answer;
  }

  /** A JSON POST from a page of this origin (the sign-in page's calls). */
  async postJson(path: string, payload: unknown) {
    const url = new URL(path, this.issuer);
    const headers: Record<string, string> = {
      host: url.host,
      origin: url.origin,
      'content-type': 'application/json',
    };
    if (this.jar.header()) headers.cookie = this.jar.header();
    const answer = await this.transport({ method: 'POST', path: url.pathname, headers, body: JSON.stringify(payload) });
    this.jar.take(answer);
    return answer;
  }
}

export const location = (answer: Answer) => String(answer.headers.location ?? '');

/** PKCE (RFC 7636) with S256. */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Registers a client through the admin API, as an operator would. */
export async function registerClient(
  t: TestApp,
  options: { firstParty?: boolean; isPublic?: boolean; redirectUri?: string; postLogoutRedirectUri?: string } = {},
): Promise<RelyingParty> {
  const redirectUri = options.redirectUri ?? 'http://localhost:5173/callback';
  const postLogoutRedirectUri = options.postLogoutRedirectUri ?? 'http://localhost:5173/signed-out';
  const key = await newKey(t, ['clients:write']);
  const created = await t.post(
    '/api/v1/admin/oidc/clients',
    {
      name: options.firstParty ? 'Shop web' : 'Partner app',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutRedirectUri],
      first_party: options.firstParty ?? false,
      public: options.isPublic ?? false,
    },
    { authorization: `Bearer ${key.secret}` },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return {
    clientId: created.body.client.client_id,
    secret: created.body.client_secret,
    redirectUri,
    postLogoutRedirectUri,
  };
}

/** The query of /oidc/auth for this client, with a fresh state, nonce and PKCE pair. */
export function authorizationRequest(rp: RelyingParty, scope = 'openid phone', extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const query = new URLSearchParams({
    client_id: rp.clientId,
    redirect_uri: rp.redirectUri,
    response_type: 'code',
    scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return { url: `/oidc/auth?${query}`, verifier, state, nonce };
}

/** Signs the agent in to the hosted pages with a code by SMS, as /login's script does. */
export async function signInPages(agent: Agent, t: TestApp, phone = freshPhone()): Promise<string> {
  const sent = await agent.postJson('/api/v1/otp/phone/login/request', { phone_number: phone });
  assert.equal(sent.status, 200, sent.body);
  const code = t.sink.lastCode(phone);
  assert.ok(code, `no code to ${phone}`);
  const signedIn = await agent.postJson('/login/session', { phone_number: phone, code });
  assert.equal(signedIn.status, 200, signedIn.body);
  return signedIn.json().user.id;
}

/**
 * Follows redirects inside the service from `path` until one leaves it (to the client), one sends the
 * browser to /login, or a page answers; returns that last answer. A consent page is allowed or denied
 * (`consent`) when one shows.
 */
export async function follow(agent: Agent, path: string, consent?: 'allow' | 'deny'): Promise<Answer> {
  let answer = await agent.send('GET', path);
  for (let hops = 0; hops < 10; hops++) {
    if (answer.status === 200 && consent && /\/oidc\/interaction\/[^/]+$/.test(path)) {
      answer = await agent.send('POST', `${path}/consent`, { decision: consent });
      consent = undefined;
    }
    if (answer.status !== 302 && answer.status !== 303) return answer;
    const next = new URL(location(answer), agent.issuer);
    if (next.origin !== new URL(agent.issuer).origin || next.pathname === '/login') return answer;
    path = `${next.pathname}${next.search}`;
    answer = await agent.send('GET', path);
  }
  throw new Error(`too many redirects from ${path}`);
}

/** The `code` (and `state`) a redirect to the client carries, or its `error`. */
export function callbackOf(answer: Answer, rp: RelyingParty) {
  assert.ok(answer.status === 302 || answer.status === 303, `${answer.status} ${answer.body}`);
  const url = new URL(location(answer));
  assert.equal(`${url.origin}${url.pathname}`, rp.redirectUri);
  return Object.fromEntries(url.searchParams) as Record<string, string>;
}

/** The client's own call to the token endpoint (client_secret_basic, or client_id for a public client). */
export async function tokenRequest(
  transport: Transport,
  issuer: string,
  rp: RelyingParty,
  form: Record<string, string>,
) {
  const headers: Record<string, string> = {
    host: new URL(issuer).host,
    'content-type': 'application/x-www-form-urlencoded',
  };
  const fields = { ...form };
  if (rp.secret) {
    const id = encodeURIComponent(rp.clientId);
    headers.authorization = `Basic ${Buffer.from(`${id}:${encodeURIComponent(rp.secret)}`).toString('base64')}`;
  } else fields.client_id = rp.clientId;
  return transport({ method: 'POST', path: '/oidc/token', headers, body: new URLSearchParams(fields).toString() });
}

export const redeem = (transport: Transport, issuer: string, rp: RelyingParty, code: string, verifier: string) =>
  tokenRequest(transport, issuer, rp, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: rp.redirectUri,
    code_verifier: verifier,
  });

/**
 * The whole code flow without a browser: sign in to the pages, authorize, (consent,) redeem the code.
 * For tests and for a bench: `transport` is inject or fetch. Returns the token answer and what went in.
 */
export async function codeFlow(
  t: TestApp,
  transport: Transport,
  rp: RelyingParty,
  options: { scope?: string; consent?: 'allow'; agent?: Agent; phone?: string } = {},
) {
  const issuer = t.config.tokens.issuer;
  const agent = options.agent ?? new Agent(transport, issuer);
  const userId = options.agent ? undefined : await signInPages(agent, t, options.phone);
  const request = authorizationRequest(rp, options.scope);
  const callback = callbackOf(await follow(agent, request.url, options.consent), rp);
  assert.equal(callback.state, request.state);
  assert.ok(callback.code, JSON.stringify(callback));
  const tokens = await redeem(transport, issuer, rp, callback.code, request.verifier);
  assert.equal(tokens.status, 200, tokens.body);
  return { agent, userId, request, code: callback.code, tokens: tokens.json() };
}

/** A free loopback port, so that an app can be told its PUBLIC_URL before it listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
