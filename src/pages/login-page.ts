import { escapeHtml } from '../alerts/link-pages.ts';
import type { PageAssets } from './assets.ts';
import { LOGIN_TEXT, localDigits, type PageLocale } from './messages.ts';

/**
 * The pages' policy: their own stylesheet, script and font, and nothing inline; calls only to this origin;
 * forms post nowhere else; never in a frame.
 */
export const LOGIN_CSP = [
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

/**
 * Where to go after signing in: a path on this origin only. `//host` and `/\host` are other hosts to a
 * browser, so they are refused, as is anything with a control character.
 */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  return /^\/(?![/\\])[^\u0000-\u001f\u007f]*$/.test(value) ? value : undefined;
}

/** The same page in the other language, keeping where to go after signing in. */
function otherLanguageHref(other: PageLocale, returnTo: string | undefined): string {
  const query = new URLSearchParams({ lang: other });
  if (returnTo) query.set('return_to', returnTo);
  return `/login?${query}`;
}

/**
 * `GET /login`. The forms start hidden and the script shows them: without script there is only the notice
 * that it is needed, since the sign-in calls are JSON. The script reads its sentences from `data-text`.
 */
export function renderLoginPage(locale: PageLocale, assets: PageAssets, returnTo: string | undefined): string {
  const text = LOGIN_TEXT[locale];
  const other: PageLocale = locale === 'fa' ? 'en' : 'fa';
  const t = (value: string) => escapeHtml(localDigits(value, locale));
  const scriptText = {
    codeSent: text.codeSent,
    resend: text.resend,
    resendIn: text.resendIn,
    signedIn: text.signedIn,
    redirecting: text.redirecting,
    generic: text.generic,
    network: text.network,
    errors: text.errors,
  };
  return (
    `<!doctype html><html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${t(text.title)}</title>` +
    `<link rel="preload" href="/assets/${assets.font.name}" as="font" type="font/woff2" crossorigin>` +
    `<link rel="stylesheet" href="/assets/${assets.css.name}">` +
    `<script src="/assets/${assets.js.name}" defer></script></head><body>` +
    `<main id="login" data-text="${escapeHtml(JSON.stringify(scriptText))}"` +
    (returnTo ? ` data-return-to="${escapeHtml(returnTo)}"` : '') +
    '>' +
    `<nav><a href="${escapeHtml(otherLanguageHref(other, returnTo))}" lang="${other}" hreflang="${other}">` +
    `${escapeHtml(text.otherLanguage)}</a></nav>` +
    `<h1>${t(text.title)}</h1>` +
    `<noscript><p class="notice">${t(text.noScript)}</p></noscript>` +
    '<p id="alert" class="alert" role="alert"></p>' +
    '<form id="phone-step" novalidate hidden>' +
    `<p>${t(text.intro)}</p>` +
    `<label for="phone">${t(text.phoneLabel)}</label>` +
    '<input id="phone" name="phone" type="text" inputmode="tel" autocomplete="tel" dir="ltr" required ' +
    `aria-describedby="phone-hint" maxlength="64"><p id="phone-hint" class="hint">${t(text.phoneHint)}</p>` +
    `<button type="submit">${t(text.sendCode)}</button></form>` +
    '<form id="code-step" novalidate hidden>' +
    '<p id="code-sent"></p>' +
    `<label for="code">${t(text.codeLabel)}</label>` +
    '<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" dir="ltr" ' +
    'required maxlength="32">' +
    `<button type="submit">${t(text.verify)}</button>` +
    '<div class="row"><button type="button" id="resend" class="link" disabled></button>' +
    `<button type="button" id="change" class="link">${t(text.changeNumber)}</button></div></form>` +
    '<div id="done" hidden><p id="done-text" class="done"></p></div>' +
    '</main></body></html>'
  );
}
