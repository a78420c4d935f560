import type { ApiKeyScope } from '../../api-keys/scopes.ts';
import type { PageLocale } from '../messages.ts';
import { MANAGE_PAGES } from './manage-pages.ts';

/**
 * A page of the admin console. The server renders its frame (navigation, title, an empty `<section>`) and
 * hands the page's script the staff member's access token; the script fills the section from the admin API,
 * through the same routes, scopes and services as an API key. The page is shown only to a role holding
 * `scope`, and listed in the navigation only for one.
 */
export interface ConsolePage {
  /** Its address: `/admin/<id>`. */
  readonly id: string;
  readonly scope: ApiKeyScope;
  readonly title: Readonly<Record<PageLocale, string>>;
  /** Its script in src/pages/assets (`console-<id>.js`), loaded after console.js. */
  readonly script: string;
  /** Sentences its script shows, per locale, handed over in `data-text` beside the console's own. */
  readonly text: Readonly<Record<PageLocale, Readonly<Record<string, string>>>>;
}

/** The console's pages, in the navigation's order; the first a role may see is where /admin goes. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    id: 'health',
    scope: 'providers:read',
    title: { fa: 'وضعیت سرویس', en: 'Health' },
    script: 'console-health.js',
    text: {
      fa: {
        status: 'وضعیت',
        ok: 'سالم',
        degraded: 'با مشکل',
        configured: 'پیکربندی شده',
        notConfigured: 'پیکربندی نشده',
        check: 'بخش',
        state: 'حالت',
      },
      en: {
        status: 'Status',
        ok: 'healthy',
        degraded: 'degraded',
        configured: 'configured',
        notConfigured: 'not configured',
        check: 'Part',
        state: 'State',
      },
    },
  },
  ...MANAGE_PAGES,
];
