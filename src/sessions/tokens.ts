import { randomUUID, webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config/index.ts';

/** RFC 9068's media type for access tokens: a refresh token or any other JWT cannot pass for one. */
const ACCESS_TYPE = 'at+jwt';

export interface AccessClaims {
  readonly userId: string;
  /** The session family, so that logout and reuse detection reach tokens already issued. */
  readonly sessionId: string;
}

/** What a token is signed with: its claims and the session's sign-in time (epoch ms). */
export interface SignedClaims extends AccessClaims {
  readonly authTime: number;
}

/**
 * HS256 access tokens. Verification pins the algorithm, issuer, audience and `typ`, and requires `exp`,
 * `sub` and `sid`; `alg: none`, other algorithms and keys named in the header (`jwk`, `jku`, `kid`) never
 * get a say, because the key is ours and fixed.
 */
export function createAccessTokens(secret: Uint8Array, config: Config['tokens'], now: () => number) {
  // Imported once: handed raw bytes, jose imports a CryptoKey on every call, which doubled its cost.
  const key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return {
    /**
     * `auth_time` (OpenID Connect Core 2) tells a client when the user last proved their number, so it can
     * ask for a new sign-in before a step that needs a recent one. The server never trusts it: that check
     * reads the stored session, and tokens issued before the claim existed verify without it.
     */
    async sign(claims: SignedClaims): Promise<string> {
      const issuedAt = Math.floor(now() / 1000);
      return (
        new SignJWT({ sid: claims.sessionId, auth_time: Math.floor(claims.authTime / 1000) })
          .setProtectedHeader({ alg: 'HS256', typ: ACCESS_TYPE })
          .setIssuer(config.issuer)
          .setAudience(config.audience)
          .setSubject(claims.userId)
          .setIssuedAt(issuedAt)
          // Two tokens issued in the same second must still differ.
          .setJti(randomUUID())
          .setExpirationTime(issuedAt + config.accessTtlSeconds)
          .sign(await key)
      );
    },

    /** The claims of a valid token, or null for anything else. */
    async verify(token: string): Promise<AccessClaims | null> {
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: ['HS256'],
          issuer: config.issuer,
          audience: config.audience,
          typ: ACCESS_TYPE,
          requiredClaims: ['exp', 'sub', 'sid', 'iat'],
          currentDate: new Date(now()),
        });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
        return { userId: payload.sub, sessionId: payload.sid };
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
        throw error;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
