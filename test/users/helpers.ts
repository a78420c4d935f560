import type { TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { bearer } from '../helpers/session-sign-in.ts';

export const USERS = '/api/v1/admin/users';

/** A key with both user scopes, and a function that sends with it. */
export async function userAdmin(t: TestApp) {
  const key = await newKey(t, ['users:read', 'users:write'], 'support');
  const auth = bearer(key.secret);
  return {
    key,
    auth,
    create: (body: Record<string, unknown>) => t.post(USERS, body, auth),
    get: (path: string) => t.get(`${USERS}${path}`, auth),
    act: (id: string, action: 'block' | 'unblock' | 'sign-out') => t.post(`${USERS}/${id}/${action}`, undefined, auth),
    remove: async (id: string) => {
      const res = await t.inject({ method: 'DELETE', url: `${USERS}/${id}`, headers: auth });
      return { status: res.statusCode, body: res.json() };
    },
  };
}
