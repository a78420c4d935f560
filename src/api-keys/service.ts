import { actorRef, type Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { newId } from '../db/ids.ts';
import { cancelQueuedOfKey } from '../sms/queue/cancel.ts';
import { generateKey, hashKey, keyFromAuthorization } from './key.ts';
import type { NewKey } from './new-key.ts';
import type { ApiKey, ApiKeyRepository } from './repository.ts';
import { SCOPE_NAMES } from './scopes.ts';

/** `last_used_at` is a hint for people deciding which keys to revoke; a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export type RevokeResult =
  | { readonly outcome: 'revoked'; readonly key: ApiKey; readonly cancelled: number }
  | { readonly outcome: 'already_revoked'; readonly key: ApiKey }
  | { readonly outcome: 'not_found' }
  | { readonly outcome: 'ambiguous'; readonly matches: number };

export function createApiKeyService(deps: { keys: ApiKeyRepository; now: () => number }) {
  const { keys, now } = deps;

  return {
    /**
     * Creates a key, recorded in the audit trail as made by `actor`. The returned `secret` exists only here:
     * the database keeps its hash. Scopes are stored once each, in the canonical order.
     */
    async create(input: NewKey, actor: Actor): Promise<{ secret: string; key: ApiKey }> {
      const { key: secret, prefix, hash } = generateKey();
      const scopes = SCOPE_NAMES.filter((scope) => input.scopes.includes(scope));
      const at = now();
      const key = await keys.transaction(async (inTrx) => {
        const made = await inTrx.insert({ id: newId(), name: input.name, prefix, keyHash: hash, scopes }, at);
        const summary = { name: made.name, prefix: made.prefix, scopes: [...made.scopes] };
        await recordAudit(inTrx.db, { actor, action: 'key.create', target: made.id, summary }, at);
        return made;
      });
      return { secret, key };
    },

    list: (): Promise<ApiKey[]> => keys.list(),

    /**
     * Revokes the key with this id or shown prefix, and cancels every message it queued, in one transaction
     * with its audit record. A prefix two keys share is refused: use the id (`idOnly`: nothing else, as over
     * HTTP, where clients have the id and a prefix is not looked up). A message a worker holds at that
     * moment is not cancelled here: it goes out, or, if its try fails and it comes back to the queue, the
     * next claim cancels it instead of sending it (see QueueRepository.claim).
     */
    async revoke(ref: string, actor: Actor, idOnly = false): Promise<RevokeResult> {
      const found = await keys.findByIdOrPrefix(ref.trim());
      const matches = idOnly ? found.filter((key) => key.id === ref) : found;
      const [key] = matches;
      if (!key) return { outcome: 'not_found' };
      if (matches.length > 1) return { outcome: 'ambiguous', matches: matches.length };
      const at = now();
      const by = actorRef(actor);
      return keys.transaction(async (inTrx): Promise<RevokeResult> => {
        if (!(await inTrx.revoke(key.id, at, by))) return { outcome: 'already_revoked', key };
        const cancelled = await cancelQueuedOfKey(inTrx.db, key.id, by, at);
        const summary = { name: key.name, prefix: key.prefix, cancelled: cancelled.length, cancelled_ids: cancelled };
        await recordAudit(inTrx.db, { actor, action: 'key.revoke', target: key.id, summary }, at);
        return { outcome: 'revoked', key: { ...key, revokedAt: at }, cancelled: cancelled.length };
      });
    },

    /**
     * Cancels every queued message of the key with this id (null when there is none), with its audit
     * record. Messages being sent at that moment go out.
     */
    async cancelQueued(id: string, actor: Actor): Promise<number | null> {
      const [key] = (await keys.findByIdOrPrefix(id)).filter((found) => found.id === id);
      if (!key) return null;
      const at = now();
      return keys.transaction(async (inTrx) => {
        const cancelled = await cancelQueuedOfKey(inTrx.db, key.id, actorRef(actor), at);
        const summary = { name: key.name, cancelled: cancelled.length, cancelled_ids: cancelled };
        await recordAudit(inTrx.db, { actor, action: 'key.cancel_queued', target: key.id, summary }, at);
        return cancelled.length;
      });
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
