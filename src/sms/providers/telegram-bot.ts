import { GrammyError, HttpError, type Api } from 'grammy';
import { withoutWebOtpLine } from '../messages.ts';
import { SmsError, withRetryAfter, type SmsProvider } from '../provider.ts';

export const TELEGRAM_BOT = 'telegram_bot';
const NAME = TELEGRAM_BOT;

export interface TelegramBotCodeOptions {
  /** A Bot API client without auto-retry: SMS is the retry (telegram/bot/api.ts). */
  readonly api: Pick<Api, 'sendMessage'>;
  /** Where the bot may write to a number's user (telegram/bot/reach.ts). */
  readonly reach: {
    chatFor(phoneNumber: string): Promise<{ telegramId: string; chatId: string } | null>;
    blocked(telegramId: string): Promise<unknown>;
  };
  /** TELEGRAM_CODE_TIMEOUT_MS: the call is given up after this, and the code goes by SMS. */
  readonly timeoutMs: number;
}

/**
 * The bot as a codes-only provider: the code message, as the SMS would read it, to the private chat of the
 * Telegram account linked to the number's user. It is put ahead of the SMS providers only for a request that
 * asked for Telegram, so that failover, the log row, the limits and the attempts are the SMS path's own.
 *
 * A number whose user has no linked Telegram, no chat with the bot, blocked it or sent /stop is `unreachable` here:
 * like a number not on the Gateway, it never counts against the breaker (anyone may ask for a code to any
 * number) and the next provider, an SMS one, carries the code. A 403 says the person blocked the bot: it is
 * written down, so the next code goes straight to SMS.
 */
export function createTelegramBotCodeProvider(options: TelegramBotCodeOptions): SmsProvider {
  const { api, reach, timeoutMs } = options;
  return {
    name: NAME,
    live: true,
    codesOnly: true,
    async send(message) {
      if (!message.code) {
        throw new SmsError(NAME, 'rejected', `${NAME} carries one-time codes only`, 'NOT_A_CODE', 'unknown');
      }
      const chat = await reach.chatFor(message.to).catch((error: unknown) => {
        // Nothing went to Telegram: no copy can be on the way.
        const text = `${NAME}: could not read the chat (${String(error)})`;
        throw new SmsError(NAME, 'transport', text, 'DATABASE', null, false);
      });
      if (chat === null) {
        throw new SmsError(NAME, 'rejected', 'no chat with the bot for this number', 'NO_CHAT', 'unreachable');
      }
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      try {
        // grammY types the signal with its abort-controller shim; Node's own is what it uses at run time.
        const signal = abort.signal as Parameters<Api['sendMessage']>[3];
        const sent = await api.sendMessage(chat.chatId, withoutWebOtpLine(message.text), undefined, signal);
        return { messageId: String(sent.message_id) };
      } catch (error) {
        if (abort.signal.aborted) throw new SmsError(NAME, 'timeout', `no answer within ${timeoutMs} ms`);
        if (error instanceof GrammyError && error.error_code === 403) {
          await reach.blocked(chat.telegramId).catch(() => {});
        }
        throw failure(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * What a failed call means. 403 (blocked, deactivated) and 400 (chat not found) are this person on this
 * channel only; 429 asks us to slow down; 401/404 are our token or API root; a 5xx or the network may have
 * sent the message after all (SmsError.mayHaveSent decides from the code).
 */
function failure(error: unknown): SmsError {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const providerCode = `HTTP_${code}`;
    const said = `${NAME} refused the message (${code}: ${error.description})`;
    if (code === 403 || code === 400) return new SmsError(NAME, 'rejected', said, providerCode, 'unreachable');
    if (code === 429) {
      const after = error.parameters.retry_after;
      const refusal = new SmsError(NAME, 'rejected', said, providerCode, 'rate_limited');
      return withRetryAfter(refusal, after === undefined ? undefined : String(after));
    }
    if (code >= 500) return new SmsError(NAME, 'transport', `${NAME} answered HTTP ${code}`, providerCode);
    return new SmsError(NAME, 'rejected', said, providerCode, 'account');
  }
  if (error instanceof HttpError) {
    const cause = error.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
    const code = cause?.code ?? cause?.cause?.code;
    return new SmsError(NAME, 'transport', `${NAME}: the network failed`, typeof code === 'string' ? code : null);
  }
  return new SmsError(NAME, 'transport', `${NAME}: ${String(error)}`);
}
