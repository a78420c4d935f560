/**
 * Why a Telegram sign-in failed, before it becomes an AppError at the edge of this module. `refused` is
 * Telegram (or a forger) saying no: TELEGRAM_AUTH_INVALID. `unavailable` is the issuer failing us: no
 * answer in time, a 5xx, an answer that is not its protocol: TELEGRAM_UNAVAILABLE, worth a retry later.
 * `reason` goes to the log, so it never carries the client secret, a code, a verifier or a token.
 */
export class OidcProblem extends Error {
  override name = 'OidcProblem';

  constructor(
    readonly kind: 'refused' | 'unavailable',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const refused = (reason: string) => new OidcProblem('refused', reason);
export const unavailable = (reason: string) => new OidcProblem('unavailable', reason);
