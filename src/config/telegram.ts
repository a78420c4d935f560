import { UNSAFE_CHARACTER } from '../text/characters.ts';
import { invalid } from './explain.ts';
import { isLoopbackHost } from './provider-transport.ts';
import type { Env } from './schema.ts';

/** Sign-in with Telegram: each way in is on only when what it needs is configured. */
export interface TelegramConfig {
  /** TELEGRAM_BOT_TOKEN: the login widget and Mini Apps are checked with it; null turns both off. */
  readonly botToken: string | null;
  readonly botUsername: string | null;
  /** How old a widget or Mini App login (its `auth_date`) may be. */
  readonly authMaxAgeSeconds: number;
  /** Requests to the Telegram routes per client address per hour. */
  readonly ipHourlyLimit: number;
  /** How long a sign-in link for the bot (`t.me/<bot>?start=`) stays usable (TELEGRAM_LINK_TTL_SECONDS). */
  readonly linkTtlSeconds: number;
  /** The shop's name as the bot says it: TELEGRAM_SHOP_NAME, else the host of PUBLIC_URL. */
  readonly shopName: string;
  /** Log In With Telegram (OpenID Connect); null unless the client id and secret are both set. */
  readonly oidc: TelegramOidcConfig | null;
  /** The bot; null without TELEGRAM_BOT_TOKEN. */
  readonly bot: TelegramBotConfig | null;
}

export interface TelegramBotConfig {
  readonly token: string;
  /** TELEGRAM_API_ROOT, without a trailing slash (grammY's `client.apiRoot`). */
  readonly apiRoot: string;
  readonly updates: 'webhook' | 'polling' | 'off';
  /** TELEGRAM_WEBHOOK_SECRET; set whenever `updates` is `webhook`. */
  readonly webhookSecret: string | null;
  /** TELEGRAM_CODE_TIMEOUT_MS: a code the bot has not delivered by then goes by SMS. */
  readonly codeTimeoutMs: number;
  /** TELEGRAM_CODE_CHANNEL_DISCLOSE: the code request answer says which way the code went. */
  readonly discloseCodeChannel: boolean;
}

export interface TelegramOidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs: number;
  /**
   * TELEGRAM_LOGIN_RETURN_URLS, as written: a `return_to` must equal one of them exactly, unless it is the
   * hosted sign-in page's own (oidc/flow.ts, PAGE_RETURN_PATH).
   */
  readonly returnUrls: readonly string[];
}

/**
 * The client id and secret come together or not at all. TELEGRAM_LOGIN_RETURN_URLS may be left out: the
 * hosted sign-in page (PUBLIC_URL/login/telegram) is always a return, so a shop that sends its customers to
 * /login needs no list; a front end of its own lists its pages there. In production the issuer and the
 * return URLs are https (loopback aside), as every other URL the service trusts.
 */
export function telegramConfig(env: Env, isProduction: boolean, issuer: string): TelegramConfig {
  const id = env.TELEGRAM_OIDC_CLIENT_ID;
  const secret = env.TELEGRAM_OIDC_CLIENT_SECRET;
  if ((id === undefined) !== (secret === undefined)) {
    const missing = id === undefined ? 'TELEGRAM_OIDC_CLIENT_ID' : 'TELEGRAM_OIDC_CLIENT_SECRET';
    throw invalid(missing, undefined, {
      expected: "set, with its pair, from @BotFather's Web Login settings (or neither)",
    });
  }
  const returnUrls = listedUrls(env, isProduction);
  let oidc: TelegramOidcConfig | null = null;
  if (id !== undefined && secret !== undefined) {
    const issuer = env.TELEGRAM_OIDC_ISSUER.replace(/\/+$/, '');
    if (isProduction && !secure(issuer)) {
      throw invalid('TELEGRAM_OIDC_ISSUER', issuer, { expected: 'an https:// URL in production' });
    }
    oidc = { issuer, clientId: id, clientSecret: secret, timeoutMs: env.TELEGRAM_OIDC_TIMEOUT_MS, returnUrls };
  }
  return {
    botToken: env.TELEGRAM_BOT_TOKEN ?? null,
    botUsername: env.TELEGRAM_BOT_USERNAME ?? null,
    authMaxAgeSeconds: env.TELEGRAM_AUTH_MAX_AGE_SECONDS,
    ipHourlyLimit: env.TELEGRAM_IP_HOURLY_LIMIT,
    linkTtlSeconds: env.TELEGRAM_LINK_TTL_SECONDS,
    shopName: shopName(env, issuer),
    oidc,
    bot: botConfig(env, isProduction),
  };
}

