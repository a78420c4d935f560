import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import { limitKeyForIp } from '../otp/limits.ts';
import type { RateLimiter, RateRule } from '../rate-limit/limiter.ts';
import type { ClientInfo } from '../sessions/service.ts';
import type { ProvedIdentity, TelegramAccounts, TelegramSignIn } from './accounts.ts';
import type { VerifiedLogin } from './verify/types.ts';
import { verifyWebAppInitData } from './verify/webapp.ts';
import { verifyWidgetLogin } from './verify/widget.ts';

const HOUR = 3600;
/** How far ahead of our clock an `auth_date` may be: Telegram's and ours disagree by a few seconds at most. */
const FUTURE_SKEW_SECONDS = 30;

/** The per-address limit every Telegram route charges (TELEGRAM_IP_HOURLY_LIMIT). */
export function telegramRule(config: Config): RateRule {
  return { name: 'telegram-ip-hour', points: config.telegram.ipHourlyLimit, durationSeconds: HOUR };
}

/**
 * Charges one request to the client address, or RATE_LIMITED. Every request counts, a refused one too:
 * the checks are cheap, but each good login also writes, and a flood of either is what the limit is for.
 */
export function chargeAddress(deps: { config: Config; limiter: RateLimiter }) {
  const rule = telegramRule(deps.config);
  return async (ip: string): Promise<void> => {
    const decision = await deps.limiter.consume(rule, limitKeyForIp(ip, deps.config.otp.ipv6PrefixBits));
    if (!decision.allowed) {
      throw new AppError('RATE_LIMITED', undefined, { retry_after: decision.retryAfterSeconds });
    }
  };
}

/** Sign-in and linking with the login widget and Mini Apps: the bot token's check, then the account. */
export function createTelegramLogins(deps: {
  config: Config;
  accounts: TelegramAccounts;
  limiter: RateLimiter;
  now: () => number;
}) {
  const { config, accounts, now } = deps;
  const { authMaxAgeSeconds } = config.telegram;
  const charge = chargeAddress(deps);

  /** The bot token, after the address is charged; TELEGRAM_NOT_CONFIGURED (and no charge) without one. */
  async function botToken(ip: string): Promise<string> {
    const token = config.telegram.botToken;
    if (token === null) throw new AppError('TELEGRAM_NOT_CONFIGURED');
    await charge(ip);
    return token;
  }

  const rules = () => ({ maxAgeSeconds: authMaxAgeSeconds, futureSkewSeconds: FUTURE_SKEW_SECONDS, nowMs: now() });

  // Remembered until the login could no longer be fresh; after that its date refuses it anyway.
  const proved = (login: VerifiedLogin): ProvedIdentity => ({
    profile: login.profile,
    replay: { key: login.replayKey, until: (login.authDate + authMaxAgeSeconds + 1) * 1000 },
  });

  const widget = async (fields: Record<string, unknown>, ip: string) =>
    proved(verifyWidgetLogin(fields, await botToken(ip), rules()));
  const webApp = async (initData: string, ip: string) =>
    proved(verifyWebAppInitData(initData, await botToken(ip), rules()));

  return {
    enabled: config.telegram.botToken !== null,
    /** The per-address charge, for the OpenID Connect routes too. */
    charge,
    async signInWithWidget(
      fields: Record<string, unknown>,
      client: ClientInfo & { ip: string },
    ): Promise<TelegramSignIn> {
      return accounts.signIn(await widget(fields, client.ip), client);
    },
    async signInWithWebApp(initData: string, client: ClientInfo & { ip: string }): Promise<TelegramSignIn> {
      return accounts.signIn(await webApp(initData, client.ip), client);
    },
    /** `userId` is asked after the address is charged, so requests without a valid token count too. */
    async linkWidget(userId: () => Promise<string>, fields: Record<string, unknown>, ip: string) {
      const token = await botToken(ip);
      const user = await userId();
      return accounts.link(user, proved(verifyWidgetLogin(fields, token, rules())));
    },
    async linkWebApp(userId: () => Promise<string>, initData: string, ip: string) {
      const token = await botToken(ip);
      const user = await userId();
      return accounts.link(user, proved(verifyWebAppInitData(initData, token, rules())));
    },
  };
}

export type TelegramLogins = ReturnType<typeof createTelegramLogins>;
