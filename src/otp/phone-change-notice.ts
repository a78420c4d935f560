import type { Logger } from 'pino';
import { maskPhone } from '../phone/parse.ts';
import { PHONE_CHANGED_TEMPLATE } from '../sms/messages.ts';
import type { SendService } from '../sms/queue/send-service.ts';

/**
 * Tells the number an account just left that it left (ASVS 5.0 6.3.7), so that a change its owner did not
 * make does not go unnoticed. The notice goes through the SMS queue, which retries it; it names the new
 * number masked only, since whoever holds the old number may no longer be the account's owner. A notice that
 * cannot be queued is logged and dropped: the change is already made and stays made.
 */
export function createPhoneChangeNotice(deps: { send: SendService['send']; log: Pick<Logger, 'error'> }) {
  return async (change: { oldNumber: string; newNumber: string; locale: string | null }): Promise<void> => {
    try {
      await deps.send({
        to: change.oldNumber,
        template: PHONE_CHANGED_TEMPLATE,
        params: { phone: maskPhone(change.newNumber) },
        locale: change.locale ?? undefined,
      });
    } catch (error) {
      deps.log.error(
        { err: error, to: maskPhone(change.oldNumber) },
        'phone-change notice to the old number could not be queued',
      );
    }
  };
}

export type PhoneChangeNotice = ReturnType<typeof createPhoneChangeNotice>;
