import type { ErrorCode } from '../errors/codes.ts';

export type PageLocale = 'fa' | 'en';

/** What the sign-in page says, per locale. The error sentences are read by the page's script by `code`. */
export interface LoginText {
  readonly title: string;
  readonly intro: string;
  readonly noScript: string;
  readonly phoneLabel: string;
  readonly phoneHint: string;
  readonly sendCode: string;
  readonly codeLabel: string;
  /** `{phone}` is replaced by the number as typed. */
  readonly codeSent: string;
  /** A code asked for again too soon (a reload mid-sign-in): the one sent before still works. */
  readonly codeSentEarlier: string;
  readonly verify: string;
  readonly resend: string;
  /** `{seconds}` is replaced by the seconds left, in the page's digits. */
  readonly resendIn: string;
  readonly changeNumber: string;
  readonly signedIn: string;
  readonly redirecting: string;
  readonly otherLanguage: string;
  /** Shown instead of the forms to a visitor already signed in to the pages, with no return_to. */
  readonly alreadySignedIn: string;
  readonly signOut: string;
  /** Between the code by SMS and the ways in with Telegram. */
  readonly or: string;
  /** Log In With Telegram (Telegram's own page, OpenID Connect). */
  readonly telegramLogin: string;
  /** Through the bot: a QR code on a computer, a button that opens Telegram on a phone. */
  readonly telegramBot: string;
  readonly telegramScan: string;
  readonly telegramTap: string;
  readonly telegramOpen: string;
  readonly telegramOpenHere: string;
  readonly telegramQrAlt: string;
  readonly telegramExpired: string;
  readonly telegramCancelled: string;
  readonly telegramUsed: string;
  readonly telegramNewCode: string;
  readonly telegramBack: string;
  /** For a code the page has no sentence for, and for a request that got no answer. */
  readonly generic: string;
  readonly network: string;
  readonly errors: Partial<Record<ErrorCode, string>>;
}

const fa: LoginText = {
  title: 'ورود',
  intro: 'شمارهٔ موبایل خود را وارد کنید تا کد ورود برایتان پیامک شود.',
  noScript: 'برای ورود، جاوااسکریپت مرورگر باید روشن باشد.',
  phoneLabel: 'شمارهٔ موبایل',
  phoneHint: 'مثلاً ۰۹۱۲۳۴۵۶۷۸۹',
  sendCode: 'دریافت کد',
  codeLabel: 'کد ورود',
  codeSent: 'کد به شمارهٔ {phone} پیامک شد.',
  codeSentEarlier: 'کمی پیش کدی به شمارهٔ {phone} پیامک شد. همان را وارد کنید، یا پس از پایان شمارش کد تازه بخواهید.',
  verify: 'ورود',
  resend: 'ارسال دوباره',
  resendIn: 'ارسال دوباره تا {seconds} ثانیهٔ دیگر',
  changeNumber: 'تغییر شماره',
  signedIn: 'وارد شدید.',
  redirecting: 'در حال بازگشت…',
  otherLanguage: 'English',
  alreadySignedIn: 'شما وارد شده‌اید.',
  signOut: 'خروج',
  or: 'یا',
  telegramLogin: 'ورود با حساب تلگرام',
  telegramBot: 'ورود با ربات تلگرام',
  telegramScan: 'این کد را با دوربین گوشی اسکن کنید. تلگرام باز می‌شود؛ در آن «تأیید» را بزنید.',
  telegramTap: 'تلگرام را باز کنید و در آن «تأیید» را بزنید، سپس به این صفحه برگردید.',
  telegramOpen: 'باز کردن تلگرام',
  telegramOpenHere: 'باز کردن تلگرام در همین دستگاه',
  telegramQrAlt: 'کد QR ورود با تلگرام',
  telegramExpired: 'این کد منقضی شده است.',
  telegramCancelled: 'ورود در تلگرام لغو شد.',
  telegramUsed: 'این ورود پیش‌تر انجام شده است.',
  telegramNewCode: 'دریافت کد تازه',
  telegramBack: 'انصراف',
  generic: 'خطایی رخ داد. لطفاً دوباره تلاش کنید.',
  network: 'اتصال برقرار نشد. اینترنت خود را بررسی کنید و دوباره تلاش کنید.',
  errors: {
    VALIDATION_ERROR: 'آنچه وارد شد معتبر نیست. شماره و کد را بررسی کنید.',
    INVALID_PHONE: 'این شمارهٔ موبایل معتبر نیست. شماره‌ای مانند ۰۹۱۲۳۴۵۶۷۸۹ وارد کنید.',
    OTP_INVALID: 'کد درست نیست. دوباره وارد کنید.',
    OTP_EXPIRED: 'این کد منقضی شده است. کد تازه‌ای بگیرید.',
    OTP_ATTEMPTS_EXCEEDED: 'کد بیش از حد اشتباه وارد شد. کد تازه‌ای بگیرید.',
    RATE_LIMITED: 'درخواست‌ها زیاد بود. کمی بعد دوباره تلاش کنید.',
    SMS_FAILED: 'پیامک فرستاده نشد. کمی بعد دوباره تلاش کنید.',
    USER_BLOCKED: 'این حساب مسدود است.',
    PAYLOAD_TOO_LARGE: 'آنچه وارد شد بیش از حد بلند است.',
    UNSUPPORTED_MEDIA_TYPE: 'درخواست پذیرفته نشد. صفحه را دوباره بارگذاری کنید.',
    DATABASE_UNAVAILABLE: 'سرویس در دسترس نیست. کمی بعد دوباره تلاش کنید.',
    SERVICE_UNAVAILABLE: 'سرویس در دسترس نیست. کمی بعد دوباره تلاش کنید.',
    REQUEST_TIMEOUT: 'درخواست بیش از حد طول کشید. دوباره تلاش کنید.',
    EXPECTATION_FAILED: 'درخواست پذیرفته نشد. صفحه را دوباره بارگذاری کنید.',
    INTERNAL_ERROR: 'خطایی در سرویس رخ داد. کمی بعد دوباره تلاش کنید.',
    ORIGIN_NOT_ALLOWED: 'درخواست پذیرفته نشد. صفحه را دوباره بارگذاری کنید.',
    TELEGRAM_NOT_CONFIGURED: 'ورود با تلگرام اکنون در دسترس نیست.',
    TELEGRAM_UNAVAILABLE: 'تلگرام پاسخ نداد. کمی بعد دوباره تلاش کنید.',
    TELEGRAM_AUTH_INVALID: 'ورود با تلگرام انجام نشد. دوباره تلاش کنید.',
    TELEGRAM_LINK_UNKNOWN: 'این ورود دیگر معتبر نیست. کد تازه‌ای بگیرید.',
    OIDC_STATE_INVALID: 'ورود با تلگرام منقضی شده یا در مرورگر دیگری آغاز شده است. دوباره تلاش کنید.',
    TELEGRAM_ALREADY_LINKED: 'این حساب تلگرام به حساب دیگری متصل است.',
    UNAUTHORIZED: 'نشست شما پایان یافته است. دوباره وارد شوید.',
  },
};

