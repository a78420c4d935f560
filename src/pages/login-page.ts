import { escapeHtml } from '../alerts/link-pages.ts';
import type { PageAssets } from './assets.ts';
import { LOGIN_TEXT, type LoginText, type PageLocale } from './messages.ts';
import { languageLink, otherLocale, pageText, renderShell } from './shell.ts';

const HERE = 'http://return-to.invalid';

/**
 * Where to go after signing in: a path on this origin only. `//host` and `/\host` are other hosts to a
 * browser, so they are refused, before and after dot-segments are resolved, as is anything with a control
 * character. What is kept is written as a
 * browser sends it, everything outside ASCII percent-encoded (a Persian path, a direction mark), so that it
 * can stand in a `Location` header.
 */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!/^\/(?![/\\])[^\u0000-\u001f\u007f]*$/.test(value)) return undefined;
  const url = new URL(value, HERE);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot-segments are resolved first (`/a/..//evil.example` is `//evil.example`): the result is checked again.
  return url.origin === HERE && !/^\/[/\\]/.test(path) ? path : undefined;
}

/** `/login` with these in its query: the page in a language, where to go once signed in, an error to say. */
export function loginHref(query: { lang?: PageLocale; returnTo?: string; error?: string }): string {
  const params = new URLSearchParams();
  if (query.lang) params.set('lang', query.lang);
  if (query.returnTo) params.set('return_to', query.returnTo);
  if (query.error) params.set('error', query.error);
  const search = params.toString();
  return search ? `/login?${search}` : '/login';
}

export interface LoginOptions {
  readonly returnTo?: string;
  /** An error code to say at once: a sign-in that came back to the page refused (`?error=`). */
  readonly error?: string;
  /** Already signed in to the pages, with nowhere to go: say so, offer to sign out, and no forms. */
  readonly signedIn?: boolean;
  /** The ways in with Telegram that are configured: the bot's link, and Log In With Telegram's start URL. */
  readonly telegram: { readonly bot: boolean; readonly oidcStart: string | null };
}

/**
 * `GET /login`. The forms start hidden and the script shows them: without script there is only the notice
 * that it is needed, since the sign-in calls are JSON. The scripts read their sentences from `data-text`.
 */
export function renderLoginPage(locale: PageLocale, assets: PageAssets, options: LoginOptions): string {
  const text = LOGIN_TEXT[locale];
  const t = pageText(locale);
  const { returnTo, telegram } = options;
  const scriptText = {
    codeSent: text.codeSent,
    codeSentEarlier: text.codeSentEarlier,
    resend: text.resend,
    resendIn: text.resendIn,
    signedIn: text.signedIn,
    redirecting: text.redirecting,
    generic: text.generic,
    network: text.network,
    errors: text.errors,
  };
  const error = options.error && /^[A-Z_]{1,64}$/.test(options.error) ? options.error : undefined;
  const alert = error ? (text.errors[error as keyof typeof text.errors] ?? text.generic) : '';
  const scripts = options.signedIn ? [] : [assets.login, ...(telegram.bot ? [assets.telegram] : [])];
  return renderShell(
    { locale, title: text.title, assets, scripts },
    `<main id="login" data-text="${escapeHtml(JSON.stringify(scriptText))}"` +
      (returnTo ? ` data-return-to="${escapeHtml(returnTo)}"` : '') +
      '>' +
      languageLink(locale, loginHref({ lang: otherLocale(locale), returnTo }), text.otherLanguage) +
      `<h1>${t(text.title)}</h1>` +
      (options.signedIn ? signedInPart(text, t) : formsPart(text, t, alert, telegram)) +
      '</main>',
  );
}

/** The sentences of one page, escaped, in the page's digits. */
type Say = (value: string) => string;

function signedInPart(text: LoginText, t: Say): string {
  return (
    `<div id="done"><p class="done">${t(text.alreadySignedIn)}</p>` +
    `<form method="post" action="/logout"><button type="submit">${t(text.signOut)}</button></form></div>`
  );
}

function formsPart(text: LoginText, t: Say, alert: string, telegram: LoginOptions['telegram']): string {
  return (
    `<noscript><p class="notice">${t(text.noScript)}</p></noscript>` +
    `<p id="alert" class="alert" role="alert">${t(alert)}</p>` +
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
    telegramPart(text, t, telegram) +
    '<div id="done" hidden><p id="done-text" class="done"></p></div>'
  );
}

/**
 * The ways in with Telegram, each only when configured. Log In With Telegram is a link to the API's start,
 * which comes back to /login/telegram; the bot's sign-in is run by telegram.js, which shows its QR code (an
 * image of the server's SVG, never markup put into the page) or, on a phone, a button that opens Telegram.
 */
function telegramPart(text: LoginText, t: Say, telegram: LoginOptions['telegram']): string {
  if (!telegram.bot && telegram.oidcStart === null) return '';
  const botText = {
    scan: text.telegramScan,
    tap: text.telegramTap,
    expired: text.telegramExpired,
    cancelled: text.telegramCancelled,
    used: text.telegramUsed,
  };
  return (
    '<div id="telegram" hidden>' +
    `<p id="tg-or" class="or"><span>${t(text.or)}</span></p>` +
    (telegram.oidcStart === null
      ? ''
      : `<a id="tg-login" class="button tg" href="${escapeHtml(telegram.oidcStart)}">${t(text.telegramLogin)}</a>`) +
    (telegram.bot
      ? `<button type="button" id="tg-bot" class="button tg">${t(text.telegramBot)}</button>` +
        `<div id="tg-link" data-text="${escapeHtml(JSON.stringify(botText))}" hidden>` +
        `<h2 id="tg-title" tabindex="-1">${t(text.telegramBot)}</h2><p id="tg-say" role="status"></p>` +
        `<img id="tg-qr" alt="${t(text.telegramQrAlt)}" width="232" height="232" hidden>` +
        `<a id="tg-open" class="button tg" target="_blank" rel="noopener noreferrer" hidden>${t(text.telegramOpen)}</a>` +
        `<button type="button" id="tg-new" class="button tg" hidden>${t(text.telegramNewCode)}</button>` +
        '<div class="row">' +
        `<a id="tg-open-here" class="link" target="_blank" rel="noopener noreferrer" hidden>${t(text.telegramOpenHere)}</a>` +
        `<button type="button" id="tg-back" class="link">${t(text.telegramBack)}</button></div></div>`
      : '') +
    '</div>'
  );
}
