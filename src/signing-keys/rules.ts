/**
 * When a key signs and how long it stays published. The rule every instance applies to the same rows:
 *
 * - The key that signs is the newest generation whose `activates_at` has passed.
 * - Each instance rereads the keys at least every RING_REFRESH_MS (and at once, at most every
 *   UNKNOWN_KID_REFRESH_MS, when a token names a kid it does not hold).
 * - `signing-keys rotate` adds a key that activates PUBLISH_AHEAD_MS later: longer than an instance's reread,
 *   plus the JWKS document's max-age, plus a minute for clocks that disagree. So every instance, and every
 *   shop backend that honours the cache header, holds the new public key before any token signed with it
 *   exists, and all instances switch to it at the same moment (give or take their clocks' difference, during
 *   which both keys are published and both verify).
 * - A key is retired when a newer one activates; it stays published until every token it signed has
 *   expired (the access-token lifetime after its retirement, plus RETIRED_MARGIN_MS for clocks), then drops
 *   out of the JWKS and is refused.
 */
export const RING_REFRESH_MS = 30_000;
export const UNKNOWN_KID_REFRESH_MS = 5_000;
export const JWKS_MAX_AGE_SECONDS = 300;
export const CLOCK_SKEW_MS = 60_000;
export const PUBLISH_AHEAD_MS = RING_REFRESH_MS + JWKS_MAX_AGE_SECONDS * 1000 + CLOCK_SKEW_MS;
export const RETIRED_MARGIN_MS = 5 * 60_000;

/** What the rules need of a stored key. */
export interface KeyTimes {
  readonly generation: number;
  readonly createdAt: number;
  readonly activatesAt: number;
}

/** The key that signs at `now`: the newest generation already active; the oldest key when none is yet. */
export function signingKeyAt<K extends KeyTimes>(keys: readonly K[], now: number): K | undefined {
  let chosen: K | undefined;
  for (const key of keys) {
    if (key.activatesAt <= now && (!chosen || key.generation > chosen.generation)) chosen = key;
  }
  return chosen ?? [...keys].sort((a, b) => a.generation - b.generation)[0];
}

/** When `key` stopped (or will stop) signing: the first activation of a newer generation; undefined if none. */
export function retiredAt(keys: readonly KeyTimes[], key: KeyTimes): number | undefined {
  let at: number | undefined;
  for (const other of keys) {
    if (other.generation > key.generation && (at === undefined || other.activatesAt < at)) at = other.activatesAt;
  }
  return at;
}

/** Until when `key` is published and its tokens accepted; undefined while it signs or has yet to. */
export function publishedUntil(keys: readonly KeyTimes[], key: KeyTimes, accessTtlSeconds: number) {
  const retired = retiredAt(keys, key);
  return retired === undefined ? undefined : retired + accessTtlSeconds * 1000 + RETIRED_MARGIN_MS;
}

export function isPublished(keys: readonly KeyTimes[], key: KeyTimes, now: number, accessTtlSeconds: number) {
  const until = publishedUntil(keys, key, accessTtlSeconds);
  return until === undefined || now < until;
}

/** How a key stands at `now`, for `signing-keys list`. */
export function keyState(keys: readonly KeyTimes[], key: KeyTimes, now: number, accessTtlSeconds: number) {
  if (signingKeyAt(keys, now) === key) return 'signing';
  const retired = retiredAt(keys, key);
  // A key due later that a newer one overtook (rotate --now) will never sign: it is retired already.
  const overtaken = retired !== undefined && retired <= Math.max(now, key.activatesAt);
  if (key.activatesAt > now && !overtaken) return 'next';
  return isPublished(keys, key, now, accessTtlSeconds) ? 'retired' : 'dropped';
}
