import { callIssuer } from './http.ts';
import { unavailable } from './problem.ts';
import { isSecureUrl } from './secure-url.ts';

/** The slice of the issuer's metadata this client uses. Telegram has no userinfo endpoint. */
export interface IssuerMetadata {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
}

/**
 * Reads `${issuer}/.well-known/openid-configuration`. The document must name exactly the configured issuer
 * (OpenID Connect Discovery §4.3), or tokens would be checked against one issuer and fetched from another;
 * every endpoint must be https (or loopback http), since the token call carries the client secret.
 */
export async function discover(issuer: string, timeoutMs: number): Promise<IssuerMetadata> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const { status, json } = await callIssuer('discovery', url, { method: 'GET', headers: accept }, timeoutMs);
  if (status !== 200 || json === null) throw unavailable(`discovery: HTTP ${status}${json ? '' : ', not JSON'}`);
  if (json.issuer !== issuer) throw unavailable(`discovery: the document names issuer ${String(json.issuer)}`);
  return {
    authorizationEndpoint: endpoint(json, 'authorization_endpoint'),
    tokenEndpoint: endpoint(json, 'token_endpoint'),
    jwksUri: endpoint(json, 'jwks_uri'),
  };
}

const accept = { accept: 'application/json' };

function endpoint(json: Record<string, unknown>, name: string): string {
  const value = json[name];
  if (typeof value !== 'string' || !isSecureUrl(value)) {
    throw unavailable(`discovery: ${name} is missing or not an https URL`);
  }
  return value;
}