/**
 * The name sits inside a sentence the bot writes ("Sign in to <name>?"), so it is one line with no character
 * that reorders what follows it (text/characters.ts). Unset, the host of PUBLIC_URL names the service.
 */
function shopName(env: Env, issuer: string): string {
  const name = env.TELEGRAM_SHOP_NAME?.trim();
  if (!name) return new URL(issuer).host;
  if (UNSAFE_CHARACTER.test(name) || /[\r\n]/.test(name)) {
    throw invalid('TELEGRAM_SHOP_NAME', name, {
      expected: 'a short name on one line, without control or direction-override characters, such as Ketab Shop',
    });
  }
  return name;
}

/**
 * The bot runs wherever its token is set. A webhook without its secret would take updates from anyone who
 * finds the URL (Telegram signs nothing else), so that is a setup error. In production the API root carries
 * the bot token in every path: https unless it is this machine (a local relay).
 */
function botConfig(env: Env, isProduction: boolean): TelegramBotConfig | null {
  const token = env.TELEGRAM_BOT_TOKEN;
  if (token === undefined) return null;
  const webhookSecret = env.TELEGRAM_WEBHOOK_SECRET ?? null;
  const updates = env.TELEGRAM_UPDATES ?? defaultUpdates(env, webhookSecret);
  if (updates === 'webhook' && webhookSecret === null) {
    throw invalid('TELEGRAM_WEBHOOK_SECRET', undefined, {
      expected: 'set when the bot takes updates by webhook; or TELEGRAM_UPDATES=polling',
    });
  }
  if (isProduction && !secure(env.TELEGRAM_API_ROOT)) {
    throw invalid('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT, { expected: 'an https:// URL in production' });
  }
  // The bot's try comes first out of the code's deadline: the SMS after it must still get its whole call.
  const roomForSms = env.SMS_OTP_DEADLINE_MS - env.SMS_TIMEOUT_MS;
  if (env.TELEGRAM_CODE_TIMEOUT_MS > roomForSms) {
    throw invalid('TELEGRAM_CODE_TIMEOUT_MS', String(env.TELEGRAM_CODE_TIMEOUT_MS), {
      expected: `at most SMS_OTP_DEADLINE_MS minus SMS_TIMEOUT_MS (${roomForSms}), so that the SMS after it still has its call`,
    });
  }
  return {
    token,
    apiRoot: env.TELEGRAM_API_ROOT,
    updates,
    webhookSecret,
    codeTimeoutMs: env.TELEGRAM_CODE_TIMEOUT_MS,
    discloseCodeChannel: env.TELEGRAM_CODE_CHANNEL_DISCLOSE,
  };
}

function listedUrls(env: Env, isProduction: boolean): string[] {
  const urls = (env.TELEGRAM_LOGIN_RETURN_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of urls) {
    const problem = !URL.canParse(url)
      ? 'not an absolute URL'
      : new URL(url).hash
        ? 'a return URL has no #fragment (the one-time code is added to its query)'
        : !/^https?:$/.test(new URL(url).protocol)
          ? 'the scheme must be http or https'
          : isProduction && !secure(url)
            ? 'https:// in production'
            : undefined;
    if (problem)
      throw invalid('TELEGRAM_LOGIN_RETURN_URLS', env.TELEGRAM_LOGIN_RETURN_URLS, { note: `${url}: ${problem}` });
  }
  return [...new Set(urls)];
}

/**
 * Unset TELEGRAM_UPDATES: a developer's bot answers at once by polling; tests never reach out on their own;
 * production takes the webhook when its secret is set and otherwise leaves updates off, so a deployment that
 * set the token for the login widget alone does not start polling a bot that another service may be running.
 */
function defaultUpdates(env: Env, webhookSecret: string | null): TelegramBotConfig['updates'] {
  if (env.NODE_ENV === 'production') return webhookSecret === null ? 'off' : 'webhook';
  return env.NODE_ENV === 'development' ? 'polling' : 'off';
}

function secure(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname);
}
