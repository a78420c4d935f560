import { Type } from '@sinclair/typebox';
import type { OidcClient } from './client-repository.ts';
import { MAX_REDIRECT_URIS } from './clients.ts';

const Time = Type.String({ format: 'date-time' });
const Uri = Type.String({ minLength: 1, maxLength: 2000 });

export const CreateClientBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'shown in listings and on the consent page' }),
    redirect_uris: Type.Array(Uri, {
      minItems: 1,
      maxItems: MAX_REDIRECT_URIS,
      description:
        'exact URLs a sign-in may return to: absolute https, or http on localhost or 127.0.0.1 (any port); no fragment, no wildcard',
    }),
    post_logout_redirect_uris: Type.Optional(
      Type.Array(Uri, { maxItems: MAX_REDIRECT_URIS, description: 'exact URLs a sign-out may return to; same rules' }),
    ),
    first_party: Type.Optional(
      Type.Boolean({ description: "the shop's own application: no consent asked; default false" }),
    ),
    public: Type.Optional(
      Type.Boolean({ description: 'a browser or mobile app: no secret, PKCE instead; default false (confidential)' }),
    ),
  },
  { additionalProperties: false },
);

const Client = Type.Object({
  client_id: Type.String(),
  name: Type.String(),
  redirect_uris: Type.Array(Type.String()),
  post_logout_redirect_uris: Type.Array(Type.String()),
  first_party: Type.Boolean(),
  public: Type.Boolean({ description: 'true: no secret (PKCE); false: authenticates with its client secret' }),
  created_at: Time,
  disabled_at: Type.Union([Time, Type.Null()]),
});

export const ClientCreated = Type.Object({
  success: Type.Literal(true),
  client: Client,
  client_secret: Type.Union([Type.String(), Type.Null()], {
    description: 'shown this once and never again (only its hash is kept); null for a public client',
  }),
});

export const OneClient = Type.Object({ success: Type.Literal(true), client: Client });

export const ClientList = Type.Object({ success: Type.Literal(true), clients: Type.Array(Client) });

export const ClientParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: "the client's client_id" }),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const clientView = (client: OidcClient) => ({
  client_id: client.clientId,
  name: client.name,
  redirect_uris: [...client.redirectUris],
  post_logout_redirect_uris: [...client.postLogoutRedirectUris],
  first_party: client.firstParty,
  public: client.isPublic,
  created_at: new Date(client.createdAt).toISOString(),
  disabled_at: iso(client.disabledAt),
});
