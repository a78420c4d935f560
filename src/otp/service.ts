import type { Config } from '../config/index.ts';
import type { Keys } from '../crypto/keys.ts';
import { AppError } from '../errors/app-error.ts';
import { normalizeCode } from '../phone/digits.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import { consumeAll, refundAll } from '../rate-limit/take-all.ts';
import type { OtpPurpose } from '../sms/messages.ts';
import { CodeNotSent, type CodeSender } from '../sms/sender.ts';
import { generateCode, hashCode } from './code.ts';
import { requestCharges, verifyCharges, type OtpRules } from './limits.ts';
import { openCode, sealCode } from './pending-code.ts';
import { givenBack, secondCopy } from './send-charges.ts';
import type { OtpRepository } from './repository.ts';

/** Who a code is for: a number, a purpose, and for a phone change the signed-in user asking. */
export interface Challenge {
  readonly phoneNumber: string;
  readonly purpose: OtpPurpose;
  readonly userId?: string | undefined;
}

export interface OtpServiceDeps {
  readonly config: Config;
  readonly keys: Keys;
  readonly codes: OtpRepository;
  readonly limiter: RateLimiter;
  readonly rules: OtpRules;
  readonly sender: CodeSender;
  readonly now: () => number;
}

function challengeKey({ purpose, userId, phoneNumber }: Challenge): string {
  return `${purpose}:${userId ?? ''}:${phoneNumber}`;
}

/** The code a request sends: a new one, or one resent because its last send timed out. */
interface Issued {
  readonly id: string;
  readonly code: string;
  readonly expiresAt: number;
  readonly resent: boolean;
}

