import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { Keys } from '../crypto/keys.ts';
import { newId } from '../db/ids.ts';
import { AppError } from '../errors/app-error.ts';
import { normalizeCode } from '../phone/digits.ts';
import type { RateLimiter, RefundPart, Taken } from '../rate-limit/limiter.ts';
import { refundAll } from '../rate-limit/take-all.ts';
import type { OtpPurpose } from '../sms/messages.ts';
import { TELEGRAM_BOT } from '../sms/providers/telegram-bot.ts';
import { CodeNotSent, type CodeChannel, type CodeSender, type ComposedCode } from '../sms/sender.ts';
import { generateCode, hashCode } from './code.ts';
import { requestCharges, verifyCharges, type OtpRules } from './limits.ts';
import { openCode, sealCode } from './pending-code.ts';
import type { OtpRepository } from './repository.ts';
import { givenBack, secondCopy } from './send-charges.ts';
import type { CodeWrites } from './writes/index.ts';
import type { IssueDraft, Recipient, SettleDraft } from './writes/types.ts';

/** Who a code is for: a number, a purpose, and for a phone change the signed-in user asking. */
export interface Challenge {
  readonly phoneNumber: string;
  readonly purpose: OtpPurpose;
  readonly userId?: string | undefined;
}

/**
 * The code message's language: the locales the request asked for (Accept-Language), best first, or else
 * the stored locale of `recipient`, read with the code's writes.
 */
export interface Language {
  readonly locales?: readonly string[] | undefined;
  readonly recipient: Recipient;
}

export interface OtpServiceDeps {
  readonly config: Config;
  readonly keys: Keys;
  readonly codes: OtpRepository;
  readonly writes: CodeWrites;
  readonly limiter: RateLimiter;
  readonly log: Pick<Logger, 'error'>;
  readonly rules: OtpRules;
  readonly sender: CodeSender;
  readonly now: () => number;
}

function challengeKey({ purpose, userId, phoneNumber }: Challenge): string {
  return `${purpose}:${userId ?? ''}:${phoneNumber}`;
}

/** The code a request sends, written with its log row: a new one, or one resent because its last send timed out. */
interface Sending {
  readonly codeId: string;
  readonly code: string;
  readonly expiresAt: number;
  readonly resent: boolean;
  readonly message: ComposedCode;
  readonly logId: string;
  readonly locale: string | null;
}

