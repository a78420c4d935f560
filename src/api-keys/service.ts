import { newId } from '../db/ids.ts';
import { generateKey, hashKey, keyFromAuthorization } from './key.ts';
import type { NewKey } from './new-key.ts';
import type { ApiKey, ApiKeyRepository } from './repository.ts';
import { SCOPE_NAMES } from './scopes.ts';

/** `last_used_at` is a hint for people deciding which keys to revoke; a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export type RevokeResult =
  | { readonly outcome: 'revoked'; readonly key: ApiKey }
  | { readonly outcome: 'already_revoked'; readonly key: ApiKey }
  | { readonly outcome: 'not_found' }
  | { readonly outcome: 'ambiguous'; readonly matches: number };

export function createApiKeyService(deps: { keys: ApiKeyRepository; now: () => number }) {
  const { keys, now } = deps;

  return {
    /**
     * Creates a key. The returned `secret` exists only here: the database keeps its hash. Scopes are
     * stored once each, in the canonical order.
     */
    async create(input: NewKey): Promise<{ secret: string; key: ApiKey }> {
      const { key: secret, prefix, hash } = generateKey();
      const scopes = SCOPE_NAMES.filter((scope) => input.scopes.includes(scope));
      const key = await keys.insert({ id: newId(), name: input.name, prefix, keyHash: hash, scopes }, now());
      return { secret, key };
    },

    list: (): Promise<ApiKey[]> => keys.list(),

    /** Revokes the key with this id or shown prefix. A prefix two keys share is refused: use the id. */
    async revoke(ref: string): Promise<RevokeResult> {
      const matches = await keys.findByIdOrPrefix(ref.trim());
      const [key] = matches;
      if (!key) return { outcome: 'not_found' };
      if (matches.length > 1) return { outcome: 'ambiguous', matches: matches.length };
      const at = now();
      if (await keys.revoke(key.id, at)) return { outcome: 'revoked', key: { ...key, revokedAt: at } };
      return { outcome: 'already_revoked', key };
    },

    /**
     * The live key an `Authorization: Bearer otpg_...` header carries, or null for anything else (no
     * header, a JWT, an unknown or revoked key). The lookup is by the key's hash, so its timing says nothing
     * about any stored key. Revocation takes effect on the next request: nothing is cached.
     */
    async authenticate(authorization: string | undefined): Promise<ApiKey | null> {
      const secret = keyFromAuthorization(authorization);
      if (!secret) return null;
      const key = await keys.findActiveByHash(hashKey(secret));
      if (!key) return null;
      const at = now();
      // At most one write per key per minute, rather than one per request.
      if (key.lastUsedAt === null || at - key.lastUsedAt >= TOUCH_INTERVAL_MS) {
        await keys.touch(key.id, at, at - TOUCH_INTERVAL_MS);
      }
      return key;
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
