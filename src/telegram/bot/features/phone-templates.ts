import type { TemplateSeed } from '../../../db/migrations/seed-templates.ts';

/** The keys of the `/phone` feature's messages (features/phone.ts). */
export const PHONE_TEMPLATES = {
  ask: 'telegram_bot_phone_ask',
  button: 'telegram_bot_phone_button',
  saved: 'telegram_bot_phone_saved',
  joined: 'telegram_bot_phone_joined',
  kept: 'telegram_bot_phone_kept',
  taken: 'telegram_bot_phone_taken',
  notOwn: 'telegram_bot_phone_not_own',
  invalid: 'telegram_bot_phone_invalid',
  blocked: 'telegram_bot_phone_blocked',
} as const;

/**
 * TO BE SEEDED BY A MIGRATION: the `/phone` feature's messages in Persian and English, as literals (see 0004
 * for why a migration freezes them). No migration seeds them yet; until one does, the tests seed this list.
 * `{phone}` is the number in E.164.
 */
export const PHONE_TEMPLATE_SEEDS: readonly TemplateSeed[] = [
  [PHONE_TEMPLATES.ask, 'fa', 'برای ثبت شماره‌ی تلفن خود، دکمه‌ی زیر را بزنید.'],
  [PHONE_TEMPLATES.ask, 'en', 'To add your phone number, press the button below.'],
  [PHONE_TEMPLATES.button, 'fa', 'ارسال شماره‌ی من'],
  [PHONE_TEMPLATES.button, 'en', 'Share my phone number'],
  [PHONE_TEMPLATES.saved, 'fa', 'شماره‌ی {phone} شماره‌ی تأییدشده‌ی حساب شماست.'],
  [PHONE_TEMPLATES.saved, 'en', '{phone} is now the verified number of your account.'],
  [PHONE_TEMPLATES.joined, 'fa', 'تلگرام شما به حسابی که شماره‌ی {phone} دارد وصل شد.'],
  [PHONE_TEMPLATES.joined, 'en', 'Your Telegram is now linked to the account with {phone}.'],
  [
    PHONE_TEMPLATES.kept,
    'fa',
    'حساب شما شماره‌ی دیگری دارد و همان می‌ماند. برای عوض کردن آن از بخش تغییر شماره استفاده کنید.',
  ],
  [
    PHONE_TEMPLATES.kept,
    'en',
    'Your account has another number, which stays. To change it, use the phone number change in the app.',
  ],
  [PHONE_TEMPLATES.taken, 'fa', 'شماره‌ی {phone} مال حساب دیگری است و به حساب شما اضافه نشد.'],
  [PHONE_TEMPLATES.taken, 'en', '{phone} belongs to another account and was not added to yours.'],
  [
    PHONE_TEMPLATES.notOwn,
    'fa',
    'این شماره‌ی کس دیگری است. لطفاً شماره‌ی خودتان را با دکمه‌ی «ارسال شماره‌ی من» بفرستید.',
  ],
  [
    PHONE_TEMPLATES.notOwn,
    'en',
    'That is someone else\'s contact. Please send your own number with the "Share my phone number" button.',
  ],
  [PHONE_TEMPLATES.invalid, 'fa', 'این شماره اینجا پذیرفته نمی‌شود.'],
  [PHONE_TEMPLATES.invalid, 'en', 'This phone number cannot be used here.'],
  [PHONE_TEMPLATES.blocked, 'fa', 'این حساب مسدود است.'],
  [PHONE_TEMPLATES.blocked, 'en', 'This account is blocked.'],
];
