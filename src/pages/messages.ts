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
  readonly verify: string;
  readonly resend: string;
  /** `{seconds}` is replaced by the seconds left, in the page's digits. */
  readonly resendIn: string;
  readonly changeNumber: string;
  readonly signedIn: string;
  readonly redirecting: string;
  readonly otherLanguage: string;
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
  verify: 'ورود',
  resend: 'ارسال دوباره',
  resendIn: 'ارسال دوباره تا {seconds} ثانیهٔ دیگر',
  changeNumber: 'تغییر شماره',
  signedIn: 'وارد شدید.',
  redirecting: 'در حال بازگشت…',
  otherLanguage: 'English',
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
  verify: 'Sign in',
  resend: 'Send again',
  resendIn: 'Send again in {seconds} s',
  changeNumber: 'Change number',
  signedIn: 'You are signed in.',
  redirecting: 'Taking you back…',
  otherLanguage: 'فارسی',
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
  },
};

export const LOGIN_TEXT: Readonly<Record<PageLocale, LoginText>> = { fa, en };

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Numbers as a Persian reader reads them on the fa page; unchanged on the en page. */
export function localDigits(value: string, locale: PageLocale): string {
  return locale === 'fa' ? value.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!) : value;
}
