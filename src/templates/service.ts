import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { AppError } from '../errors/app-error.ts';
import type { TemplateCache } from './cache.ts';
import type { TemplateRecord } from './record.ts';
import type { TemplateInput, TemplateRepository, Written } from './repository.ts';
import { REQUIRED_TEMPLATE_KEYS, templateProblem } from './rules.ts';

/**
 * Managing templates (the admin API). Reads go to the database, so staff see what is stored; every write
 * invalidates this instance's render cache, so its next message uses the edit (other instances within
 * TEMPLATE_CACHE_TTL_MS).
 */
export function createTemplateService(deps: {
  templates: TemplateRepository;
  cache: TemplateCache;
  now: () => number;
}) {
  const { templates, cache, now } = deps;

  return {
    /** Every template, by key then locale; only `key`'s locales when given. */
    async list(key?: string): Promise<TemplateRecord[]> {
      const all = await templates.all();
      return key === undefined ? all : all.filter((record) => record.key === key);
    },

    async get(key: string, locale: string): Promise<TemplateRecord> {
      const record = await templates.get(key, locale);
      if (!record) throw notFound(key, locale);
      return record;
    },

    /**
     * Creates or replaces; VALIDATION_ERROR says what is wrong with the template (see rules.ts). The change is
     * recorded in the audit trail as `actor`'s, in its transaction.
     */
    async put(
      key: string,
      locale: string,
      input: TemplateInput,
      actor: Actor,
    ): Promise<{ record: TemplateRecord; created: boolean }> {
      const problem = templateProblem(key, input);
      if (problem) throw new AppError('VALIDATION_ERROR', problem);
      const at = now();
      try {
        return await templates.put(key, locale, input, at, audited(actor, 'template.put', at));
      } finally {
        cache.invalidate();
      }
    },

    /**
     * Deletes one locale of a template. The last locale of one of the service's own templates is refused
     * (TEMPLATE_REQUIRED, see REQUIRED_TEMPLATE_KEYS); replace it with PUT instead.
     */
    async remove(key: string, locale: string, actor: Actor): Promise<void> {
      let outcome: Awaited<ReturnType<TemplateRepository['remove']>>;
      const at = now();
      const keepLast = REQUIRED_TEMPLATE_KEYS.has(key);
      try {
        outcome = await templates.remove(key, locale, { keepLast }, audited(actor, 'template.delete', at));
      } finally {
        cache.invalidate();
      }
      if (outcome === 'absent') throw notFound(key, locale);
      if (outcome === 'last') throw new AppError('TEMPLATE_REQUIRED');
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;

/** Records a template write in the audit trail: the body and approvals before and after (bounded there). */
function audited(actor: Actor, action: string, at: number): Written {
  return async (trx, before, after) => {
    const { key, locale } = (after ?? before)!;
    const state = (record: TemplateRecord | null) =>
      record && { body: record.body, approved: Object.keys(record.approved).sort() };
    await recordAudit(
      trx,
      { actor, action, target: `${key}/${locale}`, summary: { before: state(before), after: state(after) } },
      at,
    );
  };
}

function notFound(key: string, locale: string): AppError {
  return new AppError('TEMPLATE_NOT_FOUND', `No message template ${key} in locale ${locale}`);
}
