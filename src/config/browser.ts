import { invalid } from './explain.ts';
import type { Env } from './schema.ts';

export interface BrowserConfig {
  /** CORS_ORIGINS: exact origins (`https://shop.example.com`) that may call the public API with credentials. */
  readonly corsOrigins: readonly string[];
  /** SESSION_COOKIE: sign-in and refresh also set the refresh token as the `otpgate_refresh` cookie. */
  readonly sessionCookie: boolean;
  /** The origin of PUBLIC_URL, when it is set: the service's own origin as browsers name it. */
  readonly publicOrigin: string | undefined;
}

/**
 * Origins are compared as the exact strings browsers send in `Origin` (RFC 6454: scheme, host, and the port
 * only when it is not the scheme's default, no trailing slash), so each entry must already be in that form;
 * one that is not would never match and would fail silently. `*` is refused: the API answers with
 * credentials, and a wildcard with credentials would let any site act as the signed-in user.
 */
export function browserConfig(env: Env): BrowserConfig {
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    const problem = originProblem(origin);
    if (problem) throw invalid('CORS_ORIGINS', env.CORS_ORIGINS, { note: `${origin}: ${problem}` });
  }
  return {
    corsOrigins: [...new Set(corsOrigins)],
    sessionCookie: env.SESSION_COOKIE,
    publicOrigin: env.PUBLIC_URL === undefined ? undefined : new URL(env.PUBLIC_URL).origin,
  };
}

function originProblem(origin: string): string | undefined {
  if (origin === '*' || origin.includes('*')) return 'a wildcard is not allowed with credentials';
  if (!URL.canParse(origin)) return 'not scheme://host[:port]';
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the scheme must be http or https';
  if (url.username || url.password) return 'an origin has no user or password';
  if (url.origin !== origin) {
    return url.origin === 'null' ? 'not scheme://host[:port]' : `not an exact origin (a browser sends ${url.origin})`;
  }
  return undefined;
}
