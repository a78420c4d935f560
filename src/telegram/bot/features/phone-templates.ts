/** The keys of the `/phone` feature's messages (features/phone.ts); migration 0019 seeds them in fa and en. */
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
