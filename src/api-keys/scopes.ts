/**
 * What an admin API key may do: a closed set. A key is created with some of these and each admin route
 * names the one it needs. No scope implies another: `templates:write` does not let a key read templates.
 */
export const API_KEY_SCOPES = {
  'sms:send': 'send messages (POST /api/v1/admin/sms/send) and cancel the ones this key queued',
  'sms:read': 'read the delivery log (GET /api/v1/admin/sms/logs)',
  'templates:read': 'read message templates',
  'templates:write': 'create, change and delete message templates',
  'providers:read': "read the SMS providers' state and credit",
  'keys:read': 'list the API keys (never their secrets)',
  'keys:write': "revoke API keys and cancel any key's queued messages",
  'audit:read': 'read the audit trail of admin changes (GET /api/v1/admin/audit)',
  'tokens:introspect': "ask whether a user's access token is active, and its claims (POST /api/v1/auth/introspect)",
  'users:read': 'look users up and list them (GET /api/v1/admin/users)',
  'users:write': 'create, block, unblock, sign out and delete users',
  'events:read': 'read the events sent to EVENTS_WEBHOOK_URL and their delivery (GET /api/v1/admin/events)',
  'events:write': 'redeliver an event (POST /api/v1/admin/events/:id/redeliver)',
  'alerts:read': 'read back-in-stock alerts, subscribers per product and restocks',
  'alerts:write': "subscribe users to back-in-stock alerts, cancel them, and report a product's stock",
  'clients:read': 'list the OpenID Connect clients (never their secrets)',
  'clients:write': 'register and disable OpenID Connect clients',
} as const;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;

export const SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export function isScope(value: string): value is ApiKeyScope {
  return Object.hasOwn(API_KEY_SCOPES, value);
}

/**
 * Reads a comma-separated list such as `sms:send, sms:read`. Duplicates collapse and the result is in the
 * canonical order above, so two keys with the same rights list them the same way.
 */
export function parseScopes(list: string): { ok: true; scopes: ApiKeyScope[] } | { ok: false; problem: string } {
  const named = list
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  if (named.length === 0) return { ok: false, problem: `no scopes given (choose from ${SCOPE_NAMES.join(', ')})` };
  const unknown = named.filter((scope) => !isScope(scope));
  if (unknown.length > 0) {
    return {
      ok: false,
      problem: `unknown scope ${unknown.map((s) => JSON.stringify(s)).join(', ')} (choose from ${SCOPE_NAMES.join(', ')})`,
    };
  }
  return { ok: true, scopes: SCOPE_NAMES.filter((scope) => named.includes(scope)) };
}

/**
 * What a staff member of each role may do in the admin console: the same scopes as an API key's, checked by
 * the same names. `admin` holds every scope; `support` every `*:read` scope, derived from the list above so
 * that a read scope added there reaches support with no second list to keep. Nothing else is read-only by
 * name: `tokens:introspect` stays with admin.
 */
export const STAFF_ROLE_SCOPES = {
  admin: SCOPE_NAMES,
  support: SCOPE_NAMES.filter((scope) => scope.endsWith(':read')),
} as const satisfies Record<string, readonly ApiKeyScope[]>;

export type StaffRole = keyof typeof STAFF_ROLE_SCOPES;

export const STAFF_ROLES = Object.keys(STAFF_ROLE_SCOPES) as StaffRole[];

export function isStaffRole(value: string): value is StaffRole {
  return Object.hasOwn(STAFF_ROLE_SCOPES, value);
}
