import { createHash, timingSafeEqual } from 'node:crypto';

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
    const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}
