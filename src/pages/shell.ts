import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../alerts/link-pages.ts';
import type { Asset, PageAssets } from './assets.ts';
import { localDigits, type PageLocale } from './messages.ts';

/**
 * The pages' policy: their own stylesheet, scripts and font, and nothing inline; images from this origin or
 * `data:` (the Telegram link's QR code); calls only to this origin; forms post nowhere else; never in a frame.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const script = (asset: Asset) => `<script src="/assets/${asset.name}" defer></script>`;

/**
 * The first tags of every page's head. The empty icon stops browsers asking for /favicon.ico, which is not
 * served (each such 404 is an error in the console).
 */
export const HEAD_META =
  '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
  '<meta name="robots" content="noindex"><link rel="icon" href="data:,">';

export const otherLocale = (locale: PageLocale): PageLocale => (locale === 'fa' ? 'en' : 'fa');

/** Text for the page: escaped, with the locale's digits. */
export const pageText = (locale: PageLocale) => (value: string) => escapeHtml(localDigits(value, locale));

/** The link to the same page in the other language, named in that language. */
export function languageLink(locale: PageLocale, href: string, label: string): string {
  const other = otherLocale(locale);
  return `<nav><a href="${escapeHtml(href)}" lang="${other}" hreflang="${other}">${escapeHtml(label)}</a></nav>`;
}

/**
 * A whole page: the head every page has (the font, the stylesheet, the common script, then the page's own;
 * `defer` keeps that order; a page with no script of its own loads none) and `body`, which is already HTML.
 */
export function renderShell(
  page: { locale: PageLocale; title: string; assets: PageAssets; scripts: readonly Asset[] },
  body: string,
): string {
  const { locale, assets } = page;
  return (
    `<!doctype html><html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}"><head>${HEAD_META}` +
    `<title>${pageText(locale)(page.title)}</title>` +
    `<link rel="preload" href="/assets/${assets.font.name}" as="font" type="font/woff2" crossorigin>` +
    `<link rel="stylesheet" href="/assets/${assets.css.name}">` +
    (page.scripts.length === 0 ? '' : [assets.common, ...page.scripts].map(script).join('')) +
    `</head><body>${body}</body></html>`
  );
}

/**
 * Sends a page with the headers every page has. `private`: a page of a signed-in visitor (it carries an
 * access token), which no cache may keep.
 */
export function sendPage(
  reply: FastifyReply,
  locale: PageLocale,
  html: string,
  options: { private?: boolean } = {},
): FastifyReply {
  if (options.private) reply.header('cache-control', 'no-store');
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('content-security-policy', PAGE_CSP)
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .send(html);
}
