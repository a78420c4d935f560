import type { Logger } from 'pino';
import { maskPhone } from '../phone/parse.ts';
import type { RateLimiter, RateRule } from '../rate-limit/limiter.ts';
import { TELEGRAM_LINKED_TEMPLATE } from '../sms/messages.ts';
import type { SendService } from '../sms/queue/send-service.ts';
import type { User } from '../users/repository.ts';
import type { TelegramProfile } from './verify/types.ts';

export interface JoinedByNumber {
  readonly phoneNumber: string;
  readonly locale: string | null;
  /** How the Telegram account is named to the number's holder: its @username, else its name, else its id. */
  readonly telegram: string;
}

/** The notice for `user`, whose number `profile` joined by. */
export function joinedBy(user: Pick<User, 'phone_number' | 'locale'>, profile: TelegramProfile): JoinedByNumber {
  const { username, firstName, telegramId } = profile;
  return {
    phoneNumber: user.phone_number!,
    locale: user.locale,
    telegram: username ? `@${username}` : (firstName ?? telegramId),
  };
}

/**
 * At most this many notices to one number an hour. Joining, unlinking and joining again is a loop whoever
 * holds the Telegram account can run; without a cap it would be an SMS flood to the number at the shop's cost.
 */
export const LINK_NOTICE_RULE: RateRule = { name: 'telegram-link-notice', points: 3, durationSeconds: 3600 };

/**
 * Tells a number that a Telegram account joined its account through it. Telegram verified the number, but a
 * number changes hands and a Telegram account keeps the one it was opened with: the former owner of a
 * recycled number could join the new owner's account this way, and this SMS is how the new owner hears of
 * it. Queued (and retried) like the phone-change notice; one that cannot be queued is logged and dropped.
 */
export function createTelegramLinkNotice(deps: {
  send: SendService['send'];
  limiter: RateLimiter;
  /** The key a number counts under (otp/limits.ts `phoneKey`): a keyed hash, never the number. */
  phoneKey: (e164: string) => string;
  log: Pick<Logger, 'error' | 'warn'>;
}) {
  return async (joined: JoinedByNumber): Promise<void> => {
    try {
      const decision = await deps.limiter.consume(LINK_NOTICE_RULE, deps.phoneKey(joined.phoneNumber));
      if (!decision.allowed) {
        deps.log.warn({ to: maskPhone(joined.phoneNumber) }, 'Telegram link notice not sent: too many to this number');
        return;
      }
      await deps.send({
        to: joined.phoneNumber,
        template: TELEGRAM_LINKED_TEMPLATE,
        params: { telegram: joined.telegram },
        locale: joined.locale ?? undefined,
      });
    } catch (error) {
      deps.log.error({ err: error, to: maskPhone(joined.phoneNumber) }, 'Telegram link notice could not be queued');
    }
  };
}

export type TelegramLinkNotice = ReturnType<typeof createTelegramLinkNotice>;
