import { randomBytes } from 'node:crypto';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { KEY_NAME } from '../text/characters.ts';
import { generateClientSecret } from './client-secret.ts';
import type { ClientRepository, OidcClient } from './client-repository.ts';
import { redirectUrisProblem } from './redirect-uris.ts';

const MAX_NAME_LENGTH = 100;
/** Enough for a web app's environments; a longer list is more likely a mistake than a need. */
export const MAX_REDIRECT_URIS = 20;

/** What a client is registered with, already checked (readNewClient). */
export interface NewClient {
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly firstParty: boolean;
  readonly isPublic: boolean;
}

export type NewClientProblem = { readonly field: 'name' | 'redirect_uris'; readonly problem: string };

/**
 * Checks what an operator gave for a new client. The name follows the rule of API key names (shown in
 * listings, so plain: no controls, no bidi overrides); redirect URIs that of redirect-uris.ts.
 */
export function readNewClient(input: {
  name?: string | undefined;
  redirectUris?: readonly string[] | undefined;
  postLogoutRedirectUris?: readonly string[] | undefined;
  firstParty?: boolean | undefined;
  isPublic?: boolean | undefined;
}): { ok: true; client: NewClient } | ({ ok: false } & NewClientProblem) {
  const name = input.name?.trim() ?? '';
  const bad = (field: NewClientProblem['field'], problem: string) => ({ ok: false as const, field, problem });
  if (!name) return bad('name', 'name is required');
  if (name.length > MAX_NAME_LENGTH) return bad('name', `name is longer than ${MAX_NAME_LENGTH} characters`);
  if (!KEY_NAME.test(name)) {
    return bad(
      'name',
      "name may hold letters, digits, spaces and _ . : @ / ( ) ' # - only, and starts with a letter or digit",
    );
  }
  const redirectUris = input.redirectUris ?? [];
  const postLogoutRedirectUris = input.postLogoutRedirectUris ?? [];
  if (redirectUris.length === 0) return bad('redirect_uris', 'at least one redirect URI is required');
  for (const [field, uris] of [
    ['redirect_uris', redirectUris],
    ['post_logout_redirect_uris', postLogoutRedirectUris],
  ] as const) {
    if (uris.length > MAX_REDIRECT_URIS) return bad('redirect_uris', `${field}: at most ${MAX_REDIRECT_URIS}`);
    const problem = redirectUrisProblem(field, uris);
    if (problem) return bad('redirect_uris', problem);
  }
  return {
    ok: true,
    client: {
      name,
      redirectUris: [...redirectUris],
      postLogoutRedirectUris: [...postLogoutRedirectUris],
      firstParty: input.firstParty ?? false,
      isPublic: input.isPublic ?? false,
    },
  };
}

export type DisableResult =
  | { readonly outcome: 'disabled'; readonly client: OidcClient }
  | { readonly outcome: 'already_disabled'; readonly client: OidcClient }
  | { readonly outcome: 'not_found' };

export type RotateResult =
  | { readonly outcome: 'rotated'; readonly client: OidcClient; readonly secret: string }
  | { readonly outcome: 'public' | 'disabled'; readonly client: OidcClient }
  | { readonly outcome: 'not_found' };

/** 128 random bits in hex: public, unguessable, and never taken for an option on a command line. */
const newClientId = () => randomBytes(16).toString('hex');

const auditSummary = (client: OidcClient) => ({
  name: client.name,
  redirect_uris: [...client.redirectUris],
  post_logout_redirect_uris: [...client.postLogoutRedirectUris],
  first_party: client.firstParty,
  public: client.isPublic,
});

/**
 * The registry of OpenID Connect clients. Every change is recorded in the audit trail in its own
 * transaction. A secret exists only in what `create` and `rotateSecret` return: the database keeps its hash.
 */
export function createOidcClients(deps: { clients: ClientRepository; now: () => number }) {
  const { clients, now } = deps;

  return {
    async create(input: NewClient, actor: Actor): Promise<{ client: OidcClient; secret: string | null }> {
      const made = input.isPublic ? null : generateClientSecret();
      const at = now();
      const client = await clients.transaction(async (inTrx) => {
        const row = {
          clientId: newClientId(),
          secretHash: made?.hash ?? null,
          name: input.name,
          redirectUris: input.redirectUris,
          postLogoutRedirectUris: input.postLogoutRedirectUris,
          firstParty: input.firstParty,
        };
        const inserted = await inTrx.insert(row, at);
        const entry = {
          actor,
          action: 'oidc_client.create',
          target: inserted.clientId,
          summary: auditSummary(inserted),
        };
        await recordAudit(inTrx.db, entry, at);
        return inserted;
      });
      return { client, secret: made?.secret ?? null };
    },

    list: (): Promise<OidcClient[]> => clients.list(),

    get: (clientId: string): Promise<OidcClient | null> => clients.get(clientId),

    /**
     * Disables a client at once: the provider no longer finds it, so it can start no sign-in and redeem no
     * code or refresh token. Not undone; register a new client instead. Disabling twice is not an error.
     */
    async disable(clientId: string, actor: Actor): Promise<DisableResult> {
      const client = await clients.get(clientId);
      if (!client) return { outcome: 'not_found' };
      const at = now();
      return clients.transaction(async (inTrx): Promise<DisableResult> => {
        if (!(await inTrx.disable(clientId, at))) return { outcome: 'already_disabled', client };
        const entry = { actor, action: 'oidc_client.disable', target: clientId, summary: { name: client.name } };
        await recordAudit(inTrx.db, entry, at);
        return { outcome: 'disabled', client: { ...client, disabledAt: at } };
      });
    },

    /** A new secret for a confidential client; the old one stops working at once. */
    async rotateSecret(clientId: string, actor: Actor): Promise<RotateResult> {
      const client = await clients.get(clientId);
      if (!client) return { outcome: 'not_found' };
      const made = generateClientSecret();
      const at = now();
      return clients.transaction(async (inTrx): Promise<RotateResult> => {
        if (!(await inTrx.replaceSecret(clientId, made.hash))) {
          return { outcome: client.isPublic ? 'public' : 'disabled', client };
        }
        const entry = { actor, action: 'oidc_client.rotate_secret', target: clientId, summary: { name: client.name } };
        await recordAudit(inTrx.db, entry, at);
        return { outcome: 'rotated', client, secret: made.secret };
      });
    },
  };
}

export type OidcClients = ReturnType<typeof createOidcClients>;
