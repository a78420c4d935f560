import type { Config } from '../config/index.ts';
import type { Keys } from '../crypto/keys.ts';
import { AppError } from '../errors/app-error.ts';
import { normalizeCode } from '../phone/digits.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import { consumeAll, refundAll, type Charge } from '../rate-limit/take-all.ts';
import type { OtpPurpose } from '../sms/messages.ts';
import type { CodeSender } from '../sms/sender.ts';
import { generateCode, hashCode } from './code.ts';
import type { OtpRules } from './limits.ts';
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

export function createOtpService(deps: OtpServiceDeps) {
  const { config, keys, codes, limiter, rules, sender, now } = deps;

  return {
    /**
     * Issues and sends a code. Answers the same whether or not the number has an account. A send that
     * fails leaves no usable code and gives back every limit it took, so the user can retry at once.
     */
    async request(challenge: Challenge, ip: string): Promise<{ expiresIn: number; resendIn: number }> {
      const charges: Charge[] = [
        [rules.resend, `${challenge.purpose}:${challenge.phoneNumber}`],
        [rules.phoneHourly, challenge.phoneNumber],
        [rules.ipHourly, ip],
        [rules.dailyTotal, 'all'],
      ];
      const decision = await consumeAll(limiter, charges);
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);

      const code = generateCode(config.otp.length);
      const key = challengeKey(challenge);
      let id: string | undefined;
      try {
        id = await codes.replace(
          {
            challengeKey: key,
            phoneNumber: challenge.phoneNumber,
            purpose: challenge.purpose,
            userId: challenge.userId ?? null,
            codeHash: hashCode(keys.otpCode, key, code),
            maxAttempts: config.otp.maxAttempts,
            expiresAt: now() + config.otp.ttlSeconds * 1000,
          },
          now(),
        );
        await sender.send({
          to: challenge.phoneNumber,
          code,
          purpose: challenge.purpose,
          ttlSeconds: config.otp.ttlSeconds,
        });
      } catch (error) {
        if (id) await codes.discard(id).catch(() => {});
        await refundAll(limiter, decision.taken).catch(() => {});
        throw error;
      }
      return { expiresIn: config.otp.ttlSeconds, resendIn: config.otp.resendSeconds };
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
      const decision = await consumeAll(limiter, [[rules.failedVerifyIp, ip]]);
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
