import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import type { DatabaseBackend } from '../../helpers/backends.ts';
import { startTestApp, type TestApp } from '../../helpers/app.ts';
import {
  startFakeBotApi,
  type BotUser,
  type FakeBotApi,
  type UpdateBody,
} from '../../helpers/fake-telegram-bot-api.ts';

export const WEBHOOK = '/api/v1/telegram/webhook';
export const SECRET = 'webhook-secret_0123456789abcdef-0123';

/** The real service with its bot pointed at the fake Bot API, taking updates by webhook. */
export function startBotApp(backend: DatabaseBackend, fake: FakeBotApi, shareWith?: TestApp): Promise<TestApp> {
  return startTestApp(backend, {
    ...(shareWith ? { shareWith } : {}),
    env: {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_UPDATES: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    },
  });
}

let nextUpdateId = 500_000;
export const newUpdateId = () => nextUpdateId++;

/** POSTs an update to the webhook as Telegram does (with the secret unless told otherwise). */
export function deliver(t: TestApp, update: UpdateBody, options: { updateId?: number; secret?: string | null } = {}) {
  const secret = options.secret === undefined ? SECRET : options.secret;
  return t.post(
    WEBHOOK,
    { update_id: options.updateId ?? newUpdateId(), ...update },
    secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
  );
}

/** An account linked to this Telegram user, as signing in with Telegram leaves it. */
export async function linkAccount(t: TestApp, who: BotUser, locale: string | null = null): Promise<string> {
  const userId = randomUUID();
  const at = Date.now();
  await t.database.db
    .insertInto('users')
    .values({ id: userId, phone_number: null, phone_verified: 0, locale, created_at: at, updated_at: at } as any)
    .execute();
  await t.database.db
    .insertInto('telegram_users')
    .values({ telegram_id: String(who.id), user_id: userId, created_at: at, updated_at: at } as any)
    .execute();
  return userId;
}

export async function reachOf(t: TestApp, who: BotUser) {
  return t.database.db
    .selectFrom('telegram_users')
    .select(['chat_id', 'bot_blocked_at', 'bot_stopped_at'])
    .where('telegram_id', '=', String(who.id))
    .executeTakeFirstOrThrow();
}

export const sentTo = (fake: FakeBotApi, who: BotUser) => fake.sent.filter((m) => m.chatId === String(who.id));

/** For one suite: a fake Bot API and the service's bot on it, started before its tests and closed after. */
export function botSuite(backend: DatabaseBackend): { fake: FakeBotApi; t: TestApp } {
  const suite = {} as { fake: FakeBotApi; t: TestApp };
  before(async () => {
    suite.fake = await startFakeBotApi();
    suite.t = await startBotApp(backend, suite.fake);
  });
  after(async () => {
    await suite.t?.close();
    await suite.fake?.close();
  });
  return suite;
}
