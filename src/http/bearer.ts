import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The credentials of an `Authorization: Bearer <credentials>` header, or null. The scheme is matched without
 * regard to case and may be followed by several spaces (RFC 9110 11.1 and 11.4), so `bearer` works as
 * `Bearer` does. What the credentials must look like is for the caller to check.
 */
export function bearerCredentials(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null;
}

const BEARER = /^bearer +(\S+)$/i;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A check of `Authorization: Bearer <token>` against one configured token, undefined when there is none.
 * Digests are compared, in constant time, so the time taken says nothing about the token, not even its
 * length.
 */
export function bearerTokenCheck(
  token: string | undefined,
): ((authorization: string | undefined) => boolean) | undefined {
  if (token === undefined) return undefined;
  const expected = digest(token);
  return (authorization) => {
    const given = bearerCredentials(authorization);
    return given !== null && timingSafeEqual(digest(given), expected);
  };
}
