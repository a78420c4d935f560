import type { Composer, Context, SessionFlavor } from 'grammy';

/** What a chat is in the middle of, kept between updates (in `telegram_bot_sessions`). */
export interface BotSession {
  /** The chat was asked to share its contact (by /phone or a sign-in that needs a number). */
  awaitingContact?: boolean;
}

export interface BotFlavor {
  /** The locales to write to this chat in, best first: the account's, then the Telegram client's language. */
  readonly locales: readonly string[];
  /** A bot message from the template store (`telegram_bot_*` keys), in this chat's locale. */
  say(key: string, params?: Readonly<Record<string, string>>): Promise<string>;
}

export type BotContext = Context & SessionFlavor<BotSession> & BotFlavor;

/** A command the bot lists in Telegram's menu (`setMyCommands`), per locale. */
export interface BotCommandSpec {
  readonly command: string;
  readonly description: { readonly fa: string; readonly en: string };
}

/**
 * One thing the bot does. The bot is these and nothing else, so each is tested through the same composition
 * the service runs (`compose.ts`).
 *
 * `start` is offered a `/start <payload>` (from a `t.me/<bot>?start=` link) before the plain welcome: a feature
 * answers true when the payload is one of its own and it handled it.
 */
export interface BotFeature {
  readonly commands?: readonly BotCommandSpec[];
  start?(ctx: BotContext, payload: string): Promise<boolean>;
  install?(bot: Composer<BotContext>): void;
}
