import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { countOtpRequest, countOtpVerify } from '../metrics/otp-outcomes.ts';
import { parseMobile } from '../phone/parse.ts';
import type { ClientInfo, SessionService, TokenPair } from '../sessions/service.ts';
import { preferredLocales } from '../templates/preference.ts';
import type { User, UserRepository } from '../users/repository.ts';
import type { OtpService } from './service.ts';

/** The sign-in and phone-change flows: number parsing, codes, users and sessions put together. */
export function createPhoneFlows(deps: {
  config: Config;
  otp: OtpService;
  users: UserRepository;
  sessions: SessionService;
  metrics: Metrics;
  now: () => number;
}) {
  const { config, otp, users, sessions, metrics, now } = deps;

  // Decided before any limit is charged or SMS attempted.
  const canonical = (typed: string): string => {
    const parsed = parseMobile(typed, config.phone.allowedCountries);
    if (!parsed) throw new AppError('INVALID_PHONE');
    return parsed.e164;
  };

  return {
    /** `acceptLanguage` picks the message's locale; without it, the stored locale of the number's user. */
    requestLogin: (phone: string, ip: string, acceptLanguage?: string) =>
      countOtpRequest(metrics, () => {
        const phoneNumber = canonical(phone);
        return otp.request({ phoneNumber, purpose: 'login' }, ip, () =>
          preferredLocales(acceptLanguage, () => users.localeByPhone(phoneNumber)),
        );
      }),

    async verifyLogin(
      phone: string,
      code: string,
      client: ClientInfo & { ip: string },
    ): Promise<{ user: User; isNew: boolean; tokens: TokenPair }> {
      const phoneNumber = canonical(phone);
      await countOtpVerify(metrics, () => otp.verify({ phoneNumber, purpose: 'login' }, code, client.ip));
      const { user, isNew } = await users.signIn(phoneNumber, now());
      return { user, isNew, tokens: await sessions.start(user.id, client) };
    },

    /** The message's locale: `acceptLanguage`, else the signed-in user's stored locale. */
    requestChange: (userId: string, phone: string, ip: string, acceptLanguage?: string) =>
      countOtpRequest(metrics, () =>
        otp.request({ phoneNumber: canonical(phone), purpose: 'phone_change', userId }, ip, () =>
          preferredLocales(acceptLanguage, async () => (await users.findById(userId))?.locale ?? null),
        ),
      ),

    /** PHONE_IN_USE is said only here, after the code proved the caller holds the number. */
    async confirmChange(userId: string, phone: string, code: string, ip: string): Promise<User> {
      const phoneNumber = canonical(phone);
      await countOtpVerify(metrics, () => otp.verify({ phoneNumber, purpose: 'phone_change', userId }, code, ip));
      if (!(await users.changePhone(userId, phoneNumber, ip, now()))) throw new AppError('PHONE_IN_USE');
      const user = await users.findById(userId);
      if (!user) throw new AppError('UNAUTHORIZED');
      return user;
    },
  };
}

export type PhoneFlows = ReturnType<typeof createPhoneFlows>;
