import type { ErrorCode } from '../../errors/codes.ts';
import { LOGIN_TEXT, type PageLocale } from '../messages.ts';

/** What every console page says, per locale; each page's own sentences are in its page definition. */
export interface ConsoleText {
  readonly console: string;
  readonly signOut: string;
  readonly otherLanguage: string;
  readonly noScript: string;
  readonly loading: string;
  readonly empty: string;
  readonly staffOnlyTitle: string;
  readonly staffOnly: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly roleTitle: string;
  /** `{role}` is replaced by the role's name. */
  readonly roleLacks: string;
  readonly roles: Readonly<Record<'admin' | 'support', string>>;
  readonly generic: string;
  readonly network: string;
  /** `{seconds}`: a signed-in page's token lasts minutes; past that the page asks to be reloaded. */
  readonly expired: string;
  readonly errors: Partial<Record<ErrorCode, string>>;
}

const fa: ConsoleText = {
  console: 'پیشخوان',
  signOut: 'خروج',
  otherLanguage: 'English',
  noScript: 'پیشخوان برای کار به جاوااسکریپت نیاز دارد.',
  loading: 'در حال بارگذاری…',
  empty: 'چیزی برای نمایش نیست.',
  staffOnlyTitle: 'فقط برای کارکنان',
  staffOnly: 'این حساب دسترسی به پیشخوان ندارد. اگر باید داشته باشد، از مدیر بخواهید شما را اضافه کند.',
  notFoundTitle: 'صفحه پیدا نشد',
  notFound: 'پیشخوان چنین صفحه‌ای ندارد.',
  roleTitle: 'دسترسی ندارید',
  roleLacks: 'نقش «{role}» اجازهٔ دیدن این صفحه را ندارد.',
  roles: { admin: 'مدیر', support: 'پشتیبانی' },
  generic: LOGIN_TEXT.fa.generic,
  network: LOGIN_TEXT.fa.network,
  expired: 'نشست این صفحه تمام شده است. صفحه را دوباره بارگذاری کنید.',
  errors: {
    ...LOGIN_TEXT.fa.errors,
    UNAUTHORIZED: 'نشست این صفحه تمام شده است. صفحه را دوباره بارگذاری کنید.',
    FORBIDDEN: 'نقش شما اجازهٔ این کار را ندارد.',
    STAFF_ONLY: 'این حساب دیگر جزو کارکنان نیست.',
    NOT_FOUND: 'پیدا نشد.',
    VALIDATION_ERROR: 'آنچه وارد شد معتبر نیست.',
    INVALID_PHONE: 'این شمارهٔ موبایل معتبر نیست. شماره‌ای مانند ۰۹۱۲۳۴۵۶۷۸۹ یا +۹۸۹۱۲۳۴۵۶۷۸۹ وارد کنید.',
    TEMPLATE_NOT_FOUND: 'این قالب پیدا نشد.',
    TEMPLATE_REQUIRED: 'این قالب را سرویس خودش می‌فرستد و آخرین زبانش حذف نمی‌شود؛ به جای حذف، متنش را تغییر دهید.',
    MESSAGE_TOO_LONG: 'این متن بیش از حد بلند است: از بیشترین تعداد پیامک مجاز بیشتر می‌شود.',
    INVALID_REDIRECT_URI: 'نشانی بازگشت پذیرفته نیست: نشانی کامل https، یا http روی localhost، بدون # و *.',
    OIDC_CLIENT_NOT_FOUND: 'این برنامه پیدا نشد.',
  },
};

const en: ConsoleText = {
  console: 'Console',
  signOut: 'Sign out',
  otherLanguage: 'فارسی',
  noScript: 'The console needs JavaScript to work.',
  loading: 'Loading…',
  empty: 'Nothing to show.',
  staffOnlyTitle: 'Staff only',
  staffOnly: 'This account has no access to the console. If it should, ask an admin to add you.',
  notFoundTitle: 'No such page',
  notFound: 'The console has no page at this address.',
  roleTitle: 'No access',
  roleLacks: 'The “{role}” role may not see this page.',
  roles: { admin: 'admin', support: 'support' },
  generic: LOGIN_TEXT.en.generic,
  network: LOGIN_TEXT.en.network,
  expired: 'This page’s sign-in has run out. Reload the page.',
  errors: {
    ...LOGIN_TEXT.en.errors,
    UNAUTHORIZED: 'This page’s sign-in has run out. Reload the page.',
    FORBIDDEN: 'Your role may not do this.',
    STAFF_ONLY: 'This account is no longer staff.',
    NOT_FOUND: 'Not found.',
    VALIDATION_ERROR: 'What was entered is not valid.',
    INVALID_PHONE: 'This is not a valid mobile number. Enter one such as 09123456789 or +989123456789.',
    TEMPLATE_NOT_FOUND: 'There is no such template.',
    TEMPLATE_REQUIRED:
      'The service sends this template itself, so its last language cannot be deleted; change its text instead.',
    MESSAGE_TOO_LONG: 'This text is too long: it would take more SMS than allowed.',
    INVALID_REDIRECT_URI: 'A redirect URI is not accepted: a full https address, or http on localhost, with no # or *.',
    OIDC_CLIENT_NOT_FOUND: 'There is no such client.',
  },
};

export const CONSOLE_TEXT: Readonly<Record<PageLocale, ConsoleText>> = { fa, en };
