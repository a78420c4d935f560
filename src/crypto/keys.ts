import { createHash, hkdfSync } from 'node:crypto';

/**
 * Separate keys for separate jobs, all derived from AUTH_SECRET with HKDF, so that a key leaked or misused
 * in one role (say, a code hash) says nothing about another (token signatures).
 */
export interface Keys {
  /** HS256 key of the access tokens issued before they were signed with ES256; only verifies, for a while. */
  readonly accessToken: Uint8Array;
  /** AES-256-GCM key that seals the private signing keys kept in the database (signing-keys/seal.ts). */
  readonly signingKeySeal: Buffer;
  readonly otpCode: Buffer;
  /** AES-256-GCM key for the copy of a code kept while its delivery is unknown (otp/pending-code.ts). */
  readonly otpPending: Buffer;
  /** HMAC key that turns a phone number into its rate-limit key (otp/limits.ts `limitKeyForPhone`). */
  readonly rateLimitPhone: Buffer;
  /** HMAC key that turns a Telegram sign-in's `state` into its PKCE verifier (telegram/oidc/flow.ts). */
  readonly telegramPkce: Buffer;
  /** HMAC key of the tokens in an alert's cancel and click links (alerts/link-token.ts). */
  readonly alertLink: Buffer;
  /** Signs the OpenID Connect provider's cookies (its sign-in session and interaction steps; oidc/provider.ts). */
  readonly oidcCookie: Buffer;
}

export function deriveKeys(authSecret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', authSecret, 'otpgate', info, 32));
  return {
    accessToken: new Uint8Array(derive('access-token v1')),
    signingKeySeal: derive('signing-key-seal v1'),
    otpCode: derive('otp-code v1'),
    otpPending: derive('otp-pending v1'),
    rateLimitPhone: derive('rate-limit-phone v1'),
    telegramPkce: derive('telegram-pkce v1'),
    alertLink: derive('alert-link v1'),
    oidcCookie: derive('oidc-cookie v1'),
  };
}

/** For high-entropy random tokens (refresh tokens), a plain hash is enough: there is nothing to guess. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
