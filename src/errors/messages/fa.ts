import type { MessageCatalogue } from './catalogue.ts';

/** Persian. */
export const fa: MessageCatalogue = {
  VALIDATION_ERROR: 'درخواست معتبر نیست',
  INVALID_PHONE: 'این شماره، شمارهٔ موبایل معتبری از کشورهای پذیرفته‌شده نیست',
  OTP_INVALID: 'کد واردشده درست نیست',
  OTP_EXPIRED: 'کد منقضی شده یا درخواست نشده است؛ کد جدیدی درخواست کنید',
  OTP_ATTEMPTS_EXCEEDED: 'کد نادرست بیش از حد مجاز وارد شده است؛ کد جدیدی درخواست کنید',
  RATE_LIMITED: 'تعداد درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید',
  SMS_FAILED: 'ارسال پیامک ممکن نشد؛ دوباره تلاش کنید',
  UNAUTHORIZED: 'باید وارد حساب شوید، یا ورود شما منقضی شده است',
  REAUTH_REQUIRED: 'این کار به ورود تازه نیاز دارد: دوباره با کد وارد شوید و سپس تلاش کنید',
  FORBIDDEN: 'اعتبارنامه معتبر است، اما اجازهٔ این کار را نمی‌دهد',
  ORIGIN_NOT_ALLOWED: 'درخواستی که با کوکی نشست احراز می‌شود باید از یک مبدأ مجاز فرستاده شود',
  PHONE_IN_USE: 'این شماره به حساب دیگری تعلق دارد',
  NOT_FOUND: 'یافت نشد',
  REQUEST_TIMEOUT: 'درخواست به‌موقع دریافت نشد',
  PAYLOAD_TOO_LARGE: 'بدنهٔ درخواست بیش از حد بزرگ است',
  UNSUPPORTED_MEDIA_TYPE:
    'نوع محتوای بدنهٔ درخواست (Content-Type) را این مسیر نمی‌پذیرد (application/json؛ مسیر introspect فقط application/x-www-form-urlencoded)',
  DATABASE_UNAVAILABLE: 'پایگاه داده در دسترس نیست؛ کمی بعد دوباره تلاش کنید',
  SERVICE_UNAVAILABLE: 'این سرور در حال خاموش شدن است؛ دوباره تلاش کنید',
  INTERNAL_ERROR: 'خطای داخلی',
  IDEMPOTENCY_KEY_REUSED: 'این Idempotency-Key پیش‌تر برای درخواست دیگری به کار رفته است',
  TEMPLATE_NOT_FOUND: 'قالب پیامی با این کلید وجود ندارد',
  TEMPLATE_PARAMS_MISSING: 'برای برخی از جای‌نگهدارهای قالب مقداری داده نشده است',
  MESSAGE_TOO_LONG: 'این پیام در بیش از تعداد پیامکی که SMS_MAX_PARTS اجازه می‌دهد فرستاده می‌شود؛ آن را کوتاه‌تر کنید',
  TEMPLATE_RESERVED:
    'این قالب را خود سرویس می‌فرستد (پیام کد یا اطلاعیهٔ تغییر شماره)؛ هیچ کلیدی اجازهٔ فرستادن آن را ندارد',
  TEMPLATE_REQUIRED: 'این قالب را خود سرویس می‌فرستد و این آخرین زبانِ باقی‌ماندهٔ آن است',
  MESSAGE_NOT_CANCELLABLE: 'فقط پیامی که در صف است لغو می‌شود؛ این پیام در حال ارسال است یا ارسال شده است',
  USER_BLOCKED: 'این حساب مسدود شده است؛ با فروشگاه تماس بگیرید',
  USER_PHONE_CONFLICT: 'این شماره از قبل به کاربری با شناسهٔ external_id دیگری تعلق دارد',
  EXTERNAL_ID_IN_USE: 'این external_id از قبل به کاربری با شماره‌ای دیگر تعلق دارد',
  EVENT_IN_FLIGHT: 'این رویداد هم‌اکنون در حال ارسال است؛ پس از پایان این تلاش دوباره بفرستید',
  EXPECTATION_FAILED: 'سرآیند Expect چیزی می‌خواهد که این سرویس انجام نمی‌دهد؛ درخواست را بدون آن بفرستید',
};
