import { escapeHtml } from '../alerts/link-pages.ts';
import { ACCOUNT_TEXT, accountErrors } from './account-messages.ts';
import type { PageAssets } from './assets.ts';
import { LOGIN_TEXT, type PageLocale } from './messages.ts';
import { languageLink, otherLocale, pageText, renderShell } from './shell.ts';

/**
 * `GET /account`, for a visitor signed in to the pages. The server renders the frame only: the number, the
 * sessions, Telegram and the alerts are read by the script from the JSON API, with the access token in
 * `data-token` (the page is never cached). Sections start hidden and the script shows them once filled;
 * without script there is only the notice. `telegram`: whether the bot is configured, so linking can be
 * offered.
 */
export function renderAccountPage(
  locale: PageLocale,
  assets: PageAssets,
  accessToken: string,
  telegram: boolean,
): string {
  const text = ACCOUNT_TEXT[locale];
  const login = LOGIN_TEXT[locale];
  const t = pageText(locale);
  const scriptText = {
    ...text,
    resend: login.resend,
    resendIn: login.resendIn,
    generic: login.generic,
    network: login.network,
    errors: accountErrors(locale),
  };
  /** A section's own alert (errors) and status (what was done), next to what the visitor acted on. */
  const messages = '<p class="alert" role="alert"></p><p class="status" role="status"></p>';
  const codeField = (id: string, label: string) =>
    `<label for="${id}">${t(label)}</label>` +
    `<input id="${id}" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" dir="ltr" ` +
    'required maxlength="32" class="code">';
  const resendRow = (id: string) =>
    `<div class="row"><button type="button" id="${id}" class="link" disabled></button>` +
    `<button type="button" class="link cancel">${t(text.cancel)}</button></div>`;

  return renderShell(
    { locale, title: text.title, assets, scripts: [assets.account] },
    `<main id="account" class="wide" data-text="${escapeHtml(JSON.stringify(scriptText))}" ` +
      `data-token="${escapeHtml(accessToken)}" data-telegram="${telegram ? 'on' : 'off'}">` +
      languageLink(locale, `/account?lang=${otherLocale(locale)}`, text.otherLanguage) +
      `<h1>${t(text.title)}</h1>` +
      `<noscript><p class="notice">${t(text.noScript)}</p></noscript>` +
      `<p id="loading" class="hint">${t(text.loading)}</p>` +
      // The number, and changing it: a code to the new number, or first a fresh sign-in when the session's is old.
      '<section id="phone-section" aria-labelledby="phone-title" hidden>' +
      `<h2 id="phone-title">${t(text.phoneTitle)}</h2>${messages}` +
      '<p id="phone-now" class="value"></p>' +
      `<button type="button" id="change-open" class="secondary">${t(text.changePhone)}</button>` +
      '<form id="change-phone-step" novalidate hidden>' +
      `<label for="new-phone">${t(text.newPhoneLabel)}</label>` +
      '<input id="new-phone" name="phone" type="text" inputmode="tel" autocomplete="off" dir="ltr" required ' +
      `maxlength="64" aria-describedby="new-phone-hint"><p id="new-phone-hint" class="hint">${t(text.newPhoneHint)}</p>` +
      `<button type="submit">${t(text.sendCode)}</button>` +
      `<div class="row"><button type="button" class="link cancel">${t(text.cancel)}</button></div></form>` +
      '<form id="change-code-step" novalidate hidden><p id="change-code-sent"></p>' +
      codeField('change-code', text.codeLabel) +
      `<button type="submit">${t(text.confirm)}</button>${resendRow('change-resend')}</form>` +
      '<div id="reauth" hidden><p id="reauth-text"></p>' +
      `<form id="reauth-send-step" novalidate><button type="submit">${t(text.reauthSend)}</button>` +
      `<div class="row"><button type="button" class="link cancel">${t(text.cancel)}</button></div></form>` +
      '<form id="reauth-code-step" novalidate hidden>' +
      codeField('reauth-code', login.codeLabel) +
      `<button type="submit">${t(text.reauthVerify)}</button>${resendRow('reauth-resend')}</form></div>` +
      '</section>' +
      '<section id="sessions-section" aria-labelledby="sessions-title" hidden>' +
      `<h2 id="sessions-title">${t(text.sessionsTitle)}</h2>${messages}` +
      '<ul id="sessions" class="list"></ul>' +
      `<button type="button" id="end-others" class="secondary">${t(text.endOthers)}</button>` +
      '</section>' +
      '<section id="telegram-section" aria-labelledby="telegram-title" hidden>' +
      `<h2 id="telegram-title">${t(text.telegramTitle)}</h2>${messages}` +
      '<p id="telegram-state"></p>' +
      `<button type="button" id="telegram-link" class="secondary" hidden>${t(text.telegramLink)}</button>` +
      `<button type="button" id="telegram-unlink" class="secondary" hidden>${t(text.telegramUnlink)}</button>` +
      '<div id="telegram-started" hidden>' +
      `<p><a id="telegram-url" class="button" target="_blank" rel="noopener noreferrer">${t(text.telegramOpen)}</a></p>` +
      `<p>${t(text.telegramScan)}</p><img id="telegram-qr" class="qr" alt="${t(text.telegramQrAlt)}" width="200" height="200">` +
      '<p id="telegram-expires" class="hint"></p></div>' +
      '</section>' +
      '<section id="alerts-section" aria-labelledby="alerts-title" hidden>' +
      `<h2 id="alerts-title">${t(text.alertsTitle)}</h2>${messages}` +
      `<ul id="alerts" class="list"></ul><p id="no-alerts" hidden>${t(text.noAlerts)}</p>` +
      '</section>' +
      // A form, not a call: /logout ends the pages' cookie session (checking Origin) and goes to /login.
      '<form id="sign-out" method="post" action="/logout">' +
      `<button type="submit" class="danger">${t(text.signOut)}</button></form>` +
      '</main>',
  );
}
