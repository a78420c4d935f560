import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { PublicJwk } from './key-pair.ts';
import type { StoredKey } from './repository.ts';
import { isPublished, RING_REFRESH_MS, signingKeyAt, UNKNOWN_KID_REFRESH_MS, type KeyTimes } from './rules.ts';
import { openPrivateKey } from './seal.ts';
import { times, type SigningKeyService } from './service.ts';

export interface RingKey extends KeyTimes {
  readonly kid: string;
  readonly alg: string;
  readonly jwk: PublicJwk;
  readonly publicKey: KeyObject;
  /** Null when the sealed key does not open under this AUTH_SECRET: the key can still verify, not sign. */
  readonly privateKey: KeyObject | null;
}

/** What a kid we issue looks like (an RFC 7638 SHA-256 thumbprint); anything else is not worth a reread. */
const KID = /^[A-Za-z0-9_-]{43}$/;

/**
 * This instance's copy of the signing keys, kept in memory so that signing and verifying cost no database
 * round trip. It is read at start (creating the first key if there is none), then reread every
 * RING_REFRESH_MS, and at once when a token names a kid it does not hold, at most every
 * UNKNOWN_KID_REFRESH_MS, so a flood of made-up kids costs one read per interval (rules.ts).
 */
export function createKeyRing(deps: {
  service: SigningKeyService;
  sealKey: Buffer;
  accessTtlSeconds: number;
  log: Logger;
  now: () => number;
}) {
  const { service, sealKey, accessTtlSeconds, log, now } = deps;
  let keys: RingKey[] = [];
  let first: Promise<void> | null = null;
  let reading: Promise<void> | null = null;
  let lastUnknownRead = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  /** Whether the last timed reread failed: a database away for long is one warning, not one per interval. */
  let failing = false;
  const unopened = new Set<string>();

  const toRingKey = (row: StoredKey): RingKey => {
    const jwk = JSON.parse(row.public_jwk) as PublicJwk;
    const pkcs8 = openPrivateKey(sealKey, row.kid, row.private_key);
    if (!pkcs8 && !unopened.has(row.kid)) {
      unopened.add(row.kid);
      log.error({ kid: row.kid }, 'a signing key does not open with this AUTH_SECRET; it cannot sign');
    }
    return {
      ...times(row),
      kid: row.kid,
      alg: row.alg,
      jwk,
      publicKey: createPublicKey({ key: { ...jwk }, format: 'jwk' }),
      privateKey: pkcs8 ? createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) : null,
    };
  };

  /** One read at a time: callers arriving while one runs share it. */
  function read(): Promise<void> {
    reading ??= service
      .ensure()
      .then((rows) => {
        keys = rows.map(toRingKey);
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  /** Resolves once the keys have been read; a failed first read is tried again by the next caller. */
  function ready(): Promise<void> {
    first ??= read().catch((error: unknown) => {
      first = null;
      throw error;
    });
    return first;
  }

  const published = () => keys.filter((key) => isPublished(keys, key, now(), accessTtlSeconds));

  return {
    ready,

    /**
     * Reads the keys now and then every RING_REFRESH_MS. A database that cannot be read at start is not
     * fatal here (the app serves health and says so); the first token to be signed tries again.
     */
    async start(): Promise<void> {
      timer ??= setInterval(() => {
        read().then(
          () => {
            if (failing) log.info('signing keys reread again');
            failing = false;
          },
          (error: unknown) => {
            if (!failing) log.warn({ err: error }, 'signing keys could not be reread; keeping the last read');
            failing = true;
          },
        );
      }, RING_REFRESH_MS).unref();
      await ready().catch((error: unknown) => log.warn({ err: error }, 'signing keys could not be read at start'));
    },

    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },

    /** Rereads the keys (a rotation made elsewhere shows at once; tests use it instead of waiting). */
    refresh: read,

    /** The key that signs now; throws when it cannot sign here (its private half does not open). */
    async signer(): Promise<RingKey & { privateKey: KeyObject }> {
      await ready();
      const key = signingKeyAt(keys, now());
      if (!key?.privateKey) throw new Error(`the signing key ${key?.kid ?? '(none)'} cannot sign on this instance`);
      return key as RingKey & { privateKey: KeyObject };
    },

    /** The published key with this kid, or null: only our own keys, never one a token carries. */
    async verifier(kid: string): Promise<RingKey | null> {
      await ready();
      const find = () => published().find((key) => key.kid === kid) ?? null;
      const found = find();
      if (found || !KID.test(kid) || keys.some((key) => key.kid === kid)) return found;
      if (performance.now() - lastUnknownRead < UNKNOWN_KID_REFRESH_MS) return null;
      lastUnknownRead = performance.now();
      await read().catch((error: unknown) => log.warn({ err: error }, 'signing keys could not be reread'));
      return find();
    },

    /** The public keys a verifier may meet now, for /.well-known/jwks.json. */
    async published(): Promise<readonly RingKey[]> {
      await ready();
      return published();
    },

    /**
     * When tokens began to be signed with these keys (the first key's creation), or undefined once that key
     * is gone: HS256 tokens from before are accepted only for one access-token lifetime after it.
     */
    async upgradedAt(): Promise<number | undefined> {
      await ready();
      return keys.find((key) => key.generation === 1)?.createdAt;
    },
  };
}

export type KeyRing = ReturnType<typeof createKeyRing>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The signing keys of this app (decorated in app.ts); read at ready, reread on a timer. */
    readonly signingKeys: KeyRing;
  }
}
