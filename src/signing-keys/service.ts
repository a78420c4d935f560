import { newKeyPair, SIGNING_ALG } from './key-pair.ts';
import type { SigningKeyRepository, StoredKey } from './repository.ts';
import { isPublished, PUBLISH_AHEAD_MS } from './rules.ts';
import { sealPrivateKey } from './seal.ts';

export type RotateResult =
  | { readonly outcome: 'rotated'; readonly key: StoredKey }
  /** Another rotation took the same generation at the same moment; its key is the one that counts. */
  | { readonly outcome: 'raced'; readonly key: StoredKey };

/** Creating and rotating the signing keys; the rules of which signs when are in rules.ts. */
export function createSigningKeyService(deps: {
  keys: SigningKeyRepository;
  /** The AES-256-GCM key that seals private keys (crypto/keys.ts `signingKeySeal`); only writes need it. */
  sealKey?: Buffer;
  accessTtlSeconds: number;
  now: () => number;
}) {
  const { keys, sealKey, accessTtlSeconds, now } = deps;

  async function newRow(generation: number, activatesAt: number, createdAt: number): Promise<StoredKey> {
    if (!sealKey) throw new Error('signing keys: AUTH_SECRET is needed to create a key');
    const pair = await newKeyPair();
    return {
      kid: pair.kid,
      generation,
      alg: SIGNING_ALG,
      public_jwk: JSON.stringify(pair.publicJwk),
      private_key: sealPrivateKey(sealKey, pair.kid, pair.privatePkcs8),
      created_at: createdAt,
      activates_at: activatesAt,
    };
  }

  return {
    /**
     * The keys, with a first one created when there is none: it signs at once, since no token can exist
     * before it. Instances starting together each try generation 1; one insert wins and every one of them
     * reads it back, so they end with the same single key.
     */
    async ensure(): Promise<StoredKey[]> {
      const existing = await keys.all();
      if (existing.length > 0) return existing;
      const at = now();
      await keys.insert(await newRow(1, at, at));
      return keys.all();
    },

    /**
     * Adds the next generation. It signs PUBLISH_AHEAD_MS from now, once every instance and shop backend has
     * its public key (rules.ts), or at once with `immediately` (a key thought leaked): instances that have not
     * reread the keys yet fetch them when they meet its kid. Keys whose publication has ended are deleted.
     */
    async rotate(immediately: boolean): Promise<RotateResult> {
      const before = await keys.all();
      const generation = (before.at(-1)?.generation ?? 0) + 1;
      const at = now();
      const row = await newRow(generation, immediately ? at : at + PUBLISH_AHEAD_MS, at);
      const inserted = await keys.insert(row);
      const after = await keys.all();
      const ended = after.filter((key) => !isPublished(after.map(times), times(key), at, accessTtlSeconds));
      await keys.delete(ended.map((key) => key.kid));
      if (inserted) return { outcome: 'rotated', key: row };
      return { outcome: 'raced', key: after.find((key) => key.generation === generation)! };
    },

    all: () => keys.all(),
  };
}

export type SigningKeyService = ReturnType<typeof createSigningKeyService>;

/** A stored row in the terms of rules.ts. */
export function times(key: StoredKey) {
  return { generation: key.generation, createdAt: key.created_at, activatesAt: key.activates_at };
}
