import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config/index.ts';
import { sha256Hex } from '../../crypto/keys.ts';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { parseMobile } from '../../phone/parse.ts';
import type { ClientInfo } from '../../sessions/service.ts';
import type { TelegramAccounts, TelegramSignIn } from '../accounts.ts';
import type { TelegramProfile } from '../verify/types.ts';
import type { TelegramOidc, TelegramOidcIdentity } from './client.ts';

/** A sign-in under way: long enough to tap through Telegram's consent, short enough to be worthless later. */
const STATE_TTL_MS = 10 * 60_000;
/** The one-time code the front end exchanges: it only has to cross one redirect. */
const GRANT_TTL_MS = 60_000;
/** Where Telegram sends the browser back; registered in @BotFather as an Allowed URL. */
export const CALLBACK_PATH = '/api/v1/telegram/oidc/callback';

export type Intent = 'signin' | 'link';

export interface Started {
  readonly authorizationUrl: string;
  /** The browser's id, for the cookie that binds the callback to this browser (new or the one it had). */
  readonly browserId: string;
}

export type Exchanged =
  | { readonly intent: 'signin'; readonly signIn: TelegramSignIn }
  | { readonly intent: 'link'; readonly telegram: Awaited<ReturnType<TelegramAccounts['link']>> };

