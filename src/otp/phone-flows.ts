import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { countOtpRequest, countOtpVerify } from '../metrics/otp-outcomes.ts';
import { parseMobile } from '../phone/parse.ts';
import type { ClientInfo, Session, SessionService, TokenPair } from '../sessions/service.ts';
import { newId } from '../db/ids.ts';
import { requestedLocales } from '../templates/preference.ts';
import type { User, UserRepository } from '../users/repository.ts';
import type { PhoneChangeNotice } from './phone-change-notice.ts';
import type { OtpService } from './service.ts';
import type { CodeWrites } from './writes/index.ts';
import type { CodeChannel } from '../sms/sender.ts';
import { NO_EVENTS, type EventRecorder } from '../events/recorder.ts';

/** The sign-in and phone-change flows: number parsing, codes, users and sessions put together. */
export function createPhoneFlows(deps: {
  config: Config;
  otp: OtpService;
  writes: CodeWrites;
  users: UserRepository;
  sessions: SessionService;
  metrics: Metrics;
  notifyPhoneChanged: PhoneChangeNotice;
  events?: EventRecorder;
  now: () => number;
}) {
  const { config, otp, writes, users, sessions, metrics, notifyPhoneChanged, now } = deps;
  const events = deps.events ?? NO_EVENTS;

  // Decided before any limit is charged or SMS attempted.
  const canonical = (typed: string): string => {
    const parsed = parseMobile(typed, config.phone.allowedCountries);
    if (!parsed) throw new AppError('INVALID_PHONE');
    return parsed.e164;
  };

  // The sign-in is the session's, as stored: refreshing the access token does not renew it.
  const requireRecentSignIn = (session: Session): void => {
    if (now() - session.authTime >= config.phone.changeMaxAuthAgeSeconds * 1000) throw new AppError('REAUTH_REQUIRED');
  };

  return {
    /**
     * `acceptLanguage` picks the message's locale; without it, the stored locale of the number's user.
     * `channel` says whether the bot may carry the code (sender.ts). Which way it went is in the answer only
     * with TELEGRAM_CODE_CHANNEL_DISCLOSE: otherwise the answer would tell anyone asking whether the number
     * has an account with a Telegram the bot can reach.
     */
    requestLogin: (phone: string, ip: string, acceptLanguage?: string, channel?: CodeChannel) =>
      countOtpRequest(metrics, async () => {
        const phoneNumber = canonical(phone);
        const language = { locales: requestedLocales(acceptLanguage), recipient: { phoneNumber } };
        const { channel: via, ...sent } = await otp.request({ phoneNumber, purpose: 'login' }, ip, language, channel);
        return config.telegram.bot?.discloseCodeChannel ? { ...sent, channel: via } : sent;
      }),

    async verifyLogin(
      phone: string,
      code: string,
      client: ClientInfo & { ip: string },
    ): Promise<{ user: User; isNew: boolean; tokens: TokenPair }> {
      const phoneNumber = canonical(phone);
      const session = sessions.open(client);
      // The user and the session are written with the verify budget's give-back (see writes/).
      const signedIn = await countOtpVerify(metrics, () =>
        otp.verify({ phoneNumber, purpose: 'login' }, code, client.ip, (part) =>
          writes.signIn({ userId: newId(), phoneNumber, now: now(), session: session.row }, part),
        ),
      );
      const { user, isNew } = signedIn!;
      // Said only now, after a correct code (which is spent): before it, a blocked number answers as any other.
      if (user.blocked_at !== null) throw new AppError('USER_BLOCKED');
      return { user, isNew, tokens: await sessions.tokens(user, session) };
    },

    /**
     * The message's locale: `acceptLanguage`, else the signed-in user's stored locale. A session too old to
     * confirm the change is refused here already, before a code is spent on it.
     */
    async requestChange(session: Session, phone: string, ip: string, acceptLanguage?: string) {
      requireRecentSignIn(session);
      const { userId } = session;
      const phoneNumber = canonical(phone);
      const user = await users.findById(userId);
      // Blocking ends the user's sessions; this refuses one that was authenticated just before.
      if (user?.blocked_at != null) throw new AppError('USER_BLOCKED');
      // A code to the number the account already has would cost an SMS and change nothing.
      if (user?.phone_number === phoneNumber) {
        throw new AppError('VALIDATION_ERROR', "phone_number is already this account's number");
      }
      // By SMS only: the Telegram linked to a number is its current holder's, not the one taking the number over.
      const { expiresIn, resendIn } = await countOtpRequest(metrics, () =>
        otp.request({ phoneNumber, purpose: 'phone_change', userId }, ip, {
          locales: requestedLocales(acceptLanguage),
          recipient: { userId },
        }),
      );
      return { expiresIn, resendIn };
    },

    /**
     * Moves the account to the new number. It needs a recent sign-in, checked before the code so that a
     * refusal leaves the code for the confirm after signing in again; the move ends every other session of
     * the account in the same transaction, and the old number is told. PHONE_IN_USE is said only here,
     * after the code proved the caller holds the number.
     */
    async confirmChange(session: Session, phone: string, code: string, ip: string): Promise<User> {
      requireRecentSignIn(session);
      const { userId } = session;
      const phoneNumber = canonical(phone);
      await countOtpVerify(metrics, () => otp.verify({ phoneNumber, purpose: 'phone_change', userId }, code, ip));
      const moved = await users.changePhone(userId, phoneNumber, ip, now(), async (trx, previous) => {
        await sessions.endOthers(session, trx);
        if (previous !== phoneNumber) {
          await events.record(trx, 'user.phone_changed', { user_id: userId, phone_number: phoneNumber });
        }
      });
      if (moved === 'blocked') throw new AppError('USER_BLOCKED');
      if (moved === null) throw new AppError('PHONE_IN_USE');
      const user = await users.findById(userId);
      if (!user) throw new AppError('UNAUTHORIZED');
      // A user adding their first number has no old one to tell.
      const oldNumber = moved.previous;
      if (oldNumber !== null && oldNumber !== phoneNumber)
        await notifyPhoneChanged({ oldNumber, newNumber: phoneNumber, locale: user.locale });
      return user;
    },
  };
}

export type PhoneFlows = ReturnType<typeof createPhoneFlows>;
