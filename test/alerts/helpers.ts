import type { TestApp } from '../helpers/app.ts';
import { TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { webhookBotEnv } from '../helpers/telegram-bot.ts';

export const ALERTS = '/api/v1/alerts';
export const ADMIN_ALERTS = '/api/v1/admin/alerts';
export const productAlerts = (productId: string) => `/api/v1/admin/products/${encodeURIComponent(productId)}/alerts`;

/** A fake Bot API under the token the Telegram login helpers sign with. */
export const startAlertBotApi = () => startFakeBotApi({ token: TEST_BOT_TOKEN });

/** A service whose bot (on the fake Bot API) can reach linked users, and whose Telegram widget signs users in. */
export const alertEnv = (fake: FakeBotApi): Record<string, string> => ({
  ...webhookBotEnv(fake),
  TELEGRAM_BOT_USERNAME: 'shop_alerts_bot',
});

let nextTelegramId = 77_000_000;

/**
 * Links a Telegram account to the user, as signing in with Telegram leaves it, with the reach the bot has
 * recorded: `chat` (the user wrote to the bot; default yes), `blocked` and `stopped` (default no).
 */
export async function linkTelegram(
  t: TestApp,
  userId: string,
  reach: { chat?: boolean; blocked?: boolean; stopped?: boolean; telegramId?: number } = {},
): Promise<string> {
  const telegramId = String(reach.telegramId ?? nextTelegramId++);
  const at = Date.now();
  await t.database.db
    .insertInto('telegram_users')
    .values({
      telegram_id: telegramId,
      user_id: userId,
      username: null,
      first_name: 'Sara',
      last_name: null,
      photo_url: null,
      language_code: null,
      chat_id: reach.chat === false ? null : telegramId,
      first_sign_in_at: null,
      last_sign_in_at: null,
      bot_blocked_at: reach.blocked ? at : null,
      bot_stopped_at: reach.stopped ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return telegramId;
}

/** Sets what the bot knows of a linked user's reach. */
export async function setReach(
  t: TestApp,
  telegramId: string,
  reach: { chat_id?: string | null; bot_blocked_at?: number | null; bot_stopped_at?: number | null },
): Promise<void> {
  await t.database.db.updateTable('telegram_users').set(reach).where('telegram_id', '=', telegramId).execute();
}

/** The product's name and stock as the shop reported them (what part B's stock reports write). */
export async function reportStock(t: TestApp, productId: string, variantId: string, name: string): Promise<void> {
  await t.database.db
    .insertInto('product_stock')
    .values({ product_id: productId, variant_id: variantId, quantity: 0, name, url: null, updated_at: Date.now() })
    .execute();
}

export const alertRowsOf = (t: TestApp, userId: string) =>
  t.database.db
    .selectFrom('stock_alerts')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** DELETE with the given headers; status and parsed body. */
export async function del(t: TestApp, url: string, headers: Record<string, string> = {}) {
  const res = await t.inject({ method: 'DELETE', url, headers });
  return { status: res.statusCode, body: res.json() };
}