const en: LoginText = {
  title: 'Sign in',
  intro: 'Enter your mobile number and we will text you a sign-in code.',
  noScript: 'Signing in needs JavaScript: please turn it on in your browser.',
  phoneLabel: 'Mobile number',
  phoneHint: 'for example 09123456789',
  sendCode: 'Send code',
  codeLabel: 'Sign-in code',
  codeSent: 'We texted a code to {phone}.',
  codeSentEarlier: 'We texted a code to {phone} a moment ago. Type it, or ask for a new one when the countdown ends.',
  verify: 'Sign in',
  resend: 'Send again',
  resendIn: 'Send again in {seconds} s',
  changeNumber: 'Change number',
  signedIn: 'You are signed in.',
  redirecting: 'Taking you back…',
  otherLanguage: 'فارسی',
  alreadySignedIn: 'You are signed in.',
  signOut: 'Sign out',
  or: 'or',
  telegramLogin: 'Log in with Telegram',
  telegramBot: 'Sign in with the Telegram bot',
  telegramScan: "Scan this code with your phone's camera. Telegram opens: tap Confirm there.",
  telegramTap: 'Open Telegram and tap Confirm there, then come back to this page.',
  telegramOpen: 'Open Telegram',
  telegramOpenHere: 'Open Telegram on this device',
  telegramQrAlt: 'QR code to sign in with Telegram',
  telegramExpired: 'This code has expired.',
  telegramCancelled: 'The sign-in was cancelled in Telegram.',
  telegramUsed: 'This sign-in has already been used.',
  telegramNewCode: 'Get a new code',
  telegramBack: 'Cancel',
  generic: 'Something went wrong. Please try again.',
  network: 'Could not connect. Check your connection and try again.',
  errors: {
    VALIDATION_ERROR: 'That is not valid. Check the number and the code.',
    INVALID_PHONE: 'That is not a valid mobile number. Enter one like 09123456789.',
    OTP_INVALID: 'That code is not right. Try again.',
    OTP_EXPIRED: 'That code has expired. Ask for a new one.',
    OTP_ATTEMPTS_EXCEEDED: 'Too many wrong codes. Ask for a new one.',
    RATE_LIMITED: 'Too many tries. Please wait a little and try again.',
    SMS_FAILED: 'The text could not be sent. Please try again in a moment.',
    USER_BLOCKED: 'This account is blocked.',
    PAYLOAD_TOO_LARGE: 'What you entered is too long.',
    UNSUPPORTED_MEDIA_TYPE: 'The request was refused. Reload the page.',
    DATABASE_UNAVAILABLE: 'The service is unavailable. Please try again in a moment.',
    SERVICE_UNAVAILABLE: 'The service is unavailable. Please try again in a moment.',
    REQUEST_TIMEOUT: 'That took too long. Please try again.',
    EXPECTATION_FAILED: 'The request was refused. Reload the page.',
    INTERNAL_ERROR: 'Something went wrong on our side. Please try again in a moment.',
    ORIGIN_NOT_ALLOWED: 'The request was refused. Reload the page.',
    TELEGRAM_NOT_CONFIGURED: 'Signing in with Telegram is not available now.',
    TELEGRAM_UNAVAILABLE: 'Telegram did not answer. Please try again in a moment.',
    TELEGRAM_AUTH_INVALID: 'Signing in with Telegram did not work. Please try again.',
    TELEGRAM_LINK_UNKNOWN: 'This sign-in is no longer valid. Get a new code.',
    OIDC_STATE_INVALID: 'The sign-in with Telegram expired or was started in another browser. Please try again.',
    TELEGRAM_ALREADY_LINKED: 'This Telegram account is linked to another account.',
    UNAUTHORIZED: 'Your session has ended. Please sign in again.',
  },
};

export const LOGIN_TEXT: Readonly<Record<PageLocale, LoginText>> = { fa, en };

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Numbers as a Persian reader reads them on the fa page; unchanged on the en page. */
export function localDigits(value: string, locale: PageLocale): string {
  return locale === 'fa' ? value.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!) : value;
}
