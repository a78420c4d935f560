import type { ErrorCode } from '../errors/codes.ts';
import { LOGIN_TEXT, type PageLocale } from './messages.ts';

/**
 * What the account page says, per locale. `{name}` parts are filled in by the page's script. Its error
 * sentences are those of codes the sign-in page never meets, and of the few that mean something else here
 * (a sign-in that ended is a reload here, Telegram not configured is linking): the rest are the sign-in
 * page's (accountErrors joins them, these first).
 */
export interface AccountText {
  readonly title: string;
  readonly noScript: string;
  readonly loading: string;
  readonly otherLanguage: string;
  readonly signOut: string;

  readonly phoneTitle: string;
  readonly noPhone: string;
  readonly changePhone: string;
  readonly newPhoneLabel: string;
  readonly newPhoneHint: string;
  readonly sendCode: string;
  readonly cancel: string;
  /** `{phone}`: the new number. */
  readonly codeSentTo: string;
  readonly codeLabel: string;
  readonly confirm: string;
  /** `{phone}`: the number the account now has. */
  readonly phoneChanged: string;
  /** Said when the change needs a recent sign-in; `{phone}` is the number the account has. */
  readonly reauth: string;
  readonly reauthSend: string;
  /** For an account without a number (signed in with Telegram): sign in again on /login, then come back. */
  readonly reauthNoNumber: string;
  readonly reauthSignIn: string;
  readonly reauthVerify: string;
  readonly reauthDone: string;

  readonly sessionsTitle: string;
  readonly thisDevice: string;
  readonly unknownDevice: string;
  /** `{browser}` on `{os}`. */
  readonly deviceOn: string;
  /** `{time}`: when the session was last used. */
  readonly lastUsed: string;
  readonly ip: string;
  readonly endSession: string;
  readonly endOthers: string;
  readonly sessionEnded: string;
  readonly othersEnded: string;
  readonly noOtherSessions: string;

  readonly telegramTitle: string;
  /** `{name}`: the linked account's @username or name. */
  readonly telegramLinked: string;
  readonly telegramNotLinked: string;
  readonly telegramLink: string;
  readonly telegramUnlink: string;
  readonly telegramUnlinked: string;
  readonly telegramOpen: string;
  readonly telegramScan: string;
  readonly telegramQrAlt: string;
  /** `{minutes}`: how long the link works. */
  readonly telegramExpires: string;
  readonly telegramExpired: string;
  readonly telegramJustLinked: string;

  readonly alertsTitle: string;
  readonly noAlerts: string;
  readonly alertCancel: string;
  readonly alertCancelled: string;
  readonly alertViaSms: string;
  readonly alertViaTelegram: string;
  /** `{variant}`: the product's variant. */
  readonly alertVariant: string;
  /** `{date}`: when the alert was asked for. */
  readonly alertSince: string;

  readonly errors: Partial<Record<ErrorCode, string>>;
}

const fa: AccountText = {
  title: 'حساب من',
  noScript: 'برای دیدن حساب، جاوااسکریپت مرورگر باید روشن باشد.',
  loading: 'در حال بارگذاری…',
  otherLanguage: 'English',
  signOut: 'خروج از حساب',

  phoneTitle: 'شمارهٔ موبایل',
  noPhone: 'هنوز شماره‌ای ثبت نشده است.',
  changePhone: 'تغییر شماره',
  newPhoneLabel: 'شمارهٔ تازه',
  newPhoneHint: 'کدی به این شماره پیامک می‌شود.',
  sendCode: 'دریافت کد',
  cancel: 'انصراف',
  codeSentTo: 'کد به شمارهٔ {phone} پیامک شد.',
  codeLabel: 'کد تأیید',
  confirm: 'تأیید',
  phoneChanged: 'شمارهٔ شما به {phone} تغییر کرد. از دستگاه‌های دیگر خارج شدید.',
  reauth:
    'برای امنیت حساب، تغییر شماره به ورود تازه نیاز دارد. کدی به شمارهٔ فعلی شما، {phone}، پیامک می‌کنیم تا دوباره وارد شوید.',
  reauthSend: 'ارسال کد به شمارهٔ فعلی',
  reauthNoNumber:
    'برای امنیت حساب، افزودن شماره به ورود تازه نیاز دارد. دوباره وارد شوید (مثلاً با تلگرام)؛ پس از ورود به همین صفحه برمی‌گردید.',
  reauthSignIn: 'ورود دوباره',
  reauthVerify: 'ورود دوباره',
  reauthDone: 'دوباره وارد شدید. اکنون شمارهٔ تازه را وارد کنید.',

  sessionsTitle: 'دستگاه‌های واردشده',
  thisDevice: 'همین دستگاه',
  unknownDevice: 'دستگاه ناشناس',
  deviceOn: '{browser} روی {os}',
  lastUsed: 'آخرین استفاده: {time}',
  ip: 'نشانی IP',
  endSession: 'خروج این دستگاه',
  endOthers: 'خروج همهٔ دستگاه‌های دیگر',
  sessionEnded: 'آن دستگاه از حساب خارج شد.',
  othersEnded: 'همهٔ دستگاه‌های دیگر از حساب خارج شدند.',
  noOtherSessions: 'در دستگاه دیگری وارد نشده‌اید.',

  telegramTitle: 'تلگرام',
  telegramLinked: 'حساب تلگرام {name} به حساب شما وصل است.',
  telegramNotLinked: 'تلگرامی به حساب شما وصل نیست. با وصل کردن آن، کدها و خبرها را در تلگرام هم می‌گیرید.',
  telegramLink: 'وصل کردن تلگرام',
  telegramUnlink: 'جدا کردن تلگرام',
  telegramUnlinked: 'تلگرام از حساب شما جدا شد.',
  telegramOpen: 'باز کردن در تلگرام',
  telegramScan: 'یا این کد را با دوربین گوشی بخوانید:',
  telegramQrAlt: 'کد QR پیوند تلگرام',
  telegramExpires: 'این پیوند تا {minutes} دقیقهٔ دیگر کار می‌کند. آن را به کسی ندهید.',
  telegramExpired: 'زمان پیوند تمام شد. دوباره «وصل کردن تلگرام» را بزنید.',
  telegramJustLinked: 'تلگرام به حساب شما وصل شد.',

  alertsTitle: 'خبرم کن (موجود شدن کالا)',
  noAlerts: 'درخواست فعالی برای خبر موجود شدن کالا ندارید.',
  alertCancel: 'لغو',
  alertCancelled: 'درخواست لغو شد.',
  alertViaSms: 'با پیامک',
  alertViaTelegram: 'با تلگرام',
  alertVariant: 'مدل {variant}',
  alertSince: 'از {date}',

  errors: {
    UNAUTHORIZED: 'ورود شما در این صفحه پایان یافته است. صفحه را دوباره بارگذاری کنید.',
    REAUTH_REQUIRED: 'برای امنیت حساب، این کار به ورود تازه نیاز دارد.',
    PHONE_IN_USE: 'این شماره مال حساب دیگری است.',
    NOT_FOUND: 'این مورد دیگر وجود ندارد. فهرست به‌روز شد.',
    TELEGRAM_NOT_CONFIGURED: 'وصل کردن تلگرام در این سرویس فعال نیست.',
    TELEGRAM_UNLINK_REFUSED: 'تا شماره‌ای روی حساب نباشد، نمی‌توان تلگرام را جدا کرد؛ بدون آن راهی برای ورود نمی‌ماند.',
  },
};

