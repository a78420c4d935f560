import { Type } from '@sinclair/typebox';
import type { User } from './repository.ts';

export const UserView = Type.Object({
  id: Type.String(),
  phone_number: Type.Union([Type.String(), Type.Null()], {
    description: 'E.164; null for a user who signed in with Telegram and has not added a number',
  }),
  phone_verified: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  last_login_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  locale: Type.Union([Type.String(), Type.Null()], {
    description: 'the language SMS are sent in when a request has no Accept-Language header; null: the default (fa)',
  }),
});

export function userView(user: User) {
  return {
    id: user.id,
    phone_number: user.phone_number,
    phone_verified: user.phone_verified === 1,
    created_at: new Date(user.created_at).toISOString(),
    last_login_at: user.last_login_at === null ? null : new Date(user.last_login_at).toISOString(),
    locale: user.locale,
  };
}
