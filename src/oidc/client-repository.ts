import type { Kysely, Selectable } from 'kysely';
import type { Database, OidcClientsTable } from '../db/types.ts';

/** A registered client as the rest of the code sees it: everything but its secret's hash. */
export interface OidcClient {
  readonly clientId: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly firstParty: boolean;
  /** No secret: a browser or mobile app, which proves itself with PKCE. */
  readonly isPublic: boolean;
  readonly createdAt: number;
  readonly disabledAt: number | null;
}

export interface NewClientRow {
  readonly clientId: string;
  readonly secretHash: string | null;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly firstParty: boolean;
}

export function toOidcClient(row: Selectable<OidcClientsTable>): OidcClient {
  return {
    clientId: row.client_id,
    name: row.name,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
    firstParty: row.first_party === 1,
    isPublic: row.secret_hash === null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export interface ClientRepository {
  /** The connection (or the transaction) it works on, for writes that must commit with its own. */
  readonly db: Kysely<Database>;
  transaction<T>(work: (clients: ClientRepository) => Promise<T>): Promise<T>;
  insert(client: NewClientRow, now: number): Promise<OidcClient>;
  list(): Promise<OidcClient[]>;
  get(clientId: string): Promise<OidcClient | null>;
  disable(clientId: string, now: number): Promise<boolean>;
  replaceSecret(clientId: string, secretHash: string): Promise<boolean>;
}

/** The SQL of the client registry. */
export function createClientRepository(db: Kysely<Database>): ClientRepository {
  return {
    db,

    /** Runs `work` in one transaction, with this repository over it. */
    transaction<T>(work: (clients: ClientRepository) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(createClientRepository(trx)));
    },

    async insert(client: NewClientRow, now: number): Promise<OidcClient> {
      const row = await db
        .insertInto('oidc_clients')
        .values({
          client_id: client.clientId,
          secret_hash: client.secretHash,
          name: client.name,
          redirect_uris: JSON.stringify(client.redirectUris),
          post_logout_redirect_uris: JSON.stringify(client.postLogoutRedirectUris),
          first_party: client.firstParty ? 1 : 0,
          created_at: now,
          disabled_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOidcClient(row);
    },

    /** Every client, disabled ones included, oldest first. */
    async list(): Promise<OidcClient[]> {
      const rows = await db.selectFrom('oidc_clients').selectAll().orderBy('created_at').orderBy('client_id').execute();
      return rows.map(toOidcClient);
    },

    async get(clientId: string): Promise<OidcClient | null> {
      const row = await db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      return row ? toOidcClient(row) : null;
    },

    /** One conditional UPDATE: of concurrent disables exactly one returns true, and `disabled_at` keeps the first. */
    async disable(clientId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('oidc_clients')
        .set({ disabled_at: now })
        .where('client_id', '=', clientId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Replaces the secret of an enabled confidential client; false for any other (public, disabled, unknown). */
    async replaceSecret(clientId: string, secretHash: string): Promise<boolean> {
      const result = await db
        .updateTable('oidc_clients')
        .set({ secret_hash: secretHash })
        .where('client_id', '=', clientId)
        .where('secret_hash', 'is not', null)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
