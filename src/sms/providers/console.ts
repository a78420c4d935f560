import { maskPhone } from '../../phone/parse.ts';
import type { SmsProvider } from '../provider.ts';

/** The slice of a pino logger this needs. */
export interface ConsoleProviderLog {
  info(obj: object, msg: string): void;
}

/** Sends nothing: writes each message to the log, for development without an SMS account. */
export function createConsoleProvider(log: ConsoleProviderLog): SmsProvider {
  return {
    name: 'console',
    live: false,
    async send({ to, template, params, text }) {
      // Logging the code breaks the rule that codes stay out of logs, on purpose: without it a developer
      // could not sign in. `live: false` lets the caller refuse this provider where that matters.
      log.info({ to: maskPhone(to), template, code: params.code, text }, 'development SMS fallback: message not sent');
      return { messageId: null };
    },
  };
}
