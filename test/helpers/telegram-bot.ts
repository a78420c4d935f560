import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import type { FakeBotApi, SentMessage, UpdateBody } from './fake-telegram-bot-api.ts';
import { deliver, SECRET } from '../telegram/bot/helpers.ts';

/** The settings that point a test app's bot at the fake Bot API, taking updates by its webhook. */
export const webhookBotEnv = (fake: FakeBotApi): Record<string, string> => ({
  TELEGRAM_BOT_TOKEN: fake.token,
  TELEGRAM_API_ROOT: fake.apiRoot,
  TELEGRAM_UPDATES: 'webhook',
  TELEGRAM_WEBHOOK_SECRET: SECRET,
});

export interface TestBot {
  readonly fake: FakeBotApi;
  /** Delivers one update to the app's webhook, as Telegram does, and resolves once it was handled (200). */
  handle(update: UpdateBody): Promise<void>;
  /** The last message the bot sent or edited in this chat. */
  lastIn(chatId: number): SentMessage | undefined;
}

/** The service's own bot, as it runs: updates through the webhook route, its calls to the fake Bot API. */
export function webhookBot(t: TestApp, fake: FakeBotApi): TestBot {
  return {
    fake,
    async handle(update) {
      const answer = await deliver(t, update);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    },
    lastIn: (chatId) => fake.sent.filter((m) => m.chatId === String(chatId)).at(-1),
  };
}
