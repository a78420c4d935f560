import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config/index.ts';
import { sha256Hex } from '../../crypto/keys.ts';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { safeReturnTo } from '../../pages/login-page.ts';
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

/**
 * The hosted sign-in page's own return (pages/telegram-routes.ts), under PUBLIC_URL. It is always a return a
 * sign-in may name, listed or not: it is this service's page, which exchanges the code on the server, starts
 * the pages' session and sends the browser on to a path of this origin only.
 */
export const PAGE_RETURN_PATH = '/login/telegram';

/**
 * The hosted page's return URL, carrying the page's own `return_to` (a path on this origin) when it has one.
 * Written the one way `isPageReturn` accepts: the URL is compared as a string, as listed ones are.
 */
export function pageReturnUrl(issuer: string, returnTo: string | undefined): string {
  const path = safeReturnTo(returnTo);
  return `${issuer}${PAGE_RETURN_PATH}${path === undefined ? '' : `?${new URLSearchParams({ return_to: path })}`}`;
}

function isPageReturn(issuer: string, url: string): boolean {
  const base = `${issuer}${PAGE_RETURN_PATH}`;
  if (url === base) return true;
  if (!url.startsWith(`${base}?`)) return false;
  const path = new URLSearchParams(url.slice(base.length + 1)).get('return_to');
  return path !== null && url === pageReturnUrl(issuer, path);
}

export interface Started {
  readonly authorizationUrl: string;
  /** It returns to the hosted page, which needs the binding cookie too (on its own path). */
  readonly toPage: boolean;
  /** The cookie that binds this sign-in to the browser that started it: the callback and the exchange need it. */
  readonly cookie: { readonly name: string; readonly value: string };
}

/** The request's cookies, by name. */
export type Cookies = (name: string) => string | undefined;

/** Where the cookies that bind a sign-in to its browser are sent: the callback and the exchange. */
export const BINDING_COOKIE_PATH = '/api/v1/telegram/oidc';

/** Prefix of the cookies that bind a sign-in to its browser; each sign-in has its own, named from its state. */
export const BINDING_COOKIE_PREFIX = 'otpgate_tg_';

export type Exchanged =
  | { readonly intent: 'signin'; readonly signIn: TelegramSignIn }
  | { readonly intent: 'link'; readonly telegram: Awaited<ReturnType<TelegramAccounts['link']>> };

const random = () => randomBytes(32).toString('base64url');
const bindingOf = (stateHash: string) => `${BINDING_COOKIE_PREFIX}${stateHash.slice(0, 20)}`;

/**
 * "Log In With Telegram" from start to tokens, with nothing secret in a URL that leaves the service:
 *
 * 1. `start` checks `return_to` against TELEGRAM_LOGIN_RETURN_URLS before anything else, stores the state
 *    (its hash, where to return, single use, ten minutes) and answers Telegram's authorization URL with PKCE
 *    S256; the verifier is an HMAC of the state, so it is never stored. It also answers a cookie of its own
 *    for this sign-in, a new random value under a name taken from the state, so that nobody can plant one
 *    ahead (a value the browser brought is never reused).
 * 2. `callback` takes the state once, only from the browser holding that cookie, redeems the code and
 *    verifies the id_token (client.ts), and leaves a one-time code of its own for `return_to`.
 * 3. `exchange` takes that code once, within a minute, from the same browser (the same cookie: a code sent to
 *    someone else's browser signs nobody in there), and signs in, or links for the user who started.
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

  const toPage = (returnTo: string) => isPageReturn(config.tokens.issuer, returnTo);

  /** Listed, or the hosted page's return for a sign-in (the page links no account: it has no Bearer token). */
  function listed(returnTo: string | undefined, intent: Intent): string {
    if (settings === null) throw new AppError('TELEGRAM_NOT_CONFIGURED');
    if (
      returnTo === undefined ||
      !(settings.returnUrls.includes(returnTo) || (intent === 'signin' && toPage(returnTo)))
    ) {
      throw new AppError(
        'VALIDATION_ERROR',
        'return_to is not one of TELEGRAM_LOGIN_RETURN_URLS, nor the sign-in page of this service',
      );
    }
    return returnTo;
  }

  return {
    redirectUri,
    /** The return URL, when it is listed; for a caller that must refuse an unlisted one first of all. */
    listed,

    async start(input: { returnTo: string; intent: Intent; linkUserId: string | null }): Promise<Started> {
      const returnTo = listed(input.returnTo, input.intent);
      const state = random();
      const secret = random();
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
          browser_hash: sha256Hex(secret),
          return_to: returnTo,
          intent: input.intent,
          link_user_id: input.linkUserId,
          expires_at: at + STATE_TTL_MS,
          used_at: null,
          created_at: at,
        })
        .execute();
      const cookie = { name: bindingOf(sha256Hex(state)), value: secret };
      return { authorizationUrl, toPage: toPage(returnTo), cookie };
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
      cookies: Cookies;
    }): Promise<string> {
      const issuer = configured();
      const stateHash = input.state ? sha256Hex(input.state) : undefined;
      const secret = stateHash && input.cookies(bindingOf(stateHash));
      if (!input.state || !stateHash || !secret) throw new AppError('OIDC_STATE_INVALID');
      const at = now();
      const taken = await db
        .updateTable('telegram_oidc_states')
        .set({ used_at: at })
        .where('state_hash', '=', stateHash)
        .where('browser_hash', '=', sha256Hex(secret))
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
          binding: bindingOf(stateHash),
          browser_hash: sha256Hex(secret),
          expires_at: at + GRANT_TTL_MS,
          used_at: null,
          created_at: at,
        })
        .execute();
      back.searchParams.set('code', code);
      return back.href;
    },

    /**
     * Takes the one-time code once, from the browser that started (its cookie): a sign-in grant signs in; a
     * link grant links, for the user who started it only (`userId`, from the Bearer token of the exchange).
     * OIDC_STATE_INVALID for a code that is unknown, used, expired, or brought by another browser or user;
     * those checks come before the code is spent, so a request that fails them leaves it to its owner.
     * Returns the cookie's name too, for the caller to clear.
     */
    async exchange(
      code: string,
      input: { client: ClientInfo; cookies: Cookies; userId: () => Promise<string> },
    ): Promise<Exchanged & { readonly binding: string }> {
      configured();
      const at = now();
      const codeHash = sha256Hex(code);
      const grant = await db
        .selectFrom('telegram_oidc_grants')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      const secret = grant && input.cookies(grant.binding);
      if (!grant || !secret || sha256Hex(secret) !== grant.browser_hash) throw new AppError('OIDC_STATE_INVALID');
      const linkUser = grant.intent === 'link' ? await input.userId() : null;
      if (grant.intent === 'link' && linkUser !== grant.link_user_id) throw new AppError('OIDC_STATE_INVALID');
      const spent = await db
        .updateTable('telegram_oidc_grants')
        .set({ used_at: at })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (spent.numUpdatedRows === 0n) throw new AppError('OIDC_STATE_INVALID');
      const identity = { profile: JSON.parse(grant.profile) as TelegramProfile, phoneNumber: grant.phone_number };
      const binding = grant.binding;
      if (linkUser !== null) return { intent: 'link', binding, telegram: await accounts.link(linkUser, identity) };
      return { intent: 'signin', binding, signIn: await accounts.signIn(identity, input.client) };
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
