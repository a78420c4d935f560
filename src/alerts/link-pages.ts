import { createHash } from 'node:crypto';

/**
 * The small pages a browser sees at `/s/` and `/c/`: no script, one inline style whose hash the
 * Content-Security-Policy names, nothing loaded from anywhere. Every value put in is escaped.
 */
export type PageLocale = 'fa' | 'en';

export type PageKind = 'stopped' | 'invalid' | 'no_url' | 'unavailable' | 'error';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#222}';

/** The policy of every page: nothing but the one style above; never in a frame; no form posts anywhere. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TEXT: Record<PageLocale, Record<PageKind, { title: string; body: (product: string) => string }>> = {
  en: {
    stopped: {
      title: 'Alerts stopped',
      body: (product) => `You will get no more back-in-stock alerts for ${product}.`,
    },
    invalid: { title: 'Link not valid', body: () => 'This link is not valid. Check that it was copied whole.' },
    no_url: { title: 'Page not found', body: () => 'This product has no page to open.' },
    unavailable: { title: 'Try again soon', body: () => 'The service is busy. Please try again in a moment.' },
    error: { title: 'Something went wrong', body: () => 'Something went wrong. Please try again later.' },
  },
  fa: {
    stopped: {
      title: 'اطلاع‌رسانی متوقف شد',
      body: (product) => `دیگر برای «${product}» پیام موجود شدن دریافت نمی‌کنید.`,
    },
    invalid: { title: 'پیوند نامعتبر', body: () => 'این پیوند معتبر نیست. بررسی کنید که کامل کپی شده باشد.' },
    no_url: { title: 'صفحه پیدا نشد', body: () => 'این کالا صفحه‌ای برای باز کردن ندارد.' },
    unavailable: { title: 'کمی بعد دوباره تلاش کنید', body: () => 'سرویس مشغول است. لطفاً کمی بعد دوباره تلاش کنید.' },
    error: { title: 'خطایی رخ داد', body: () => 'خطایی رخ داد. لطفاً بعداً دوباره تلاش کنید.' },
  },
};

/** `fa` for any Persian tag (fa, fa-IR), else English. */
export function pageLocale(locale: string | null | undefined): PageLocale {
  return locale?.toLowerCase().split(/[-_]/)[0] === 'fa' ? 'fa' : 'en';
}

/** The first of the browser's Accept-Language that we have a page in, else Persian (the shops' language). */
export function pageLocaleOf(acceptLanguage: string | undefined): PageLocale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
    if (tag === 'fa' || tag === 'en') return tag;
  }
  return 'fa';
}

export function renderPage(kind: PageKind, locale: PageLocale, product = ''): string {
  const text = TEXT[locale][kind];
  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  return (
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(text.title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body(product))}</p></body></html>`
  );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
