import { errors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import type { createKeySet } from './key-set.ts';
import { OidcProblem, refused } from './problem.ts';

/**
 * Allowed difference between Telegram's clock and ours when reading `exp`. Small: the token is checked
 * seconds after Telegram issued it, straight from the token endpoint.
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface IdTokenCheck {
  readonly issuer: string;
  readonly clientId: string;
  readonly keyFor: ReturnType<typeof createKeySet>;
  readonly now: () => number;
}

/**
 * Verifies the signature and the claims OpenID Connect Core §3.1.3.7 asks of a token from the token endpoint:
 * `iss` is the issuer, `aud` is this client, `exp` has not passed and `iat` is there. `nonce` is not
 * required: Telegram leaves it out of redirect-flow tokens; `state` and PKCE bind the answer to the browser.
 */
export async function verifyIdToken(idToken: string, check: IdTokenCheck): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, (header: JWTHeaderParameters) => check.keyFor(header), {
      issuer: check.issuer,
      audience: check.clientId,
      requiredClaims: ['iat', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(check.now()),
    });
    return payload;
  } catch (error) {
    if (error instanceof OidcProblem) throw error;
    // jose's codes and messages name the check that failed (`"aud" claim check failed`); no token text.
    if (error instanceof errors.JOSEError) throw refused(`id_token: ${error.code}: ${error.message}`);
    throw error;
  }
}
