import { escapeHtml } from '../../alerts/link-pages.ts';
import type { StaffAccess } from '../../staff/service.ts';
import type { PageAssets } from '../assets.ts';
import { localDigits, type PageLocale } from '../messages.ts';
import { HEAD_META } from '../shell.ts';
import { CONSOLE_TEXT } from './messages.ts';
import { CONSOLE_PAGES, type ConsolePage } from './pages.ts';

/** The pages a role may see: those whose scope it holds. */
export const pagesFor = (staff: Pick<StaffAccess, 'scopes'>): ConsolePage[] =>
  CONSOLE_PAGES.filter((page) => staff.scopes.includes(page.scope));

function head(locale: PageLocale, title: string, assets: PageAssets, scripts: readonly string[]): string {
  return (
    `<!doctype html><html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}"><head>${HEAD_META}` +
    `<title>${escapeHtml(title)}</title>` +
    `<link rel="preload" href="/assets/${assets.font.name}" as="font" type="font/woff2" crossorigin>` +
    `<link rel="stylesheet" href="/assets/${assets.file('console.css').name}">` +
    // common.js first: the console's own script builds on it (otpgatePage).
    (scripts.length === 0 ? [] : ['common.js', ...scripts])
      .map((script) => `<script src="/assets/${assets.file(script).name}" defer></script>`)
      .join('') +
    '</head>'
  );
}

/** The same address in the other language. */
const otherLanguage = (path: string, locale: PageLocale) => {
  const other: PageLocale = locale === 'fa' ? 'en' : 'fa';
  return `<a href="${escapeHtml(path)}?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(CONSOLE_TEXT[locale].otherLanguage)}</a>`;
};

/** Sign-out is a form's POST to /logout, which checks the request's Origin. */
const signOut = (locale: PageLocale) =>
  `<form method="post" action="/logout" class="sign-out"><button type="submit" class="link">${escapeHtml(CONSOLE_TEXT[locale].signOut)}</button></form>`;

/**
 * A console page: the navigation of the pages the role may see, the page's title, and an empty section that
 * its script fills. `data-token` is the staff member's access token for the admin API (minutes long); the
 * page is served no-store, so it is not kept anywhere but this tab.
 */
export function renderConsolePage(args: {
  locale: PageLocale;
  assets: PageAssets;
  staff: StaffAccess;
  page: ConsolePage;
  accessToken: string;
  /** The item of `/admin/<page>/<id>`, for the page's script. */
  id?: string | undefined;
}): string {
  const { locale, assets, staff, page, accessToken, id } = args;
  const text = CONSOLE_TEXT[locale];
  const nav = pagesFor(staff)
    .map((one) => {
      const current = one.id === page.id ? ' aria-current="page"' : '';
      return `<li><a href="/admin/${one.id}"${current}>${escapeHtml(one.title[locale])}</a></li>`;
    })
    .join('');
  const scriptText = {
    loading: text.loading,
    empty: text.empty,
    generic: text.generic,
    network: text.network,
    errors: text.errors,
    ...page.text[locale],
  };
  // A number reads left to right on a Persian page too, its + first.
  const who = `<bdi dir="ltr">${escapeHtml(localDigits(staff.phoneNumber ?? staff.userId, locale))}</bdi> · ${escapeHtml(text.roles[staff.role])}`;
  return (
    head(locale, `${page.title[locale]} · ${text.console}`, assets, ['console.js', page.script]) +
    '<body><header class="bar">' +
    `<strong>${escapeHtml(text.console)}</strong><span class="who">${who}</span>` +
    `<span class="tools">${otherLanguage(`/admin/${page.id}`, locale)}${signOut(locale)}</span></header>` +
    `<nav aria-label="${escapeHtml(text.console)}"><ul>${nav}</ul></nav>` +
    `<main id="console" data-page="${page.id}" data-token="${escapeHtml(accessToken)}" ` +
    // What the role may do, so a page can hide or disable what the admin API would refuse anyway.
    `data-scopes="${escapeHtml(staff.scopes.join(' '))}" ` +
    (id === undefined ? '' : `data-id="${escapeHtml(id)}" `) +
    `data-text="${escapeHtml(JSON.stringify(scriptText))}">` +
    `<h1>${escapeHtml(page.title[locale])}</h1>` +
    `<noscript><p class="notice">${escapeHtml(text.noScript)}</p></noscript>` +
    '<p id="alert" class="alert" role="alert"></p>' +
    `<section id="content" aria-live="polite"><p class="muted">${escapeHtml(text.loading)}</p></section>` +
    '</main></body></html>'
  );
}

/** The console's refusal, as a page: not staff, no such page, or a role without the page's scope. */
export function renderConsoleRefusal(args: {
  locale: PageLocale;
  assets: PageAssets;
  path: string;
  reason: 'staff_only' | 'not_found' | { role: 'admin' | 'support' };
}): string {
  const { locale, assets, path, reason } = args;
  const text = CONSOLE_TEXT[locale];
  const [title, sentence] =
    reason === 'staff_only'
      ? [text.staffOnlyTitle, text.staffOnly]
      : reason === 'not_found'
        ? [text.notFoundTitle, text.notFound]
        : [text.roleTitle, text.roleLacks.replace('{role}', text.roles[reason.role])];
  return (
    head(locale, title, assets, []) +
    `<body><header class="bar"><strong>${escapeHtml(text.console)}</strong>` +
    `<span class="tools">${otherLanguage(path, locale)}${signOut(locale)}</span></header>` +
    `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(sentence)}</p></main></body></html>`
  );
}
