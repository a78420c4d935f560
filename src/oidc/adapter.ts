import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { clientMetadata, type ClientMetadata } from './metadata.ts';

/** A payload as oidc-provider hands it over and expects it back: plain JSON. */
export type AdapterPayload = Record<string, unknown>;

/**
 * oidc-provider's storage port, one instance per model (`Session`, `Grant`, `AuthorizationCode`, ...).
 * Every method answers `undefined` for what is absent; an expired row is absent.
 */
export interface OidcAdapter {
  /** Stores the payload under `id`, replacing what was there; `expiresIn` is in seconds (none: until destroyed). */
  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<AdapterPayload | undefined>;
  findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
  findByUid(uid: string): Promise<AdapterPayload | undefined>;
  /** Marks the entry used; `find` then answers it with `consumed` (epoch seconds). */
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  /** Deletes this model's entries issued under the grant. */
  revokeByGrantId(grantId: string): Promise<void>;
}

export interface AdapterDeps {
  readonly db: Kysely<Database>;
  /** The service's clock, in milliseconds: expiry is measured on it, as for codes and sessions. */
  readonly now: () => number;
  /**
   * The error a second use of a single-use entry throws (oidc-provider's InvalidGrant, so that the loser of
   * a race gets `invalid_grant`); a plain Error where none is given.
   */
  readonly alreadyConsumed?: (model: string) => Error;
}

/** The entries spent once: of two requests that both found one unspent, only the first may go on. */
export const SINGLE_USE_MODELS: ReadonlySet<string> = new Set([
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/**
 * The `adapter` option of oidc-provider: a factory, which the provider accepts in place of a class, so that
 * each adapter gets our database without a global. Clients come from the registry (`oidc_clients`), not
 * from the provider's own store, so that what an operator registers is what the provider finds.
 */
export function oidcAdapterFactory(deps: AdapterDeps): (model: string) => OidcAdapter {
  return (model) => (model === 'Client' ? new ClientAdapter(deps.db) : new PayloadAdapter(model, deps));
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Rows that have not expired at `at`: expiry is checked on read, so a row is gone before maintenance deletes it. */
const live = (at: number) => (eb: ExpressionBuilder<Database, 'oidc_payloads'>) =>
  eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]);

function toPayload(row: { payload: string; consumed_at: number | null }): AdapterPayload {
  const payload = JSON.parse(row.payload) as AdapterPayload;
  // Whole seconds, as oidc-provider's own adapters write it; it only tests that it is set.
  return row.consumed_at === null ? payload : { ...payload, consumed: Math.floor(row.consumed_at / 1000) };
}

/** Everything but clients, in `oidc_payloads`. Each method is one statement. */
export class PayloadAdapter implements OidcAdapter {
  constructor(
    readonly model: string,
    private readonly deps: AdapterDeps,
  ) {}

  /**
   * One INSERT ... ON CONFLICT DO UPDATE, so concurrent saves of one entry leave one row, the last one's.
   * `consumed_at` survives a save: the provider saves some entries again after using them (a device code),
   * and an entry once consumed must never read as fresh.
   */
  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const at = this.deps.now();
    const row = {
      payload: JSON.stringify(payload),
      grant_id: text(payload.grantId),
      user_code: text(payload.userCode),
      uid: text(payload.uid),
      expires_at: typeof expiresIn === 'number' ? at + expiresIn * 1000 : null,
    };
    await this.deps.db
      .insertInto('oidc_payloads')
      .values({ model: this.model, id, ...row, consumed_at: null })
      .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
      .execute();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findOne('id', id);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findOne('user_code', userCode);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findOne('uid', uid);
  }

  /**
   * One conditional UPDATE, which sets `consumed_at` only on an entry not yet consumed. oidc-provider reads
   * an entry, checks it is unspent, then consumes it: two token requests with one code (or one refresh
   * token) can both pass the check. For the single-use models the UPDATE decides: the request whose UPDATE
   * changed no row throws, and the provider answers it `invalid_grant`. Other models keep the first time.
   */
  async consume(id: string): Promise<void> {
    const result = await this.deps.db
      .updateTable('oidc_payloads')
      .set({ consumed_at: this.deps.now() })
      .where('model', '=', this.model)
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0 && SINGLE_USE_MODELS.has(this.model)) {
      throw this.deps.alreadyConsumed?.(this.model) ?? new Error(`${this.model} ${id} was already used`);
    }
  }

  async destroy(id: string): Promise<void> {
    await this.deps.db.deleteFrom('oidc_payloads').where('model', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.deps.db
      .deleteFrom('oidc_payloads')
      .where('model', '=', this.model)
      .where('grant_id', '=', grantId)
      .execute();
  }

  private async findOne(column: 'id' | 'user_code' | 'uid', value: string): Promise<AdapterPayload | undefined> {
    const row = await this.deps.db
      .selectFrom('oidc_payloads')
      .select(['payload', 'consumed_at'])
      .where('model', '=', this.model)
      .where(column, '=', value)
      .where(live(this.deps.now()))
      .executeTakeFirst();
    return row ? toPayload(row) : undefined;
  }
}

/**
 * The model `Client`, read from the registry. A disabled client is absent, on the next lookup (the provider
 * caches a client's parsed metadata by its content, never whether it exists). Writes would come only from
 * dynamic registration, which stays off: clients are registered with `otpgate clients` or the admin API.
 */
export class ClientAdapter implements OidcAdapter {
  constructor(private readonly db: Kysely<Database>) {}

  async find(id: string): Promise<ClientMetadata | undefined> {
    const row = await this.db
      .selectFrom('oidc_clients')
      .selectAll()
      .where('client_id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return row ? clientMetadata(row) : undefined;
  }

  async findByUserCode(): Promise<undefined> {
    return undefined;
  }

  async findByUid(): Promise<undefined> {
    return undefined;
  }

  upsert(): Promise<void> {
    return refused();
  }

  consume(): Promise<void> {
    return refused();
  }

  destroy(): Promise<void> {
    return refused();
  }

  revokeByGrantId(): Promise<void> {
    return refused();
  }
}

async function refused(): Promise<never> {
  throw new Error('OpenID Connect clients are registered with `otpgate clients` or the admin API, not by the provider');
}