const en: AccountText = {
  title: 'My account',
  noScript: 'Your account page needs JavaScript: please turn it on in your browser.',
  loading: 'Loading…',
  otherLanguage: 'فارسی',
  signOut: 'Sign out',

  phoneTitle: 'Mobile number',
  noPhone: 'No number yet.',
  changePhone: 'Change number',
  newPhoneLabel: 'New number',
  newPhoneHint: 'We will text a code to it.',
  sendCode: 'Send code',
  cancel: 'Cancel',
  codeSentTo: 'We texted a code to {phone}.',
  codeLabel: 'Code',
  confirm: 'Confirm',
  phoneChanged: 'Your number is now {phone}. You were signed out everywhere else.',
  reauth:
    'To keep your account safe, changing the number needs a fresh sign-in. We will text a code to your current number, {phone}, to sign you in again.',
  reauthSend: 'Text a code to my number',
  reauthNoNumber:
    'To keep your account safe, adding a number needs a fresh sign-in. Sign in again (with Telegram, for example): you will come back to this page.',
  reauthSignIn: 'Sign in again',
  reauthVerify: 'Sign in again',
  reauthDone: 'You are signed in again. Now enter your new number.',

  sessionsTitle: 'Where you are signed in',
  thisDevice: 'This device',
  unknownDevice: 'Unknown device',
  deviceOn: '{browser} on {os}',
  lastUsed: 'Last used {time}',
  ip: 'IP address',
  endSession: 'Sign out there',
  endOthers: 'Sign out everywhere else',
  sessionEnded: 'That device is signed out.',
  othersEnded: 'Every other device is signed out.',
  noOtherSessions: 'You are not signed in anywhere else.',

  telegramTitle: 'Telegram',
  telegramLinked: 'Your account is linked to the Telegram account {name}.',
  telegramNotLinked: 'No Telegram account is linked. Link one to get codes and alerts in Telegram too.',
  telegramLink: 'Link Telegram',
  telegramUnlink: 'Unlink Telegram',
  telegramUnlinked: 'Telegram is unlinked from your account.',
  telegramOpen: 'Open in Telegram',
  telegramScan: 'Or scan this code with your phone’s camera:',
  telegramQrAlt: 'QR code of the Telegram link',
  telegramExpires: 'The link works for {minutes} minutes. Do not share it.',
  telegramExpired: 'The link has expired. Press “Link Telegram” again.',
  telegramJustLinked: 'Telegram is now linked to your account.',

  alertsTitle: 'Back-in-stock alerts',
  noAlerts: 'You have no back-in-stock alerts waiting.',
  alertCancel: 'Cancel',
  alertCancelled: 'The alert is cancelled.',
  alertViaSms: 'by SMS',
  alertViaTelegram: 'by Telegram',
  alertVariant: 'variant {variant}',
  alertSince: 'since {date}',

  errors: {
    UNAUTHORIZED: 'Your sign-in on this page has ended. Reload the page.',
    REAUTH_REQUIRED: 'To keep your account safe, this needs a fresh sign-in.',
    PHONE_IN_USE: 'That number belongs to another account.',
    NOT_FOUND: 'That is no longer there. The list has been refreshed.',
    TELEGRAM_NOT_CONFIGURED: 'Linking Telegram is not available on this service.',
    TELEGRAM_UNLINK_REFUSED: 'Telegram cannot be unlinked while your account has no number: you would have no way in.',
  },
};

export const ACCOUNT_TEXT: Readonly<Record<PageLocale, AccountText>> = { fa, en };

/** Every error sentence the account page has: the sign-in page's, and its own for the codes only it meets. */
export function accountErrors(locale: PageLocale): Partial<Record<ErrorCode, string>> {
  return { ...LOGIN_TEXT[locale].errors, ...ACCOUNT_TEXT[locale].errors };
}
