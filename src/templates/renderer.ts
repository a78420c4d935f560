import { AppError } from '../errors/app-error.ts';
import type { ApprovedTemplate } from '../sms/provider.ts';
import type { TemplateCache } from './cache.ts';
import { DEFAULT_LOCALE } from './locale.ts';
import { fill, missingParams } from './placeholders.ts';
import type { TemplateRecord } from './record.ts';
import type { TemplateRenderer } from './types.ts';

/**
 * Renders from the in-process cache: no database read per message once the cache is warm. `locale` may be
 * one locale or the caller's preferences, best first; the first one the key has wins, then the default
 * locale, then (so that a key with any template always renders) its first locale in alphabetical order.
 */
export function createTemplateRenderer(cache: TemplateCache): TemplateRenderer {
  const renderer: TemplateRenderer = {
    async renderEach(key, params) {
      const locales = [...((await cache.index()).get(key)?.keys() ?? [])];
      const each = await Promise.all(locales.map((locale) => renderer.render(key, locale, params)));
      return { byLocale: new Map(each.map((m) => [m.locale!, m])), fallback: await renderer.render(key, [], params) };
    },
    async render(key, locale, params) {
      const locales = (await cache.index()).get(key);
      const template = locales && pick(locales, typeof locale === 'string' ? [locale] : (locale ?? []));
      if (!template) throw new AppError('TEMPLATE_NOT_FOUND', `No message template with the key ${key}`);

      const needed = [...template.placeholders];
      for (const { args } of Object.values(template.approved)) needed.push(...args);
      const missing = missingParams([...new Set(needed)], params);
      if (missing.length > 0) {
        throw new AppError('TEMPLATE_PARAMS_MISSING', `No value for ${missing.map((n) => `{${n}}`).join(', ')}`, {
          missing,
        });
      }
      return {
        template: key,
        locale: template.locale,
        text: fill(template.body, params),
        params: { ...params },
        approvedBy: approvalsFor(template, params),
      };
    },
  };
  return renderer;
}

function pick(locales: ReadonlyMap<string, TemplateRecord>, preferred: readonly string[]): TemplateRecord | undefined {
  for (const locale of [...preferred, DEFAULT_LOCALE]) {
    const template = locales.get(locale);
    if (template) return template;
  }
  const [first] = [...locales.keys()].sort();
  return first === undefined ? undefined : locales.get(first);
}

function approvalsFor(
  template: TemplateRecord,
  params: Readonly<Record<string, string>>,
): Record<string, ApprovedTemplate> {
  const approvedBy: Record<string, ApprovedTemplate> = {};
  for (const [provider, { id, args }] of Object.entries(template.approved)) {
    approvedBy[provider] = { id, args: args.map((name) => ({ name, value: params[name]! })) };
  }
  return approvedBy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The template renderer (decorated in app.ts): the Telegram bot writes its messages with it. */
    readonly templateRenderer: TemplateRenderer;
  }
}
