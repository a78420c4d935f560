import type { Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * What the bot says when someone shares their number with it (`/phone`, telegram/bot/features/phone.ts), in
 * Persian and English, as literals (see 0004 for why). `{phone}` is the number in E.164.
 */
const SEEDS: readonly TemplateSeed[] = [
  ['telegram_bot_phone_ask', 'fa', 'برای ثبت شماره‌ی تلفن خود، دکمه‌ی زیر را بزنید.'],
  ['telegram_bot_phone_ask', 'en', 'To add your phone number, press the button below.'],
  ['telegram_bot_phone_button', 'fa', 'ارسال شماره‌ی من'],
  ['telegram_bot_phone_button', 'en', 'Share my phone number'],
  ['telegram_bot_phone_saved', 'fa', 'شماره‌ی {phone} شماره‌ی تأییدشده‌ی حساب شماست.'],
  ['telegram_bot_phone_saved', 'en', '{phone} is now the verified number of your account.'],
  ['telegram_bot_phone_joined', 'fa', 'تلگرام شما به حسابی که شماره‌ی {phone} دارد وصل شد.'],
  ['telegram_bot_phone_joined', 'en', 'Your Telegram is now linked to the account with {phone}.'],
  [
    'telegram_bot_phone_kept',
    'fa',
    'حساب شما شماره‌ی دیگری دارد و همان می‌ماند. برای عوض کردن آن از بخش تغییر شماره استفاده کنید.',
  ],
  [
    'telegram_bot_phone_kept',
    'en',
    'Your account has another number, which stays. To change it, use the phone number change in the app.',
  ],
  ['telegram_bot_phone_taken', 'fa', 'شماره‌ی {phone} مال حساب دیگری است و به حساب شما اضافه نشد.'],
  ['telegram_bot_phone_taken', 'en', '{phone} belongs to another account and was not added to yours.'],
  [
    'telegram_bot_phone_not_own',
    'fa',
    'این شماره‌ی کس دیگری است. لطفاً شماره‌ی خودتان را با دکمه‌ی «ارسال شماره‌ی من» بفرستید.',
  ],
  [
    'telegram_bot_phone_not_own',
    'en',
    'That is someone else\'s contact. Please send your own number with the "Share my phone number" button.',
  ],
  ['telegram_bot_phone_invalid', 'fa', 'این شماره اینجا پذیرفته نمی‌شود.'],
  ['telegram_bot_phone_invalid', 'en', 'This phone number cannot be used here.'],
  ['telegram_bot_phone_blocked', 'fa', 'این حساب مسدود است.'],
  ['telegram_bot_phone_blocked', 'en', 'This account is blocked.'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await seedTemplates(db, SEEDS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
}
