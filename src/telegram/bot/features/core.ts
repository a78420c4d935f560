import type { Middleware } from 'grammy';
import { TELEGRAM_BOT_TEMPLATES } from '../../../sms/messages.ts';
import type { BotCommandSpec, BotContext, BotFeature } from '../feature.ts';
import type { BotReach } from '../reach.ts';

const CORE_COMMANDS: readonly BotCommandSpec[] = [
  { command: 'start', description: { fa: 'شروع', en: 'Start' } },
  { command: 'help', description: { fa: 'راهنما و فهرست فرمان‌ها', en: 'Help and the list of commands' } },
  { command: 'stop', description: { fa: 'دیگر پیامی نفرست', en: 'Stop messages from the bot' } },
];

/**
 * /start without a payload (the welcome; a payload a feature took never gets here), /help (every feature's
 * commands, in the chat's language), /stop (no more messages unasked: `bot_stopped_at`, undone by /start).
 * `commands` is every feature's, this one's included.
 */
export function coreFeature(reach: BotReach, commands: () => readonly BotCommandSpec[]): BotFeature {
  return {
    commands: CORE_COMMANDS,
    install(bot) {
      bot.command('start', async (ctx) => {
        await ctx.reply(await ctx.say(TELEGRAM_BOT_TEMPLATES.welcome));
      });
      bot.command('help', async (ctx) => {
        const lang = ctx.locales.find((locale) => locale === 'fa' || locale === 'en') ?? 'fa';
        const list = commands()
          .map((spec) => `/${spec.command} - ${spec.description[lang]}`)
          .join('\n');
        await ctx.reply(await ctx.say(TELEGRAM_BOT_TEMPLATES.help, { commands: list }));
      });
      bot.command('stop', async (ctx) => {
        await reach.stopped(String(ctx.from!.id));
        await ctx.reply(await ctx.say(TELEGRAM_BOT_TEMPLATES.stopped));
      });
    },
  };
}

/**
 * Runs before every feature (and before a `/start <payload>` is offered to them), in private chats: a message
 * from a linked user records its chat and clears `bot_blocked_at` (they can hear from the bot again), a /start
 * also clears `bot_stopped_at`; `my_chat_member` records that the user blocked (`kicked`) or unblocked
 * (`member`) the bot. Then the update goes on.
 */
export function trackReach(reach: BotReach): Middleware<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat?.type === 'private' && ctx.from) {
      const telegramId = String(ctx.from.id);
      const change = ctx.myChatMember?.new_chat_member.status;
      if (change === 'kicked') await reach.blocked(telegramId);
      else if (change === 'member') await reach.unblocked(telegramId);
      else if (ctx.message) {
        const started = ctx.message.text !== undefined && /^\/start(@\w+)?(\s|$)/.test(ctx.message.text);
        await reach.wrote(telegramId, String(ctx.chat.id), started);
      }
    }
    await next();
  };
}
