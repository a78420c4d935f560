import type { Logger } from 'pino';
import { maskPhone } from '../phone/parse.ts';
import { TELEGRAM_LINKED_TEMPLATE } from '../sms/messages.ts';
import type { SendService } from '../sms/queue/send-service.ts';

export interface JoinedByNumber {
  readonly phoneNumber: string;
  readonly locale: string | null;
  /** How the Telegram account is named to the number's holder: its @username, else its name, else its id. */
  readonly telegram: string;
}

/**
 * Tells a number that a Telegram account joined its account through it. Telegram verified the number, but a
 * number changes hands and a Telegram account keeps the one it was opened with: the former owner of a
 * recycled number could join the new owner's account this way, and this SMS is how the new owner hears of
 * it. Queued (and retried) like the phone-change notice; one that cannot be queued is logged and dropped.
 */
export function createTelegramLinkNotice(deps: { send: SendService['send']; log: Pick<Logger, 'error'> }) {
  return async (joined: JoinedByNumber): Promise<void> => {
    try {
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
