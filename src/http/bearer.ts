/**
 * The credentials of an `Authorization: Bearer <credentials>` header, or null. The scheme is matched without
 * regard to case and may be followed by several spaces (RFC 9110 11.1 and 11.4), so `bearer` works as
 * `Bearer` does. What the credentials must look like is for the caller to check.
 */
export function bearerCredentials(header: string | undefined): string | null {
  return BEARER.exec(header ?? '')?.[1] ?? null;
}

const BEARER = /^bearer +(\S+)$/i;
