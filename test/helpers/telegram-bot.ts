import { Bot, MemorySessionStorage } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { composeBot } from '../../src/telegram/bot/compose.ts';
import type { BotContext, BotFeature, BotSession } from '../../src/telegram/bot/feature.ts';
import { linkSignInFeature } from '../../src/telegram/bot/features/link-sign-in.ts';
import type { TestApp } from './app.ts';
import { startFakeBotApi, type FakeBotApi, type SentMessage, type UpdateBody } from './fake-telegram-bot-api.ts';

export interface TestBot {
  readonly fake: FakeBotApi;
  /** Hands one update to the bot, as its webhook or poller would, and resolves when it is handled. */
  handle(update: UpdateBody): Promise<void>;
  /** The last message the bot sent or edited in this chat. */
  lastIn(chatId: number): SentMessage | undefined;
  close(): Promise<void>;
}

let updateIds = 1;

/**
 * The bot as the service composes it, with the features under test, talking to a local fake Bot API: the
 * app's own template renderer and services, grammY's real middleware, real HTTP calls to the fake.
 */
export async function startTestBot(
  t: TestApp,
  features: readonly BotFeature[] = [linkSignInFeature(t.app.telegramLinkSignIn)],
): Promise<TestBot> {
  const fake = await startFakeBotApi();
  const bot = new Bot<BotContext>(fake.token, {
    client: { apiRoot: fake.apiRoot },
    botInfo: {
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      ...fake.botInfo,
    } as UserFromGetMe,
  });
  bot.use(composeBot({ renderer: t.app.templateRenderer, features, storage: new MemorySessionStorage<BotSession>() }));
  return {
    fake,
    handle: (update) => bot.handleUpdate({ update_id: updateIds++, ...update } as Update),
    lastIn: (chatId) => fake.sent.filter((m) => m.chatId === String(chatId)).at(-1),
    close: () => fake.close(),
  };
}
