import { createPrivateKey, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { deriveKeys } from '../../src/crypto/keys.ts';
import { signingKeyAt } from '../../src/signing-keys/rules.ts';
import { openPrivateKey } from '../../src/signing-keys/seal.ts';
import { createSigningKeyRepository } from '../../src/signing-keys/repository.ts';
import { createSigningKeyService, times, type SigningKeyService } from '../../src/signing-keys/service.ts';
import type { TestApp } from './app.ts';
import type { SignedInUser } from './session-sign-in.ts';

/** The key service over a test app's database and clock, as `otpgate signing-keys` uses it. */
export function signingKeysOf(t: TestApp): SigningKeyService {
  return createSigningKeyService({
    keys: createSigningKeyRepository(t.database.db),
    sealKey: deriveKeys(t.config.authSecret!).signingKeySeal,
    accessTtlSeconds: t.config.tokens.accessTtlSeconds,
    now: t.clock.now,
  });
}

/** A stored key's private half, opened the way the service opens it. */
export async function storedPrivateKey(t: TestApp, kid?: string): Promise<{ kid: string; privateKey: KeyObject }> {
  const rows = await signingKeysOf(t).all();
  const signing = signingKeyAt(rows.map(times), t.clock.now());
  const row = rows.find((key) => (kid ? key.kid === kid : key.generation === signing?.generation));
  if (!row) throw new Error(`no stored key ${kid ?? '(signing)'}`);
  const pkcs8 = openPrivateKey(deriveKeys(t.config.authSecret!).signingKeySeal, row.kid, row.private_key)!;
  return { kid: row.kid, privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
}

/** A compact JWS with exactly this header and these claims, signed with `key` (ES256). */
export async function signJws(header: Record<string, unknown>, claims: object, key: KeyObject): Promise<string> {
  return new CompactSign(Buffer.from(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'ES256', ...header } as { alg: string })
    .sign(key);
}

/** The claims of a valid access token of `user` at the app's clock. */
export function validClaims(t: TestApp, user: SignedInUser): Record<string, unknown> {
  const now = Math.floor(t.clock.now() / 1000);
  return {
    sid: user.sessionId,
    sub: user.userId,
    iss: t.config.tokens.issuer,
    aud: t.config.tokens.audience,
    iat: now,
    exp: now + t.config.tokens.accessTtlSeconds,
  };
}
