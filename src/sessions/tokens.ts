import { randomUUID, webcrypto } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from '../config/index.ts';
import { SIGNING_ALG } from '../signing-keys/key-pair.ts';
import type { KeyRing } from '../signing-keys/ring.ts';
import type { SignInMethod } from './repository.ts';

/** RFC 9068's media type for access tokens: a refresh token or any other JWT cannot pass for one. */
const ACCESS_TYPE = 'at+jwt';

/** The issuer and audience of the HS256 tokens issued before ES256, which verify for a while (see below). */
const LEGACY = { alg: 'HS256', issuer: 'otpgate', audience: 'otpgate' } as const;

export interface AccessClaims {
  readonly userId: string;
  /** The session family, so that logout and reuse detection reach tokens already issued. */
  readonly sessionId: string;
}

/** Who a token is about, as the user row says at signing. */
export interface TokenSubject {
  readonly userId: string;
  /** E.164, as `phone_number` (OpenID Connect Core 5.1); null for a user without a number (Telegram only). */
  readonly phoneNumber: string | null;
  /** The shop's own id for the user, when it has set one; the claim is left out otherwise. */
  readonly externalId?: string | null | undefined;
}

/** What a token is signed with: who, which session, and the session's sign-in time (epoch ms). */
export interface SignedClaims extends TokenSubject {
  readonly sessionId: string;
  readonly authTime: number;
  /** How the session signed in, as `amr` (RFC 8176 lists methods, not these names; ours are plain). */
  readonly amr: SignInMethod;
}

/** A verified token: the ids the server acts on, and every claim it carried (for introspection). */
export interface VerifiedToken extends AccessClaims {
  readonly payload: JWTPayload;
}

/**
 * The claims of an access token. `auth_time` (OpenID Connect Core 2) tells a client when the user last
 * proved their number; the server never trusts it (that check reads the stored session).
 */
export function accessClaims(claims: SignedClaims): JWTPayload {
  return {
    sid: claims.sessionId,
    auth_time: Math.floor(claims.authTime / 1000),
    amr: [claims.amr],
    // A user's number is always a proved one: by a code, or by Telegram, which verified it.
    ...(claims.phoneNumber ? { phone_number: claims.phoneNumber, phone_number_verified: true } : {}),
    ...(claims.externalId ? { external_id: claims.externalId } : {}),
  };
}

/**
 * ES256 access tokens under the key ring's signing key, `kid` in the header, so a shop's backend verifies
 * them with the public keys at /.well-known/jwks.json. Verification pins the algorithm, issuer, audience and
 * `typ`, and requires `exp`, `iat`, `sub` and `sid`. The key is chosen by `kid` among our own published keys
 * only: `alg: none`, other algorithms, and keys named by the header (`jwk`, `jku`, `x5u`) get no say.
 *
 * HS256 tokens signed with the key derived from AUTH_SECRET, as every token was before ES256, are still
 * accepted while they can exist: issued (`iat`) before the first signing key was made, and for at most one
 * access-token lifetime after it, with their own issuer and audience. Nothing else is ever HS256: a token
 * "signed" with a public key as an HMAC secret fails, since the HMAC key is never a public key.
 */
export function createAccessTokens(deps: {
  ring: KeyRing;
  legacySecret: Uint8Array;
  config: Config['tokens'];
  now: () => number;
}) {
  const { ring, legacySecret, config, now } = deps;
  // Imported once: handed raw bytes, jose imports a CryptoKey on every call.
  const legacyKey = webcrypto.subtle.importKey('raw', legacySecret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const required = ['exp', 'sub', 'sid', 'iat'];

  async function verifyLegacy(token: string): Promise<JWTPayload | null> {
    const upgradedAt = await ring.upgradedAt();
    if (upgradedAt === undefined || now() >= upgradedAt + config.accessTtlSeconds * 1000) return null;
    const { payload } = await jwtVerify(token, await legacyKey, {
      algorithms: [LEGACY.alg],
      issuer: LEGACY.issuer,
      audience: LEGACY.audience,
      typ: ACCESS_TYPE,
      requiredClaims: required,
      currentDate: new Date(now()),
    });
    return payload.iat! * 1000 <= upgradedAt ? payload : null;
  }

  async function verifySigned(token: string, kid: unknown): Promise<JWTPayload | null> {
    if (typeof kid !== 'string') return null;
    const key = await ring.verifier(kid);
    if (!key) return null;
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [SIGNING_ALG],
      issuer: config.issuer,
      audience: config.audience,
      typ: ACCESS_TYPE,
      requiredClaims: required,
      currentDate: new Date(now()),
    });
    return payload;
  }

  return {
    async sign(claims: SignedClaims): Promise<string> {
      const key = await ring.signer();
      const issuedAt = Math.floor(now() / 1000);
      return (
        new SignJWT(accessClaims(claims))
          .setProtectedHeader({ alg: SIGNING_ALG, typ: ACCESS_TYPE, kid: key.kid })
          .setIssuer(config.issuer)
          .setAudience(config.audience)
          .setSubject(claims.userId)
          .setIssuedAt(issuedAt)
          // Two tokens issued in the same second must still differ.
          .setJti(randomUUID())
          .setExpirationTime(issuedAt + config.accessTtlSeconds)
          .sign(key.privateKey)
      );
    },

    /** The claims of a valid token, or null for anything else. */
    async verify(token: string): Promise<VerifiedToken | null> {
      try {
        const header = decodeProtectedHeader(token);
        const payload =
          header.alg === SIGNING_ALG
            ? await verifySigned(token, header.kid)
            : header.alg === LEGACY.alg
              ? await verifyLegacy(token)
              : null;
        if (!payload || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
        return { userId: payload.sub, sessionId: payload.sid, payload };
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
        throw error;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
