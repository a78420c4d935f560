import { createHash, generateKeyPairSync, randomBytes, sign, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { SignJWT } from 'jose';
import { listenOnLoopback } from './local-server.ts';

/** The Telegram user the fake signs in, as its id_token describes them (reference/telegram.md §3). */
export interface FakeTelegramUser {
  readonly id: number;
  readonly sub: string;
  readonly name: string;
  readonly username: string;
  readonly picture: string;
  readonly phoneNumber: string;
}

export const TELEGRAM_USER: FakeTelegramUser = {
  id: 777000123,
  sub: '4305847305834095723',
  name: 'Sara Ahmadi',
  username: 'sara_a',
  picture: 'https://t.me/i/userpic/320/sara_a.jpg',
  phoneNumber: '989121234567',
};

export type Endpoint = 'discovery' | 'jwks' | 'token';
/**
 * `hang` never answers; `http-500` is an HTML error page; `oauth-500` a 500 with an OAuth `server_error`
 * body; `throttled` a 429 with `slow_down`; `garbage` is a 200 that is not JSON.
 */
export type Misbehaviour = 'hang' | 'http-500' | 'oauth-500' | 'throttled' | 'garbage';
/** `stranger` signs with an RSA key that is not in the key set, under the advertised kid. */
export type Signer = 'rs256' | 'es256' | 'es256k' | 'stranger';

export interface IdTokenTampering {
  /** Merged over the claims Telegram would send; a claim set to `undefined` is left out. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** The `kid` in the header instead of the signing key's own. */
  readonly kid?: string;
  readonly signer?: Signer;
  /** Answer the token call without an id_token at all. */
  readonly noIdToken?: boolean;
}

export interface FakeTelegramOidc {
  /** The issuer URL (`http://127.0.0.1:port`), for TelegramOidcSettings. */
  readonly issuer: string;
  /** Query strings of the `/auth` calls, in order. */
  readonly authRequests: readonly URLSearchParams[];
  /** The `/token` calls: the headers (for Basic auth) and the form. */
  readonly tokenRequests: ReadonlyArray<{ readonly headers: IncomingHttpHeaders; readonly form: URLSearchParams }>;
  /** The id_tokens handed out, so that tests can look for them where they must not be (the log). */
  readonly idTokens: readonly string[];
  /** Requests seen per endpoint, hung ones included. */
  readonly hits: Readonly<Record<Endpoint | 'auth', number>>;
  /** The kid of the RS256 key that signs now. */
  readonly signingKid: string;
  /** From now on `endpoint` misbehaves this way; `null` puts it right. */
  misbehave(endpoint: Endpoint, how: Misbehaviour | null): void;
  /** The next id_tokens are built this way; `null` puts them right. */
  tamper(tampering: IdTokenTampering | null): void;
  /** Replaces the discovery document's fields (a wrong issuer, an http endpoint). */
  tamperDiscovery(fields: Readonly<Record<string, unknown>>): void;
  /** A new RS256 signing key with a new kid takes the old one's place in the key set. */
  rotateSigningKey(): string;
  /** The next sign-ins are this person's. */
  signInAs(next: FakeTelegramUser): void;
  close(): Promise<void>;
}

export interface FakeTelegramOidcOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly user?: FakeTelegramUser;
  /** Publish the keys without `alg`, as the JWK spec allows: only `kty`, `crv` and `kid` tell them apart. */
  readonly keysWithoutAlg?: boolean;
  /** The fake's clock, for `iat` and `exp`. */
  readonly now?: () => number;
}

interface IssuedCode {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly scope: string;
  used: boolean;
}

/**
 * A local "Log In With Telegram" issuer over real HTTP: discovery, a key set that lists an ES256K key first
 * (as Telegram's does) before the RS256 key that signs and an ES256 one, `/auth` that signs the configured
 * user in at once and redirects back with `code` and `state`, and `/token` that checks what Telegram checks
 * (Basic auth, grant type, a single-use code, redirect_uri, the PKCE verifier) and answers as Telegram does.
 */
