import { Bot } from 'grammy';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { TelegramBotConfig } from '../../config/telegram.ts';
import type { Database } from '../../db/types.ts';
import type { TemplateRenderer } from '../../templates/types.ts';
import { boundRetries, botClientOptions, type BotClientOptions } from './api.ts';
import { composeBot } from './compose.ts';
import type { BotCommandSpec, BotContext } from './feature.ts';
import { botFeatures, type FeatureDeps } from './features/index.ts';
import { trackReach } from './features/core.ts';
import { createBotMessenger, type BotMessenger } from './messenger.ts';
import { createBotReach, type BotReach } from './reach.ts';
import { createBotSessionStorage } from './storage.ts';
import { botIdOf, createUpdateHandler, type UpdateHandler } from './updates.ts';

/** After a failed start (Telegram unreachable), when to try getMe and setMyCommands again. */
const START_RETRY_MS = 60_000;

export interface TelegramBotDeps {
  readonly config: TelegramBotConfig;
  readonly db: Kysely<Database>;
  readonly renderer: TemplateRenderer;
  readonly log: Logger;
  readonly now: () => number;
  readonly client?: BotClientOptions;
  /** What a contact shared with the bot becomes (the /phone feature). */
  readonly contacts?: FeatureDeps['contacts'];
}

export interface TelegramBot {
  readonly config: TelegramBotConfig;
  readonly bot: Bot<BotContext>;
  /** Handles one update once (see updates.ts): the webhook route and the long-polling loop call it. */
  readonly updates: UpdateHandler;
  /** Writes to a Telegram user from the service (see messenger.ts). */
  readonly messenger: BotMessenger;
  readonly reach: BotReach;
  /** Every feature's commands (what `setMyCommands` lists). */
  readonly commands: readonly BotCommandSpec[];
  /**
   * Learns who the bot is (getMe) and lists its commands in Telegram's menu, in the background: a Telegram
   * that cannot be reached is logged and tried again every minute, never a failed start. Resolves when the
   * first try ended, whatever its outcome.
   */
  start(): Promise<void>;
  stop(): void;
}

/** The bot the service runs: grammY's Bot over our Bot API root, sessions in the database, our features. */
export function createTelegramBot({ config, db, renderer, log, now, client, contacts }: TelegramBotDeps): TelegramBot {
  const bot = new Bot<BotContext>(config.token, { client: botClientOptions(config, client) });
  boundRetries(bot.api, client);
  const reach = createBotReach(db, now);
  const features = botFeatures({ reach, contacts });
  const commands = features.flatMap((feature) => feature.commands ?? []);
  bot.use(trackReach(reach));
  bot.use(composeBot({ renderer, features, storage: createBotSessionStorage(db, now), storedLocale: reach.locale }));

  // grammY's own `bot.init()` retries getMe without end while Telegram cannot be reached: a webhook request
  // would never be answered. One bounded getMe, shared by concurrent callers, until one succeeds.
  let initializing: Promise<void> | null = null;
  const init = async () => {
    if (bot.isInited()) return;
    initializing ??= bot.api
      .getMe()
      .then((me) => {
        bot.botInfo = me;
      })
      .finally(() => (initializing = null));
    await initializing;
  };

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (): Promise<void> => {
    try {
      await init();
      for (const lang of [undefined, 'fa', 'en'] as const) {
        const list = commands.map((spec) => ({ command: spec.command, description: spec.description[lang ?? 'fa'] }));
        await bot.api.setMyCommands(list, lang ? { language_code: lang } : {});
      }
    } catch (error) {
      log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'the Telegram bot could not start; will try again',
      );
      if (!stopped) {
        timer = setTimeout(() => void attempt(), START_RETRY_MS);
        timer.unref();
      }
    }
  };

  return {
    config,
    bot,
    updates: createUpdateHandler({
      db,
      bot: { init, handleUpdate: (update) => bot.handleUpdate(update) },
      botId: botIdOf(config.token),
      now,
    }),
    messenger: createBotMessenger({ api: bot.api, reach, log }),
    reach,
    commands,
    start: attempt,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Telegram bot (decorated in app.ts), null without TELEGRAM_BOT_TOKEN; long polling drives it. */
    readonly telegramBot: TelegramBot | null;
  }
}
