import { Type } from '@sinclair/typebox';
import { SCOPE_NAMES, STAFF_ROLES } from '../api-keys/scopes.ts';
import type { StaffAccess } from './service.ts';

export const StaffRoleField = Type.Union(
  STAFF_ROLES.map((role) => Type.Literal(role)),
  { description: 'admin: every scope; support: every *:read scope' },
);

export const StaffMe = Type.Object({
  success: Type.Literal(true),
  staff: Type.Object({
    user_id: Type.String(),
    phone_number: Type.Union([Type.String(), Type.Null()], {
      description: 'E.164; null for a user who signed in with Telegram only',
    }),
    role: StaffRoleField,
    scopes: Type.Array(Type.Union(SCOPE_NAMES.map((scope) => Type.Literal(scope))), {
      description: "what the role may do, named as the admin API's scopes are",
    }),
  }),
});

export function staffView(member: StaffAccess) {
  return { user_id: member.userId, phone_number: member.phoneNumber, role: member.role, scopes: [...member.scopes] };
}