export function createOtpService(deps: OtpServiceDeps) {
  const { config, keys, codes, limiter, rules, sender, now } = deps;
  const prefixBits = config.otp.ipv6PrefixBits;

  /**
   * A new code (a test number's listed one, or a random one) replacing the challenge's earlier code. With
   * `unlessPending`, undefined when the earlier code is kept for a resend (see `codeToSend`).
   */
  async function issueCode(challenge: Challenge, key: string, unlessPending: boolean): Promise<Issued | undefined> {
    const code = sender.fixedCode(challenge.phoneNumber) ?? generateCode(config.otp.length);
    const expiresAt = now() + config.otp.ttlSeconds * 1000;
    const id = await codes.replace(
      {
        challengeKey: key,
        phoneNumber: challenge.phoneNumber,
        purpose: challenge.purpose,
        userId: challenge.userId ?? null,
        codeHash: hashCode(keys.otpCode, key, code),
        maxAttempts: config.otp.maxAttempts,
        expiresAt,
      },
      now(),
      { unlessPending },
    );
    return id === undefined ? undefined : { id, code, expiresAt, resent: false };
  }

  /**
   * The code this request sends: the one kept after a timed-out send while it is usable, else a new one.
   * A new code is tried first because it is the common case and one statement; only when the upsert left
   * a kept code in place is it read. A kept copy that cannot be opened (AUTH_SECRET changed, or a test
   * number) is replaced.
   */
  async function codeToSend(challenge: Challenge, key: string): Promise<Issued> {
    const fresh = (await issueCode(challenge, key, true)) ?? (await pendingCode(challenge, key));
    return fresh ?? (await issueCode(challenge, key, false))!;
  }

  /**
   * The challenge's code whose last send timed out, to send again as it is: same row, same expiry, same
   * attempts used. Renewing either would let anyone who can make sends time out buy fresh guesses at one
   * code. A test number always gets its listed code instead.
   */
  async function pendingCode(challenge: Challenge, key: string): Promise<Issued | undefined> {
    if (sender.fixedCode(challenge.phoneNumber) !== undefined) return undefined;
    const pending = await codes.findPending(key, now());
    const code = pending && openCode(keys.otpPending, key, pending.sealed);
    return pending && code ? { id: pending.id, code, expiresAt: pending.expiresAt, resent: true } : undefined;
  }

  /**
   * After a failed send: a code that may have reached the phone (a call on the way that may have sent it,
   * or an earlier send that did) stays usable and sealed for the retry; any other code is deleted.
   */
  async function keepOrDiscard(issued: Issued, key: string, error: unknown): Promise<void> {
    if (issued.resent) return;
    if (error instanceof CodeNotSent && error.mayHaveArrived) {
      await codes.markPending(issued.id, sealCode(keys.otpPending, key, issued.code)).catch(() => {});
    } else {
      await codes.discard(issued.id).catch(() => {});
    }
  }

  return {
    /**
     * Issues and sends a code. Answers the same whether or not the number has an account. What a send
     * costs depends on what became of it:
     * - sent: every send limit; the failed-send budgets are given back.
     * - may have arrived (a timeout, a 5xx, a lost connection: `CodeNotSent.mayHaveArrived`): every limit,
     *   the daily ceiling and the failed-send budgets included, as if sent, whatever the provider does: the
     *   phone may hold the message. The code is kept, sealed, and the retry sends that same code again, so
     *   the user never holds two different codes.
     * - refused for certain: the send limits are given back, so the user can retry at once, but the
     *   failed-send budgets keep it: they bound the provider calls a client can cause with numbers that are
     *   refused. No usable code is left. A send no provider was asked for (every breaker open, SMS not
     *   available) gives everything back.
     * `locales` gives the recipient's preferred locales; it is called only once the limits let the request
     * through, so a refused request costs no lookup.
     */
    async request(
      challenge: Challenge,
      ip: string,
      locales?: () => Promise<readonly string[]>,
    ): Promise<{ expiresIn: number; resendIn: number }> {
      const { phoneNumber } = challenge;
      const charges = requestCharges(rules, challenge.purpose, phoneNumber, ip, prefixBits);
      const decision = await consumeAll(limiter, charges.all);
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);

      const key = challengeKey(challenge);
      let issued: Issued | undefined;
      try {
        issued = await codeToSend(challenge, key);
        const ttlSeconds = issued.resent
          ? Math.max(1, Math.ceil((issued.expiresAt - now()) / 1000))
          : config.otp.ttlSeconds;
        await sender.send({
          to: phoneNumber,
          code: issued.code,
          purpose: challenge.purpose,
          ttlSeconds,
          locales: locales ? await locales() : undefined,
          client: ip,
          mayTryAgain: secondCopy(limiter, rules, phoneNumber),
        });
        // The code is out. A copy left behind only means a later retry resends this same code, as it should.
        if (issued.resent) await codes.clearPending(issued.id).catch(() => {});
        await refundAll(limiter, decision.taken.filter(charges.isFailure)).catch(() => {});
        return { expiresIn: ttlSeconds, resendIn: config.otp.resendSeconds };
      } catch (error) {
        if (issued) await keepOrDiscard(issued, key, error);
        // After keepOrDiscard: a retry can only get past the resend limit once this is given back, and by
        // then the code it must resend is already marked.
        await refundAll(limiter, givenBack(error, decision.taken, charges.isFailure)).catch(() => {});
        throw error;
      }
    },

    /**
     * Checks a typed code. Resolves when it is right; otherwise throws OTP_INVALID (with attempts_left),
     * OTP_ATTEMPTS_EXCEEDED or OTP_EXPIRED. Failed checks count against the client IP's hourly budget.
     */
    async verify(challenge: Challenge, typed: string, ip: string): Promise<void> {
      const code = normalizeCode(typed);
      if (!/^\d{1,32}$/.test(code)) throw new AppError('VALIDATION_ERROR', 'code must be digits');

      // Taken before checking and given back on success: failures are what this budget counts, and
      // taking it first keeps parallel wrong guesses from slipping past it.
      const decision = await consumeAll(limiter, verifyCharges(rules, ip, prefixBits));
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);

      const key = challengeKey(challenge);
      const result = await codes.consume(key, hashCode(keys.otpCode, key, code), now());
      switch (result.outcome) {
        case 'accepted':
          await refundAll(limiter, decision.taken);
          return;
        case 'wrong':
          throw new AppError('OTP_INVALID', undefined, { attempts_left: result.attemptsLeft });
        case 'exhausted':
          throw new AppError('OTP_ATTEMPTS_EXCEEDED');
        case 'expired':
          throw new AppError('OTP_EXPIRED');
      }
    },
  };
}

export type OtpService = ReturnType<typeof createOtpService>;

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', undefined, { retry_after: retryAfterSeconds });
}
