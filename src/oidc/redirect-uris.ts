/** Loopback hosts a developer's own machine answers on: plain http is allowed there, on any port. */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);
const MAX_LENGTH = 2000;
/** Printable ASCII without spaces: a URL as the provider compares it, byte for byte. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/**
 * What is wrong with a redirect URI, or null. oidc-provider sends codes only to a URI registered exactly, so
 * the registry is where a careless URI is stopped: absolute https URLs, or http on localhost or 127.0.0.1
 * (any port) for development; no fragment (RFC 6749 3.1.2), no wildcard, no user or password, nothing a
 * person would read differently from the provider. Other schemes (a native app's `com.example.app:/cb`) are
 * refused until an app needs one.
 */
export function redirectUriProblem(uri: string): string | null {
  if (uri.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (!PRINTABLE.test(uri)) return 'may hold printable ASCII only (no spaces; percent-encode the rest)';
  if (uri.includes('*')) return 'may not hold a wildcard (*): register each URL exactly';
  if (uri.includes('#')) return 'may not have a fragment (#)';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.username || url.password) return 'may not hold a user name or password';
  if (url.protocol === 'https:') return url.hostname ? null : 'has no host';
  if (url.protocol === 'http:') {
    return LOOPBACK.has(url.hostname) ? null : 'must be https (plain http only on localhost or 127.0.0.1)';
  }
  return 'must be an https URL (or http on localhost or 127.0.0.1)';
}

/** The first problem of a list of URIs, naming the URI, or null. */
export function redirectUrisProblem(field: string, uris: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const uri of uris) {
    const problem = redirectUriProblem(uri);
    if (problem) return `${field}: ${JSON.stringify(uri.slice(0, 200))} ${problem}`;
    if (seen.has(uri)) return `${field}: ${JSON.stringify(uri.slice(0, 200))} is listed twice`;
    seen.add(uri);
  }
  return null;
}
