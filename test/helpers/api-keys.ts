import { CLI_ACTOR } from '../../src/audit/actor.ts';
import type { ApiKeyScope } from '../../src/api-keys/scopes.ts';
import { createApiKeyRepository } from '../../src/api-keys/repository.ts';
import { createApiKeyService, type ApiKeyService } from '../../src/api-keys/service.ts';
import type { TestApp } from './app.ts';

/** The key service over a test app's database and clock, as `otpgate keys` would use it. */
export function apiKeysOf(t: TestApp): ApiKeyService {
  return createApiKeyService({ keys: createApiKeyRepository(t.database.db), now: t.clock.now });
}

/** Creates a key and returns the secret a client would send, with the key's id and prefix. */
export async function newKey(t: TestApp, scopes: readonly ApiKeyScope[], name = 'test key') {
  const { secret, key } = await apiKeysOf(t).create({ name, scopes }, CLI_ACTOR);
  return { secret, id: key.id, prefix: key.prefix };
}
