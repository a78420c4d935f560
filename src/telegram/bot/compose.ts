import { Composer, session, type StorageAdapter } from 'grammy';
import type { TemplateRenderer } from '../../templates/types.ts';
import { localeOfTag } from '../../templates/locale.ts';
import type { BotContext, BotFeature, BotSession } from './feature.ts';

export interface BotComposition {
  readonly renderer: TemplateRenderer;
  readonly features: readonly BotFeature[];
  /** Where conversation state lives; the service passes the database's (`telegram_bot_sessions`). */
  readonly storage: StorageAdapter<BotSession>;
  /** The locale stored for this Telegram user's account, if it has one. */
  readonly storedLocale?: (telegramId: string) => Promise<string | null>;
}

/**
 * The bot's middleware: session, the chat's locales and `say`, `/start` with a payload offered to each feature
 * in turn, then each feature's own handlers. Only private chats are served: a sign-in or a contact in a group
 * would show one person's business to many.
 */
export function composeBot(options: BotComposition): Composer<BotContext> {
  const bot = new Composer<BotContext>();
  const privateChats = bot.filter((ctx) => ctx.chat?.type === 'private' || (!ctx.chat && !!ctx.from));
  privateChats.use(
    session({
      initial: (): BotSession => ({}),
      storage: options.storage,
      getSessionKey: (ctx) => (ctx.from ? String(ctx.from.id) : undefined),
    }),
  );
  privateChats.use(async (ctx, next) => {
    const locales: string[] = [];
    const stored = ctx.from && options.storedLocale ? await options.storedLocale(String(ctx.from.id)) : null;
    if (stored) locales.push(stored);
    if (ctx.from?.language_code) locales.push(localeOfTag(ctx.from.language_code));
    Object.assign(ctx, {
      locales,
      say: async (key: string, params: Readonly<Record<string, string>> = {}) =>
        (await options.renderer.render(key, locales, params)).text,
    });
    await next();
  });
  privateChats.command('start', async (ctx, next) => {
    const payload = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (payload !== '') {
      for (const feature of options.features) if (await feature.start?.(ctx, payload)) return;
    }
    await next();
  });
  for (const feature of options.features) feature.install?.(privateChats);
  // A button no feature knows (an old message, forged data): answered, or the client spins until Telegram
  // gives up.
  bot.on('callback_query', async (ctx) => void (await ctx.answerCallbackQuery()));
  return bot;
}