export function createOtpService(deps: OtpServiceDeps) {
  const { config, keys, codes, writes, limiter, rules, sender, log, now } = deps;
  const prefixBits = config.otp.ipv6PrefixBits;

  /** A new code for the challenge, rendered, and the writes that store it with its log row. */
  async function newCode(challenge: Challenge, key: string, language: Language) {
    const code = sender.fixedCode(challenge.phoneNumber) ?? generateCode(config.otp.length);
    const expiresAt = now() + config.otp.ttlSeconds * 1000;
    const message = await sender.compose({
      to: challenge.phoneNumber,
      code,
      purpose: challenge.purpose,
      ttlSeconds: config.otp.ttlSeconds,
      locales: language.locales,
    });
    const draft: IssueDraft = {
      code: {
        id: newId(),
        challengeKey: key,
        phoneNumber: challenge.phoneNumber,
        purpose: challenge.purpose,
        userId: challenge.userId ?? null,
        codeHash: hashCode(keys.otpCode, key, code),
        maxAttempts: config.otp.maxAttempts,
        expiresAt,
      },
      now: now(),
      log: { id: newId(), message, recipient: language.recipient },
    };
    return { code, expiresAt, message, draft };
  }

  /**
   * When the upsert left the challenge's earlier code in place (kept after a timed-out send): that code,
   * sent again as it is (same row, same expiry, same attempts used: renewing either would let anyone who can
   * make sends time out buy fresh guesses at one code). A kept copy that cannot be opened (AUTH_SECRET
   * changed) is replaced by the new code after all.
   */
  async function keptCode(
    challenge: Challenge,
    key: string,
    language: Language,
    fresh: Awaited<ReturnType<typeof newCode>>,
  ): Promise<Sending> {
    const test = sender.fixedCode(challenge.phoneNumber) !== undefined;
    const pending = test ? undefined : await codes.findPending(key, now());
    const code = pending && openCode(keys.otpPending, key, pending.sealed);
    if (pending && code) {
      const ttlSeconds = Math.max(1, Math.ceil((pending.expiresAt - now()) / 1000));
      const message = await sender.compose({
        to: challenge.phoneNumber,
        code,
        purpose: challenge.purpose,
        ttlSeconds,
        locales: language.locales,
      });
      const logId = newId();
      const locale = await writes.log({ id: logId, message, recipient: language.recipient }, now());
      return { codeId: pending.id, code, expiresAt: pending.expiresAt, resent: true, message, logId, locale };
    }
    const codeId = (await codes.replace(fresh.draft.code, now(), { id: fresh.draft.code.id }))!;
    const locale = await writes.log(fresh.draft.log, now());
    return { ...fresh, codeId, resent: false, logId: fresh.draft.log.id, locale };
  }

  /**
   * Writes how the send ended and gives back `taken`, in one statement where the limiter allows, the
   * outcome before the points: a retry can only get past the resend limit once they are given back, and by
   * then the code it must resend is already marked. A write that fails is logged: the code's fate was
   * decided by the send, not by its record.
   */
  async function settle(draft: SettleDraft, taken: readonly Taken[]): Promise<void> {
    await limiter
      .refundAllWith(taken, (part) => writes.settle(draft, part))
      .catch((error: unknown) =>
        log.error({ err: error, smsLogId: draft.log?.id }, 'could not record the end of a code send'),
      );
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
     *   refused. No usable code is left. A send no provider was asked for (every breaker open) gives
     *   everything back.
     * The message is rendered first, so a missing template or an SMS service that is not available costs
     * nothing; then the limits, the code and its log row are one round trip (see writes/).
     *
     * `channel` other than `sms` puts the bot ahead of the SMS providers for this code (sender.ts): the same
     * limits, log row and attempts, whichever carried it. `channel` in the result says which did.
     */
    async request(
      challenge: Challenge,
      ip: string,
      language: Language,
      channel: CodeChannel = 'sms',
    ): Promise<{ expiresIn: number; resendIn: number; channel: 'sms' | 'telegram' }> {
      const { phoneNumber } = challenge;
      const charges = requestCharges(rules, challenge.purpose, phoneNumber, ip, prefixBits);
      const key = challengeKey(challenge);
      const fresh = await newCode(challenge, key, language);
      const { decision, value } = await limiter.consumeAllWith(charges.all, (part) => writes.issue(fresh.draft, part));
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);

      let sending: Sending;
      try {
        sending =
          value?.codeId !== undefined
            ? { ...fresh, codeId: value.codeId, resent: false, logId: fresh.draft.log.id, locale: value.locale }
            : await keptCode(challenge, key, language, fresh);
      } catch (error) {
        await refundAll(limiter, decision.taken).catch(() => {});
        throw error;
      }

      const ttlSeconds = sending.resent
        ? Math.max(1, Math.ceil((sending.expiresAt - now()) / 1000))
        : config.otp.ttlSeconds;
      try {
        const outcome = await sender.deliver(sending.message, sending.locale, sending.logId, {
          client: ip,
          mayTryAgain: secondCopy(limiter, rules, phoneNumber),
          channel,
        });
        // The code is out. A copy left behind only means a later retry resends this same code, as it should.
        await settle(
          {
            now: now(),
            log: outcome && { id: sending.logId, outcome, template: sending.message.template },
            code: sending.resent ? { id: sending.codeId, then: 'clear' } : undefined,
          },
          decision.taken.filter(charges.isFailure),
        );
        const via = outcome?.provider === TELEGRAM_BOT ? 'telegram' : 'sms';
        return { expiresIn: ttlSeconds, resendIn: config.otp.resendSeconds, channel: via };
      } catch (error) {
        const outcome = error instanceof CodeNotSent ? error.outcome : undefined;
        await settle(
          {
            now: now(),
            log: outcome && { id: sending.logId, outcome, template: sending.message.template },
            code: codeAfterFailure(sending, key, error),
          },
          givenBack(error, decision.taken, charges.isFailure),
        );
        throw error;
      }
    },

    /**
     * Checks a typed code. Resolves when it is right, with what `onAccepted` wrote; otherwise throws
     * OTP_INVALID (with attempts_left), OTP_ATTEMPTS_EXCEEDED or OTP_EXPIRED. Failed checks count against the
     * client IP's hourly budget: taken before checking, in the attempt's own statement where the limiter
     * allows, and given back on success, with `onAccepted`'s writes (the sign-in) where it allows.
     */
    async verify<T>(
      challenge: Challenge,
      typed: string,
      ip: string,
      onAccepted?: (part: RefundPart | undefined) => Promise<T>,
    ): Promise<T | undefined> {
      const code = normalizeCode(typed);
      if (!/^\d{1,32}$/.test(code)) throw new AppError('VALIDATION_ERROR', 'code must be digits');

      // Taken before checking and given back on success: failures are what this budget counts, and
      // taking it first keeps parallel wrong guesses from slipping past it.
      const key = challengeKey(challenge);
      const attempt = { challengeKey: key, codeHash: hashCode(keys.otpCode, key, code), now: now() };
      const { decision, value: result } = await limiter.consumeAllWith(verifyCharges(rules, ip, prefixBits), (part) =>
        writes.attempt(attempt, part),
      );
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
      switch (result!.outcome) {
        case 'accepted':
          if (onAccepted) return limiter.refundAllWith(decision.taken, onAccepted);
          await refundAll(limiter, decision.taken);
          return undefined;
        case 'wrong':
          throw new AppError('OTP_INVALID', undefined, { attempts_left: result!.attemptsLeft });
        case 'exhausted':
          throw new AppError('OTP_ATTEMPTS_EXCEEDED');
        case 'expired':
          throw new AppError('OTP_EXPIRED');
      }
    },
  };

  /**
   * After a failed send: a code that may have reached the phone (a call on the way that may have sent it,
   * or an earlier send that did) stays usable and sealed for the retry; any other code is deleted.
   */
  function codeAfterFailure(sending: Sending, key: string, error: unknown): SettleDraft['code'] {
    if (sending.resent) return undefined;
    if (error instanceof CodeNotSent && error.mayHaveArrived) {
      return { id: sending.codeId, then: 'keep', sealed: sealCode(keys.otpPending, key, sending.code) };
    }
    return { id: sending.codeId, then: 'discard' };
  }
}

export type OtpService = ReturnType<typeof createOtpService>;

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', undefined, { retry_after: retryAfterSeconds });
}
