import type { FastifyRequest } from 'fastify';
import type { PageLocale } from './messages.ts';

export const LANG_COOKIE = 'otpgate_lang';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

const asLocale = (value: unknown): PageLocale | undefined => (value === 'fa' || value === 'en' ? value : undefined);

/** The one cookie the pages read; parsed here so that the pages need no cookie plugin (it is optional). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The page's language: `?lang=` when it names one we have (and then it is to be remembered), else the
 * remembered choice, else Persian, the shops' customers' language.
 */
export function chooseLocale(
  request: FastifyRequest,
  lang: string | undefined,
): { locale: PageLocale; remember: boolean } {
  const asked = asLocale(lang);
  if (asked) return { locale: asked, remember: true };
  return { locale: asLocale(cookieValue(request.headers.cookie, LANG_COOKIE)) ?? 'fa', remember: false };
}

/** Not HttpOnly: it holds nothing secret. Secure wherever the page is (or must be) served over TLS. */
export function langCookie(locale: PageLocale, secure: boolean): string {
  return `${LANG_COOKIE}=${locale}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
