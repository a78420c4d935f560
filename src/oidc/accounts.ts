import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** The claims each scope releases (OpenID Connect Core 5.4), limited to what otpgate knows about a user. */
export const SCOPE_CLAIMS = {
  // With the ID token's own: how and when the user signed in (amr, acr, auth_time).
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  phone: ['phone_number', 'phone_number_verified'],
  // From the user's Telegram account, when they have one; a user who signed in by SMS only has none of these.
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'picture', 'locale'],
} as const;

/** What oidc-provider asks `findAccount` for: the id, and the claims it may release. */
export interface OidcAccount {
  readonly accountId: string;
  claims(): Promise<Record<string, unknown>>;
}

/** The joined name, as Telegram shows it: first then last, either may be missing. */
const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || undefined;

/** What the provider hands `findAccount` with a token: a grant with `offline_access` outlives sign-outs. */
interface TokenLike {
  readonly scope?: string;
}

/**
 * oidc-provider's `findAccount` over the users table: `sub` is the user's id. A blocked or erased user is
 * not found, so the provider issues nothing for them: no code is redeemed, no refresh token refreshes and
 * the userinfo endpoint refuses their access tokens (invalid_grant / invalid_token).
 *
 * Nor is a user who is signed in nowhere: every session of theirs ended (signed out everywhere, by
 * themselves or an admin) or expired. The provider's own session and the grants made from it end with the
 * user's sessions, as the README promises; only a grant with `offline_access` (asked for with consent)
 * outlives them.
 */
export function createOidcAccounts(
  db: Kysely<Database>,
  /** Whether the user has a session that can still be used (not ended, not expired, not too old). */
  signedInSomewhere: (userId: string) => Promise<boolean>,
) {
  return {
    async find(_ctx: unknown, sub: string, token?: TokenLike): Promise<OidcAccount | undefined> {
      const offline = token?.scope?.split(' ').includes('offline_access') === true;
      if (!offline && !(await signedInSomewhere(sub))) return undefined;
      const user = await db
        .selectFrom('users')
        .leftJoin('telegram_users', 'telegram_users.user_id', 'users.id')
        .select([
          'users.id',
          'users.phone_number',
          'users.phone_verified',
          'users.locale',
          'users.blocked_at',
          'telegram_users.first_name',
          'telegram_users.last_name',
          'telegram_users.username',
          'telegram_users.photo_url',
        ])
        .where('users.id', '=', sub)
        .executeTakeFirst();
      if (!user || user.blocked_at !== null) return undefined;
      return {
        accountId: user.id,
        // The provider keeps only the claims the granted scopes name (SCOPE_CLAIMS); absent ones are left out.
        claims: async () => ({
          sub: user.id,
          ...(user.phone_number === null
            ? {}
            : { phone_number: user.phone_number, phone_number_verified: user.phone_verified === 1 }),
          name: fullName(user.first_name, user.last_name),
          given_name: user.first_name ?? undefined,
          family_name: user.last_name ?? undefined,
          preferred_username: user.username ?? undefined,
          picture: user.photo_url ?? undefined,
          locale: user.locale ?? undefined,
        }),
      };
    },
  };
}

export type OidcAccounts = ReturnType<typeof createOidcAccounts>;
