import { GrammyError, InlineKeyboard } from 'grammy';
import type { AlertWithName } from '../../../alerts/repository.ts';
import type { Alerts } from '../../../alerts/service.ts';
import type { BotContext, BotFeature } from '../feature.ts';

/**
 * A button's callback data: `alert:cancel:<alert id>` (a button of the /alerts list: that alert) or
 * `alert:stop:<alert id>` (the button under an alert message: every active alert of that product and
 * variant). 49 bytes at most (Telegram allows 64). The id is not a secret: only the Telegram user whose
 * linked account holds the alert can cancel it.
 */
const CALLBACK = /^alert:(cancel|stop):([0-9A-Za-z-]{1,40})$/;

const productOf = (alert: AlertWithName) => alert.product_name ?? alert.product_id;

/**
 * `/alerts`: the linked account's active back-in-stock alerts, with a button to cancel each; and the buttons
 * of the alert messages themselves. A Telegram user with no linked account is told how to link one.
 */
export function alertsFeature(
  alerts: Pick<Alerts, 'activeForTelegram' | 'cancelFromTelegram'>,
  shopName: string,
): BotFeature {
  const shop = shopName;

  /** The list's text and its buttons, or the "none" text alone. */
  async function listMessage(ctx: BotContext, active: readonly AlertWithName[]) {
    if (active.length === 0) return { text: await ctx.say('telegram_bot_alerts_none', { shop }), keyboard: null };
    const keyboard = new InlineKeyboard();
    for (const alert of active) {
      keyboard
        .text(
          await ctx.say('telegram_bot_alerts_cancel_button', { product: productOf(alert) }),
          `alert:cancel:${alert.id}`,
        )
        .row();
    }
    return { text: await ctx.say('telegram_bot_alerts_list', { shop }), keyboard };
  }

  return {
    commands: [
      {
        command: 'alerts',
        description: { fa: 'اطلاع‌رسانی‌های موجودی من', en: 'My back-in-stock alerts' },
      },
    ],

    install(bot) {
      bot.command('alerts', async (ctx) => {
        const active = await alerts.activeForTelegram(String(ctx.from!.id));
        if (active === null) {
          await ctx.reply(await ctx.say('telegram_bot_link_help', { shop }));
          return;
        }
        const { text, keyboard } = await listMessage(ctx, active);
        await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
      });

      bot.callbackQuery(/^alert:/, async (ctx) => {
        // Answered whatever happens, or the person's client shows a spinner until Telegram gives up.
        let answered = false;
        try {
          const match = CALLBACK.exec(ctx.callbackQuery.data);
          const telegramId = String(ctx.from.id);
          const scope = match?.[1] === 'cancel' ? 'one' : 'product';
          const done = match ? await alerts.cancelFromTelegram(telegramId, match[2]!, scope) : null;
          if (!done) {
            // Someone else's alert, an unknown id, or no linked account: nothing changed, nothing to say.
            answered = true;
            await ctx.answerCallbackQuery();
            return;
          }
          const text = await ctx.say('telegram_bot_alert_cancelled', { product: productOf(done.alert) });
          answered = true;
          await ctx.answerCallbackQuery({ text: text.slice(0, 200) });
          // The cancel is done; tidying the message is not, and a message Telegram will not edit (an old one,
          // or the same markup twice) must not fail the update.
          if (!ctx.callbackQuery.message) return;
          if (scope === 'product') {
            await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreRefusedEdit);
            return;
          }
          const left = await listMessage(ctx, (await alerts.activeForTelegram(telegramId)) ?? []);
          if (left.keyboard) await ctx.editMessageReplyMarkup({ reply_markup: left.keyboard }).catch(ignoreRefusedEdit);
          else await ctx.editMessageText(left.text).catch(ignoreRefusedEdit);
        } finally {
          if (!answered) await ctx.answerCallbackQuery().catch(() => {});
        }
      });
    },
  };
}

/** Telegram refusing the edit (tapping twice edits to the same markup; an old message cannot be edited). */
function ignoreRefusedEdit(error: unknown): void {
  if (error instanceof GrammyError && error.error_code === 400) return;
  throw error;
}
