import { GrammyError, InlineKeyboard } from 'grammy';
import type { Decided, LinkSignIn, Opened } from '../../link-sign-in/service.ts';
import type { BotContext, BotFeature } from '../feature.ts';

/**
 * A button's callback data: `lsi:ok:<row id>` or `lsi:no:<row id>`, 43 bytes (Telegram allows 64). The row id
 * is not a secret and gives nothing by itself: only the Telegram user who opened the link can decide it.
 */
const CALLBACK = /^lsi:(ok|no):([0-9a-f-]{36})$/;

/**
 * Signing in to the shop, and linking Telegram to an account, from a `t.me/<bot>?start=` link: the sign-in
 * asks Confirm / Cancel and shows which device and address asked; a link for linking links at once. `/login`
 * and `/link` say how to start each on the website.
 */
export function linkSignInFeature(service: Pick<LinkSignIn, 'open' | 'decide' | 'shopName'>): BotFeature {
  const shop = service.shopName;

  async function show(ctx: BotContext, opened: Opened): Promise<void> {
    switch (opened.kind) {
      case 'login': {
        const device = opened.device ?? (await ctx.say('telegram_bot_device_unknown'));
        const keyboard = new InlineKeyboard()
          .text(await ctx.say('telegram_bot_login_confirm_button'), `lsi:ok:${opened.id}`)
          .text(await ctx.say('telegram_bot_login_cancel_button'), `lsi:no:${opened.id}`);
        const text = await ctx.say('telegram_bot_login_confirm', { shop, device, ip: opened.ip ?? '?' });
        await ctx.reply(text, { reply_markup: keyboard });
        return;
      }
      case 'linked':
        await ctx.reply(await ctx.say('telegram_bot_linked', { shop }));
        return;
      case 'link-refused':
        await ctx.reply(
          await ctx.say(
            opened.code === 'USER_BLOCKED' ? 'telegram_bot_account_blocked' : 'telegram_bot_link_conflict',
            { shop },
          ),
        );
        return;
      default:
        await ctx.reply(await ctx.say(`telegram_bot_link_${opened.kind}`));
    }
  }

  async function decisionText(ctx: BotContext, decided: Decided): Promise<string> {
    switch (decided.kind) {
      case 'confirmed':
        return ctx.say('telegram_bot_login_confirmed', {
          shop,
          device: decided.device ?? (await ctx.say('telegram_bot_device_unknown')),
        });
      case 'cancelled':
        return ctx.say('telegram_bot_login_cancelled');
      default:
        return ctx.say(`telegram_bot_link_${decided.kind}`);
    }
  }

  return {
    commands: [
      { command: 'login', description: { fa: 'ورود به سایت با تلگرام', en: 'Sign in to the website with Telegram' } },
      { command: 'link', description: { fa: 'وصل کردن تلگرام به حساب', en: 'Link Telegram to your account' } },
    ],

    async start(ctx, payload) {
      if (!ctx.from) return false;
      const opened = await service.open(payload, ctx.from);
      if (!opened) return false;
      await show(ctx, opened);
      return true;
    },

    install(bot) {
      bot.command('login', async (ctx) => void (await ctx.reply(await ctx.say('telegram_bot_login_help', { shop }))));
      bot.command('link', async (ctx) => void (await ctx.reply(await ctx.say('telegram_bot_link_help', { shop }))));
      bot.callbackQuery(/^lsi:/, async (ctx) => {
        // Answered whatever happens, or the person's client shows a spinner until Telegram gives up.
        let answered = false;
        try {
          const match = CALLBACK.exec(ctx.callbackQuery.data);
          const decided: Decided = match
            ? await service.decide(match[2]!, ctx.from, match[1] === 'ok' ? 'confirm' : 'cancel')
            : { kind: 'unknown' };
          const text = await decisionText(ctx, decided);
          answered = true;
          await ctx.answerCallbackQuery({ text: text.slice(0, 200) });
          // The decision is made; the edit only tidies the message, and a button on an inline message (no
          // `message` in the update) or one Telegram will not edit must not fail the update.
          if (ctx.callbackQuery.message) await ctx.editMessageText(text).catch(ignoreRefusedEdit);
        } finally {
          if (!answered) await ctx.answerCallbackQuery().catch(() => {});
        }
      });
    },
  };
}

/** Telegram refusing the edit (tapping twice edits to the same text; an old message cannot be edited). */
function ignoreRefusedEdit(error: unknown): void {
  if (error instanceof GrammyError && error.error_code === 400) return;
  throw error;
}
