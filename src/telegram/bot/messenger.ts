import { GrammyError, type Api } from 'grammy';
import type { Logger } from 'pino';
import type { BotReach } from './reach.ts';

/** Who to write to: a Telegram user (linked accounts are found by it), or a chat id as Telegram gave it. */
export type MessageTarget = { readonly telegramId: string } | { readonly chatId: string };

/** sendMessage's options beyond the chat and the text (reply_markup, parse_mode, ...). */
export type SendExtra = Parameters<Api['sendMessage']>[2];

/**
 * - `sent`: Telegram took the message.
 * - `blocked`: nothing was sent, and nothing will be until the user comes back: they blocked the bot (now,
 *   on Telegram's 403, or before) or sent /stop. Reach them another way.
 * - `failed`: Telegram refused it otherwise, or could not be reached (after auto-retry's bounded tries).
 */
export type SendOutcome = 'sent' | 'blocked' | 'failed';

export interface BotMessenger {
  /**
   * Writes `text` to a Telegram user from the service (a code, a notice): not for answers inside an update,
   * which use `ctx.reply`. Refuses without calling Telegram while the linked user's `bot_blocked_at` or
   * `bot_stopped_at` is set; on a 403 sets `bot_blocked_at`. Never throws for Telegram's answers.
   */
  send(to: MessageTarget, text: string, extra?: SendExtra): Promise<SendOutcome>;
}

export function createBotMessenger({ api, reach, log }: { api: Api; reach: BotReach; log: Logger }): BotMessenger {
  return {
    async send(to, text, extra) {
      const linked = await reach.find(to);
      if (linked && (linked.bot_blocked_at !== null || linked.bot_stopped_at !== null)) return 'blocked';
      const chatId = 'chatId' in to ? to.chatId : (linked?.chat_id ?? to.telegramId);
      try {
        await api.sendMessage(chatId, text, extra);
        return 'sent';
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 403) {
          if (linked) await reach.blocked(linked.telegram_id);
          return 'blocked';
        }
        // Telegram's description names the reason and never the message; the chat id is not logged.
        log.warn({ err: describe(error) }, 'a Telegram message could not be sent');
        return 'failed';
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `Telegram ${error.error_code}: ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
