import type { TestApp } from './app.ts';

export const INTROSPECT = '/api/v1/auth/introspect';

/** `POST /api/v1/auth/introspect` as RFC 7662 has a client send it: a form body, an admin key. */
export async function introspect(t: TestApp, token: string, key: string | undefined, extra = '') {
  const res = await t.inject({
    method: 'POST',
    url: INTROSPECT,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    payload: `token=${encodeURIComponent(token)}${extra}`,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
