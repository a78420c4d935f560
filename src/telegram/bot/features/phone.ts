import { senderProfile } from '../../profile-text.ts';
import type { ContactOutcome, TelegramContacts } from '../../contact.ts';
import type { BotContext, BotFeature } from '../feature.ts';
import { PHONE_TEMPLATES as T } from './phone-templates.ts';

/** The reply to each outcome of a shared contact. */
const REPLIES: Readonly<Record<ContactOutcome['outcome'], string>> = {
  created: T.saved,
  added: T.saved,
  confirmed: T.saved,
  joined: T.joined,
  kept: T.kept,
  taken: T.taken,
  not_own: T.notOwn,
  invalid_phone: T.invalid,
  blocked: T.blocked,
};

/**
 * `/phone`: the bot asks for the person's number with Telegram's own "share contact" button, and a contact
 * that comes back goes to the contact service (telegram/contact.ts), which takes only the sender's own card.
 * Someone else's card is answered with the button again, so that the person can send their own.
 */
export function phoneFeature(contacts: Pick<TelegramContacts, 'share'>): BotFeature {
  return {
    commands: [{ command: 'phone', description: { fa: 'ثبت شماره‌ی تلفن', en: 'Add your phone number' } }],
    install(bot) {
      bot.command('phone', async (ctx) => {
        ctx.session.awaitingContact = true;
        await ctx.reply(await ctx.say(T.ask), { reply_markup: await shareButton(ctx) });
      });
      bot.on('message:contact', async (ctx) => {
        const { contact } = ctx.message;
        const shared = await contacts.share({
          profile: senderProfile(ctx.from),
          contact: { phone_number: contact.phone_number, user_id: contact.user_id },
          chat: ctx.chat,
        });
        const params: Record<string, string> = 'phoneNumber' in shared ? { phone: shared.phoneNumber } : {};
        const text = await ctx.say(REPLIES[shared.outcome], params);
        if (shared.outcome === 'not_own') {
          await ctx.reply(text, { reply_markup: await shareButton(ctx) });
          return;
        }
        ctx.session.awaitingContact = false;
        await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
      });
    },
  };
}

/** A reply keyboard of one button that shares the person's own contact; it goes away once pressed. */
async function shareButton(ctx: BotContext) {
  const button = { text: await ctx.say(T.button), request_contact: true };
  return { keyboard: [[button]], one_time_keyboard: true, resize_keyboard: true };
}
