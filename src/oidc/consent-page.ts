import { escapeHtml } from '../alerts/link-pages.ts';
import type { PageAssets } from '../pages/assets.ts';
import { localDigits, type PageLocale } from '../pages/messages.ts';
import { HEAD_META } from '../pages/shell.ts';
import { OIDC_PAGE_TEXT, type OidcPageText } from './page-text.ts';

/**
 * The hosted pages' policy (pages/shell.ts PAGE_CSP), with the form's targets named: a browser applies
 * `form-action` to the redirects after a POST too, and an allowed sign-in (or a sign-out) ends at the client,
 * on its own origin. The pages are plain forms with no script; `script-src 'self'` is there for oidc-provider's
 * own auto-submitting form, which adds its inline script's hash to it.
 */
export function oidcPageCsp(formTargets: readonly string[] = []): string {
  const origins = [...new Set(formTargets.map((uri) => URL.parse(uri)?.origin).filter((o) => o && o !== 'null'))];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `form-action 'self'${origins.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** One page's frame: language, direction, the pages' stylesheet and font, and a link to the other language. */
function shell(locale: PageLocale, assets: PageAssets, title: string, otherHref: string | null, body: string): string {
  const text = OIDC_PAGE_TEXT[locale];
  const other: PageLocale = locale === 'fa' ? 'en' : 'fa';
  return (
    `<!doctype html><html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}"><head>${HEAD_META}` +
    `<title>${escapeHtml(title)}</title>` +
    `<link rel="preload" href="/assets/${assets.font.name}" as="font" type="font/woff2" crossorigin>` +
    `<link rel="stylesheet" href="/assets/${assets.css.name}"></head><body><main>` +
    (otherHref
      ? `<nav><a href="${escapeHtml(otherHref)}" lang="${other}" hreflang="${other}">` +
        `${escapeHtml(text.otherLanguage)}</a></nav>`
      : '') +
    `<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

/** Each part of `sentence` around `{name}` escaped, and `html` (already safe) put in its place. */
const fill = (sentence: string, name: string, html: string) =>
  sentence
    .split(`{${name}}`)
    .map((part) => escapeHtml(part))
    .join(html);

export interface ConsentView {
  readonly uid: string;
  readonly clientName: string;
  readonly scopes: readonly string[];
  /** The signed-in user's number (E.164), or null for one without. */
  readonly phone: string | null;
}

const known = (text: OidcPageText, scope: string): scope is keyof OidcPageText['scopes'] => scope in text.scopes;

/** The question put to a user when a client that is not the shop's own asks to sign them in. */
export function renderConsentPage(locale: PageLocale, assets: PageAssets, view: ConsentView): string {
  const text = OIDC_PAGE_TEXT[locale];
  const t = (value: string) => escapeHtml(localDigits(value, locale));
  const items = view.scopes
    .filter((scope) => known(text, scope))
    .map((scope) => `<li>${t(text.scopes[scope as keyof OidcPageText['scopes']])}</li>`)
    .join('');
  const client = `<span class="client" dir="auto">${escapeHtml(view.clientName)}</span>`;
  const phone = view.phone ? `<bdi dir="ltr">${escapeHtml(localDigits(view.phone, locale))}</bdi>` : null;
  const action = `/oidc/interaction/${encodeURIComponent(view.uid)}/consent`;
  return shell(
    locale,
    assets,
    text.consentTitle,
    `/oidc/interaction/${encodeURIComponent(view.uid)}?lang=${locale === 'fa' ? 'en' : 'fa'}`,
    `<p>${fill(text.consentIntro, 'client', client)}</p><ul class="scopes">${items}</ul>` +
      (phone ? `<p class="hint">${fill(text.signedInAs, 'phone', phone)}</p>` : '') +
      `<form method="post" action="${action}">` +
      `<button type="submit" name="decision" value="allow">${t(text.allow)}</button>` +
      `<button type="submit" name="decision" value="deny" class="secondary">${t(text.deny)}</button></form>`,
  );
}

/**
 * oidc-provider's sign-out question (`logoutSource`): its form (a hidden CSRF token) is put in as it comes,
 * and the buttons submit it: `logout=yes` ends the sign-in everywhere, the other only for the client asking.
 */
export function renderLogoutPage(locale: PageLocale, assets: PageAssets, form: string): string {
  const text = OIDC_PAGE_TEXT[locale];
  const t = (value: string) => escapeHtml(localDigits(value, locale));
  return shell(
    locale,
    assets,
    text.logoutTitle,
    null,
    `<p>${t(text.logoutQuestion)}</p>${form}` +
      `<button type="submit" form="op.logoutForm" name="logout" value="yes">${t(text.logoutYes)}</button>` +
      `<button type="submit" form="op.logoutForm" class="secondary">${t(text.logoutNo)}</button>`,
  );
}

/** After a sign-out that names no page of the client to go back to. */
export function renderLoggedOutPage(locale: PageLocale, assets: PageAssets): string {
  const text = OIDC_PAGE_TEXT[locale];
  return shell(locale, assets, text.loggedOutTitle, null, `<p>${escapeHtml(text.loggedOut)}</p>`);
}

/** A request the provider cannot send back to a client (unknown client, wrong redirect URI, expired step). */
export function renderErrorPage(locale: PageLocale, assets: PageAssets, error: string): string {
  const text = OIDC_PAGE_TEXT[locale];
  return shell(
    locale,
    assets,
    text.errorTitle,
    null,
    `<p>${escapeHtml(text.errorText)}</p><p class="hint" dir="ltr"><code>${escapeHtml(error)}</code></p>`,
  );
}
