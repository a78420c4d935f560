import { callIssuer } from './http.ts';
import { refused, unavailable } from './problem.ts';

export interface CodeExchange {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly timeoutMs: number;
}

/**
 * Trades the authorization code for the id_token, as Telegram documents it: HTTP Basic with the client id
 * and secret, and `client_id` in the form as well. An OAuth error answer (`invalid_grant` for a used, expired
 * or foreign code or a wrong verifier, `invalid_client` for our credentials) is `refused`; a 5xx or an answer
 * that is not the protocol is `unavailable`.
 */
export async function exchangeCode(exchange: CodeExchange): Promise<string> {
  const { tokenEndpoint, clientId, clientSecret, timeoutMs } = exchange;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    client_id: clientId,
    code_verifier: exchange.codeVerifier,
  });
  const headers = {
    authorization: basic(clientId, clientSecret),
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const { status, json } = await callIssuer(
    'token',
    tokenEndpoint,
    { method: 'POST', headers, body: `${body}` },
    timeoutMs,
  );
  // 429 is the issuer shedding load, not a verdict on this code.
  if (status >= 500 || status === 429 || json === null) {
    throw unavailable(`token: HTTP ${status}${json ? '' : ', not JSON'}`);
  }
  if (typeof json.error === 'string') {
    const described = typeof json.error_description === 'string' ? ` (${json.error_description.slice(0, 200)})` : '';
    throw refused(`token: HTTP ${status} ${json.error.slice(0, 64)}${described}`);
  }
  if (status !== 200) throw unavailable(`token: HTTP ${status} without an OAuth error`);
  if (typeof json.id_token !== 'string') throw refused('token: the answer has no id_token (was openid in the scope?)');
  return json.id_token;
}

/** RFC 6749 §2.3.1: both halves are form-encoded before base64, so a ':' in the secret stays in the secret. */
function basic(clientId: string, clientSecret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}
