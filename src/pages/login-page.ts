import { escapeHtml } from '../alerts/link-pages.ts';
import type { PageAssets } from './assets.ts';
import { LOGIN_TEXT, type PageLocale } from './messages.ts';
import { languageLink, otherLocale, pageText, renderShell } from './shell.ts';

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
  const t = pageText(locale);
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
  return renderShell(
    { locale, title: text.title, assets, script: assets.login },
    `<main id="login" data-text="${escapeHtml(JSON.stringify(scriptText))}"` +
      (returnTo ? ` data-return-to="${escapeHtml(returnTo)}"` : '') +
      '>' +
      languageLink(locale, otherLanguageHref(otherLocale(locale), returnTo), text.otherLanguage) +
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
      '</main>',
  );
}