const random = () => randomBytes(32).toString('base64url');
const BROWSER_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * "Log In With Telegram" from start to tokens, with nothing secret in a URL that leaves the service:
 *
 * 1. `start` checks `return_to` against TELEGRAM_LOGIN_RETURN_URLS before anything else, stores the state
 *    (its hash, the browser's, where to return, single use, ten minutes) and answers Telegram's
 *    authorization URL with PKCE S256; the verifier is an HMAC of the state, so it is never stored.
 * 2. `callback` takes the state once, only from the browser that started (its cookie), redeems the code and
 *    verifies the id_token (client.ts), and leaves a one-time code of its own for `return_to`.
 * 3. `exchange` takes that code once, within a minute, and signs in (or links, for the user who started).
 */
export function createTelegramOidcFlow(deps: {
  config: Config;
  db: Kysely<Database>;
  /** Null when TELEGRAM_OIDC_CLIENT_ID is unset: every step is then TELEGRAM_NOT_CONFIGURED. */
  client: TelegramOidc | null;
  accounts: TelegramAccounts;
  pkceKey: Buffer;
  now: () => number;
}) {
  const { config, db, client, accounts, pkceKey, now } = deps;
  const settings = client ? config.telegram.oidc : null;
  const configured = (): TelegramOidc => {
    if (client === null || settings === null) throw new AppError('TELEGRAM_NOT_CONFIGURED');
    return client;
  };
  const redirectUri = `${config.tokens.issuer}${CALLBACK_PATH}`;
  const verifierOf = (state: string) => createHmac('sha256', pkceKey).update(state).digest('base64url');
  const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

  function listed(returnTo: string | undefined): string {
    if (settings === null) throw new AppError('TELEGRAM_NOT_CONFIGURED');
    if (returnTo === undefined || !settings.returnUrls.includes(returnTo)) {
      throw new AppError('VALIDATION_ERROR', 'return_to is not one of TELEGRAM_LOGIN_RETURN_URLS');
    }
    return returnTo;
  }

  return {
    redirectUri,
    /** The return URL, when it is listed; for a caller that must refuse an unlisted one first of all. */
    listed,

    async start(input: {
      returnTo: string;
      intent: Intent;
      linkUserId: string | null;
      browserId: string | undefined;
    }): Promise<Started> {
      const returnTo = listed(input.returnTo);
      // One browser may start several sign-ins (two tabs): it keeps its id, and each state is bound to it.
      const browserId = input.browserId && BROWSER_ID.test(input.browserId) ? input.browserId : random();
      const state = random();
      const authorizationUrl = await configured().authorizationUrl({
        state,
        codeChallenge: challengeOf(verifierOf(state)),
        redirectUri,
      });
      const at = now();
      await db
        .insertInto('telegram_oidc_states')
        .values({
          state_hash: sha256Hex(state),
          browser_hash: sha256Hex(browserId),
          return_to: returnTo,
          intent: input.intent,
          link_user_id: input.linkUserId,
          expires_at: at + STATE_TTL_MS,
          used_at: null,
          created_at: at,
        })
        .execute();
      return { authorizationUrl, browserId };
    },

    /**
     * Takes the state (once, from the browser that started, before it expires) and returns where to send the
     * browser: `return_to` with `code`, or with `error` (Telegram's refusal, or ours). OIDC_STATE_INVALID
     * when the state is not one this browser may use: there is then nowhere safe to send it.
     */
    async callback(input: {
      state: string | undefined;
      code: string | undefined;
      error: string | undefined;
      browserId: string | undefined;
    }): Promise<string> {
      const issuer = configured();
      if (!input.state || !input.browserId) throw new AppError('OIDC_STATE_INVALID');
      const at = now();
      const taken = await db
        .updateTable('telegram_oidc_states')
        .set({ used_at: at })
        .where('state_hash', '=', sha256Hex(input.state))
        .where('browser_hash', '=', sha256Hex(input.browserId))
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning(['return_to', 'intent', 'link_user_id'])
        .executeTakeFirst();
      if (!taken) throw new AppError('OIDC_STATE_INVALID');
      const back = new URL(taken.return_to);
      if (input.error !== undefined || !input.code) {
        back.searchParams.set('error', 'TELEGRAM_AUTH_INVALID');
        return back.href;
      }
      let identity: TelegramOidcIdentity;
      try {
        identity = await issuer.redeem({ code: input.code, codeVerifier: verifierOf(input.state), redirectUri });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        back.searchParams.set('error', error.code);
        return back.href;
      }
      const code = random();
      await db
        .insertInto('telegram_oidc_grants')
        .values({
          code_hash: sha256Hex(code),
          telegram_id: identity.telegramId,
          profile: JSON.stringify(profileOf(identity)),
          phone_number: e164(identity.phoneNumber, config.phone.allowedCountries),
          intent: taken.intent,
          link_user_id: taken.link_user_id,
          expires_at: at + GRANT_TTL_MS,
          used_at: null,
          created_at: at,
        })
        .execute();
      back.searchParams.set('code', code);
      return back.href;
    },

    /**
     * Takes the one-time code once: a sign-in grant signs in; a link grant links, for the user who started
     * it only (`userId` from the Bearer token of the exchange). OIDC_STATE_INVALID for a code that is unknown,
     * used or expired.
     */
    async exchange(code: string, client: ClientInfo, userId: () => Promise<string>): Promise<Exchanged> {
      configured();
      const at = now();
      const grant = await db
        .updateTable('telegram_oidc_grants')
        .set({ used_at: at })
        .where('code_hash', '=', sha256Hex(code))
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
      if (!grant) throw new AppError('OIDC_STATE_INVALID');
      const identity = { profile: JSON.parse(grant.profile) as TelegramProfile, phoneNumber: grant.phone_number };
      if (grant.intent === 'link') {
        const user = await userId();
        if (user !== grant.link_user_id) throw new AppError('OIDC_STATE_INVALID');
        return { intent: 'link', telegram: await accounts.link(user, identity) };
      }
      return { intent: 'signin', signIn: await accounts.signIn(identity, client) };
    },
  };
}

export type TelegramOidcFlow = ReturnType<typeof createTelegramOidcFlow>;

/** The id_token's profile in the shape the widget and Mini Apps give: `name` is one string, kept whole. */
function profileOf(identity: TelegramOidcIdentity): TelegramProfile {
  return {
    telegramId: identity.telegramId,
    username: identity.username,
    firstName: identity.name,
    lastName: null,
    photoUrl: identity.picture?.startsWith('https://') ? identity.picture : null,
    languageCode: null,
  };
}

/**
 * Telegram gives the number as digits without `+` (971577777777). A number this service would not accept
 * for a code (a country outside OTP_ALLOWED_COUNTRIES, not a mobile) joins nothing and is not stored.
 */
function e164(digits: string | null, allowedCountries: readonly string[]): string | null {
  if (!digits) return null;
  const parsed = parseMobile(digits.startsWith('+') ? digits : `+${digits}`, allowedCountries);
  return parsed?.e164 ?? null;
}
