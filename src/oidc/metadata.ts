import type { Selectable } from 'kysely';
import type { OidcClientsTable } from '../db/types.ts';

/** A registered client as oidc-provider reads it: OpenID Connect Dynamic Client Registration metadata. */
export type ClientMetadata = {
  client_id: string;
  client_name: string;
  /** The SHA-256 of the secret (see client-secret.ts: the provider compares hashes); absent for a public client. */
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: 'client_secret_basic' | 'none';
  id_token_signed_response_alg: 'ES256';
  /** Ours: read by the provider only where `extraClientMetadata.properties` names it. */
  first_party: boolean;
};

/**
 * The metadata every registered client gets. Only the code flow (with refresh tokens): no implicit or hybrid
 * flow, which put tokens in URLs. ID tokens are ES256, the algorithm of the service's signing keys. A
 * confidential client authenticates with HTTP Basic; a public one (`none`) with PKCE alone.
 */
export function clientMetadata(row: Selectable<OidcClientsTable>): ClientMetadata {
  return {
    client_id: row.client_id,
    client_name: row.name,
    ...(row.secret_hash === null ? {} : { client_secret: row.secret_hash }),
    redirect_uris: JSON.parse(row.redirect_uris) as string[],
    post_logout_redirect_uris: JSON.parse(row.post_logout_redirect_uris) as string[],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: row.secret_hash === null ? 'none' : 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
    first_party: row.first_party === 1,
  };
}
