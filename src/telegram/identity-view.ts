import { Type } from '@sinclair/typebox';
import type { TelegramUsersTable } from '../db/types.ts';
import type { TelegramProfile } from './verify/types.ts';

/** A user's Telegram identity as answers show it: in sign-in, linking and `/me`. */
export const TelegramIdentity = Type.Object({
  id: Type.String({ description: "Telegram's user id, as a decimal string" }),
  username: Type.Union([Type.String(), Type.Null()]),
  first_name: Type.Union([Type.String(), Type.Null()]),
  last_name: Type.Union([Type.String(), Type.Null()]),
  photo_url: Type.Union([Type.String(), Type.Null()]),
});

/** A stored identity, as the profile it was stored from. */
export const telegramIdentityView = (row: TelegramUsersTable) =>
  profileView({
    telegramId: row.telegram_id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    photoUrl: row.photo_url,
    languageCode: row.language_code,
  });

export const profileView = (profile: TelegramProfile) => ({
  id: profile.telegramId,
  username: profile.username,
  first_name: profile.firstName,
  last_name: profile.lastName,
  photo_url: profile.photoUrl,
});