export async function startFakeTelegramOidc(options: FakeTelegramOidcOptions): Promise<FakeTelegramOidc> {
  const { clientId, clientSecret } = options;
  let user = options.user ?? TELEGRAM_USER;
  const now = options.now ?? Date.now;
  const es256k = keyPair('ec', { namedCurve: 'secp256k1' }, 'oidc-es256k-1', 'ES256K');
  const es256 = keyPair('ec', { namedCurve: 'P-256' }, 'oidc-es256-1', 'ES256');
  let rs256 = keyPair('rsa', { modulusLength: 2048 }, 'oidc-1', 'RS256');
  const stranger = keyPair('rsa', { modulusLength: 2048 }, 'oidc-1', 'RS256');
  let rotations = 1;

  const codes = new Map<string, IssuedCode>();
  const authRequests: URLSearchParams[] = [];
  const tokenRequests: Array<{ headers: IncomingHttpHeaders; form: URLSearchParams }> = [];
  const idTokens: string[] = [];
  const hits = { discovery: 0, jwks: 0, auth: 0, token: 0 };
  const misbehaviour = new Map<Endpoint, Misbehaviour>();
  let tampering: IdTokenTampering = {};
  let discoveryFields: Readonly<Record<string, unknown>> = {};
  let issuer = '';

  function discoveryDocument() {
    return {
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256', 'ES256', 'EdDSA', 'ES256K'],
      scopes_supported: ['openid', 'profile', 'phone', 'telegram:bot_access'],
      code_challenge_methods_supported: ['plain', 'S256'],
      claims_supported: ['aud', 'preferred_username', 'phone_number', 'exp', 'iat', 'iss', 'name', 'picture', 'sub'],
      ...discoveryFields,
    };
  }

  async function idToken(scope: string): Promise<string> {
    const iat = Math.floor(now() / 1000);
    const scopes = scope.split(' ');
    const claims: Record<string, unknown> = {
      iss: issuer,
      aud: clientId,
      sub: user.sub,
      iat,
      exp: iat + 3600,
      id: user.id,
      ...(scopes.includes('profile') && { name: user.name, preferred_username: user.username, picture: user.picture }),
      ...(scopes.includes('phone') && { phone_number: user.phoneNumber }),
      ...tampering.claims,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
    const signer = tampering.signer ?? 'rs256';
    const key = { rs256, es256, es256k, stranger }[signer];
    const kid = tampering.kid ?? key.kid;
    if (signer === 'es256k') return signEs256k(claims, kid, es256k.privateKey);
    return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid, typ: 'JWT' }).sign(key.privateKey);
  }

  function authorize(query: URLSearchParams, res: ServerResponse) {
    authRequests.push(query);
    const redirectUri = query.get('redirect_uri');
    const challenge = query.get('code_challenge');
    if (query.get('client_id') !== clientId || query.get('response_type') !== 'code' || !redirectUri) {
      return send(res, 400, 'text/html', '<html>Bad request</html>');
    }
    if (!challenge || query.get('code_challenge_method') !== 'S256') {
      return send(res, 400, 'text/html', '<html>PKCE with S256 is required here</html>');
    }
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { redirectUri, challenge, scope: query.get('scope') ?? 'openid', used: false });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    res.writeHead(302, { location: back.href }).end();
  }

  async function token(headers: IncomingHttpHeaders, form: URLSearchParams, res: ServerResponse) {
    tokenRequests.push({ headers, form });
    if (!basicMatches(headers.authorization, clientId, clientSecret) || form.get('client_id') !== clientId) {
      return oauthError(res, 401, 'invalid_client', 'client authentication failed');
    }
    if (form.get('grant_type') !== 'authorization_code') {
      return oauthError(res, 400, 'unsupported_grant_type', 'only authorization_code');
    }
    const issued = codes.get(form.get('code') ?? '');
    if (!issued || issued.used) return oauthError(res, 400, 'invalid_grant', 'code is invalid or was used');
    // Spent whatever follows, as a code must be: a wrong verifier does not leave it for another try.
    issued.used = true;
    if (form.get('redirect_uri') !== issued.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) {
      return oauthError(res, 400, 'invalid_grant', 'code_verifier does not match');
    }
    const answer = { access_token: randomBytes(24).toString('base64url'), token_type: 'Bearer', expires_in: 3600 };
    if (tampering.noIdToken) return send(res, 200, 'application/json', JSON.stringify(answer));
    const signed = await idToken(issued.scope);
    idTokens.push(signed);
    send(res, 200, 'application/json', JSON.stringify({ ...answer, id_token: signed }));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', issuer);
      const endpoint = ENDPOINTS[`${req.method} ${url.pathname}`];
      if (endpoint === undefined) return send(res, 404, 'text/plain', 'not found');
      hits[endpoint]++;
      const how = endpoint === 'auth' ? undefined : misbehaviour.get(endpoint);
      if (how === 'hang') return;
      if (how === 'http-500') return send(res, 500, 'text/html', '<html><body>500 Internal Server Error</body></html>');
      if (how === 'oauth-500') return oauthError(res, 500, 'server_error', 'try again later');
      if (how === 'throttled') return oauthError(res, 429, 'slow_down', 'too many requests');
      if (how === 'garbage') return send(res, 200, 'text/html', '<html>Telegram</html>');
      if (endpoint === 'discovery') return send(res, 200, 'application/json', JSON.stringify(discoveryDocument()));
      if (endpoint === 'jwks') {
        const keys = [es256k.publicJwk, rs256.publicJwk, es256.publicJwk].map(({ alg, ...key }) =>
          options.keysWithoutAlg ? key : { ...key, alg },
        );
        return send(res, 200, 'application/json', JSON.stringify({ keys }));
      }
      if (endpoint === 'auth') return authorize(url.searchParams, res);
      void token(req.headers, new URLSearchParams(Buffer.concat(chunks).toString('utf8')), res);
    });
  });

  const listening = await listenOnLoopback(server);
  issuer = `http://127.0.0.1:${listening.port}`;
  return {
    issuer,
    authRequests,
    tokenRequests,
    idTokens,
    hits,
    get signingKid() {
      return rs256.kid;
    },
    misbehave(endpoint, how) {
      if (how === null) misbehaviour.delete(endpoint);
      else misbehaviour.set(endpoint, how);
    },
    tamper(next) {
      tampering = next ?? {};
    },
    tamperDiscovery(fields) {
      discoveryFields = fields;
    },
    signInAs(next) {
      user = next;
    },
    rotateSigningKey() {
      rs256 = keyPair('rsa', { modulusLength: 2048 }, `oidc-${++rotations}`, 'RS256');
      return rs256.kid;
    },
    close: listening.close,
  };
}

const ENDPOINTS: Readonly<Record<string, Endpoint | 'auth'>> = {
  'GET /.well-known/openid-configuration': 'discovery',
  'GET /.well-known/jwks.json': 'jwks',
  'GET /auth': 'auth',
  'POST /token': 'token',
};

function keyPair(type: 'rsa' | 'ec', parameters: object, kid: string, alg: string) {
  const { publicKey, privateKey } = generateKeyPairSync(type as 'rsa', parameters as { modulusLength: number });
  return { kid, alg, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

/** `jose` (WebCrypto) cannot sign with secp256k1, so this one is put together by hand. */
function signEs256k(claims: object, kid: string, key: KeyObject): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'ES256K', kid, typ: 'JWT' })}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function basicMatches(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const expected = Buffer.from(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function oauthError(res: ServerResponse, status: number, error: string, description: string) {
  send(res, status, 'application/json', JSON.stringify({ error, error_description: description }));
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type }).end(body);
}
