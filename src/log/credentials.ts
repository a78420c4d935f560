/**
 * Query parameters whose values are credentials whatever else the URL says: names that contain one of these
 * words, and the one-time values of sign-in redirects (OAuth's `code` and `state`, a PKCE `code_verifier`,
 * Telegram's login `hash` and a Mini App's `init_data`), which a log must not hand to its readers either.
 */
export const SECRET_PARAM =
  /token|key|secret|pass|pwd|auth|sig|credential|session|verifier|init_?data|^(code|state|hash)$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*:\/\/)/i;
const MASK = '***';

/**
 * A URL (or anything that may be one) fit to print: the password in its userinfo and the values of
 * credential-like query parameters become `***`. A value the URL parser cannot read for sure is masked
 * conservatively, since we cannot tell where its password ends: everything between `://` and the last `@`,
 * and the whole query; without a scheme, everything before the last `@`. Other text comes back as it was.
 */
export function maskCredentials(text: string): string {
  const parsed = parseUrl(text);
  if (parsed) return maskParsed(text, parsed);
  let masked = text;
  // Without a scheme (`user:pass@host`, `redis//u:p@h`) everything before the `@` may be the password.
  const scheme = SCHEME.exec(masked)?.[1] ?? '';
  const at = masked.lastIndexOf('@');
  if (at > scheme.length) masked = `${scheme}${MASK}${masked.slice(at)}`;
  const query = masked.indexOf('?');
  return query < 0 ? masked : `${masked.slice(0, query)}?${MASK}`;
}

/**
 * Null when the text is not a URL, or is one the parser reads differently from its author: with a second `@`
 * (`u:p@ss@host`), a password with `@`, `/` or `?` in it spills into the host, path or query.
 */
function parseUrl(text: string): URL | null {
  if (!SCHEME.test(text) || text.indexOf('@') !== text.lastIndexOf('@')) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Rebuilt from the parts of the text rather than from `URL.href`, so what is printed is what was written
 * (no added slash, no re-encoding), except for what is masked.
 */
function maskParsed(text: string, url: URL): string {
  let masked = text;
  if (url.password) {
    const scheme = SCHEME.exec(text)![1]!;
    const at = text.lastIndexOf('@', text.search(/[?#]|$/));
    const userinfo = text.slice(scheme.length, at);
    const user = userinfo.slice(0, userinfo.indexOf(':'));
    masked = `${scheme}${user}:${MASK}${text.slice(at)}`;
  }
  const query = masked.indexOf('?');
  if (query < 0) return masked;
  const hash = masked.indexOf('#', query);
  const end = hash < 0 ? masked.length : hash;
  return masked.slice(0, query + 1) + maskQuery(masked.slice(query + 1, end)) + masked.slice(end);
}

/**
 * `a=1&token=x` with the values of credential-like names replaced by `***`, and those that `mask` gives a
 * replacement for replaced by it. Works on the raw text so that nothing else in it changes.
 */
export function maskQuery(query: string, mask: (value: string) => string | null = () => null): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      if (value === '') return pair;
      if (SECRET_PARAM.test(safeDecode(name))) return `${name}=${MASK}`;
      const replaced = mask(value);
      return replaced === null ? pair : `${name}=${replaced}`;
    })
    .join('&');
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
