import { Type } from '@sinclair/typebox';
import type { ApiKey } from './repository.ts';
import { API_KEY_SCOPES, SCOPE_NAMES } from './scopes.ts';

const Scope = Type.Union(
  SCOPE_NAMES.map((scope) => Type.Literal(scope, { description: API_KEY_SCOPES[scope] })),
  { description: 'what the key may do' },
);

const Time = Type.String({ format: 'date-time' });
const MaybeTime = Type.Union([Time, Type.Null()]);

const KeyIdentity = {
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'the first characters of the key, to tell keys apart' }),
  scopes: Type.Array(Scope),
};

export const WhoAmI = Type.Object({ success: Type.Literal(true), key: Type.Object(KeyIdentity) });

export const KeyList = Type.Object({
  success: Type.Literal(true),
  keys: Type.Array(Type.Object({ ...KeyIdentity, created_at: Time, last_used_at: MaybeTime, revoked_at: MaybeTime })),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const keyIdentity = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: [...key.scopes],
});

export const keyView = (key: ApiKey) => ({
  ...keyIdentity(key),
  created_at: new Date(key.createdAt).toISOString(),
  last_used_at: iso(key.lastUsedAt),
  revoked_at: iso(key.revokedAt),
});

export const KeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: "the key's id" }) });

export const KeyRevoked = Type.Object({
  success: Type.Literal(true),
  key: Type.Object({ ...KeyIdentity, created_at: Time, last_used_at: MaybeTime, revoked_at: MaybeTime }),
  cancelled: Type.Integer({ minimum: 0, description: 'queued messages of the key cancelled by this revocation' }),
});

export const QueuedCancelled = Type.Object({
  success: Type.Literal(true),
  cancelled: Type.Integer({ minimum: 0, description: 'queued messages cancelled' }),
});
