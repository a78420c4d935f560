import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { AppError } from '../errors/app-error.ts';
import { assertFits } from '../text/message-size.ts';
import type { TemplateCache } from './cache.ts';
import { decodeTemplateCursor, encodeTemplateCursor } from './cursor.ts';
import type { TemplateRecord } from './record.ts';
import { placeholdersOf } from './placeholders.ts';
import { previewTemplate } from './preview.ts';
import type { TemplateInput, TemplateRepository, Written } from './repository.ts';
import { CODE_TEMPLATE_KEYS, isSentByService, shortestRendering, templateProblem, type CodeFill } from './rules.ts';

/**
 * Managing templates (the admin API). Reads go to the database, so staff see what is stored; every write
 * invalidates this instance's render cache, so its next message uses the edit (other instances within
 * TEMPLATE_CACHE_TTL_MS).
 */
export function createTemplateService(deps: {
  templates: TemplateRepository;
  cache: TemplateCache;
  now: () => number;
  /** SMS_MAX_PARTS. */
  maxParts: number;
  codeFill: CodeFill;
}) {
  const { templates, cache, now } = deps;

  /**
   * A message the service sends itself (a notice, a bot message) is rendered with the values the service
   * has, no others: a placeholder it does not fill would fail every such message, and one left out can take
   * away what the message must show (the device and address of a sign-in to confirm). So an edit keeps
   * exactly the placeholders the key already has. Code messages have their own rule (rules.ts).
   */
  async function sentByServiceProblem(key: string, input: TemplateInput): Promise<string | null> {
    if (CODE_TEMPLATE_KEYS.has(key) || !isSentByService(key)) return null;
    const existing = (await cache.index()).get(key);
    if (!existing || existing.size === 0) return null;
    const expected = [...new Set([...existing.values()].flatMap((record) => record.placeholders))].sort();
    const parsed = placeholdersOf(input.body);
    const given = parsed.ok ? [...new Set(parsed.names)].sort() : [];
    if (given.join() === expected.join()) return null;
    const list = expected.length === 0 ? 'no placeholders' : expected.map((name) => `{${name}}`).join(', ');
    return `${key} is a message the service sends with its own values: its body must use exactly ${list}`;
  }

  return {
    /**
     * One page of templates, by key then locale, after `cursor` (a `next` of an earlier page); only `key`'s
     * locales when given. `next` is null on the last page.
     */
    async list(query: { key?: string | undefined; cursor?: string | undefined; limit: number }) {
      const after = query.cursor === undefined ? undefined : decodeTemplateCursor(query.cursor);
      if (after === null) throw new AppError('VALIDATION_ERROR', 'cursor is not one this listing returned');
      // One row more than asked tells whether another page follows without a second query.
      const rows = await templates.page({ key: query.key, after, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const next = rows.length > query.limit && last ? encodeTemplateCursor(last) : null;
      return { templates: page, next };
    },

    async get(key: string, locale: string): Promise<TemplateRecord> {
      const record = await templates.get(key, locale);
      if (!record) throw notFound(key, locale);
      return record;
    },

    /**
     * Creates or replaces; VALIDATION_ERROR says what is wrong with the template (see rules.ts), and
     * MESSAGE_TOO_LONG refuses a body that would go out as more than SMS_MAX_PARTS SMS even with the shortest
     * values. The change is recorded in the audit trail as `actor`'s, in its transaction.
     */
    async put(
      key: string,
      locale: string,
      input: TemplateInput,
      actor: Actor,
    ): Promise<{ record: TemplateRecord; created: boolean }> {
      const problem = templateProblem(key, input) ?? (await sentByServiceProblem(key, input));
      if (problem) throw new AppError('VALIDATION_ERROR', problem);
      const names = placeholdersOf(input.body);
      if (names.ok) assertFits(shortestRendering(key, input.body, names.names, deps.codeFill), deps.maxParts);
      const at = now();
      try {
        return await templates.put(key, locale, input, at, audited(actor, 'template.put', at));
      } finally {
        cache.invalidate();
      }
    },

    /**
     * A body as it would go out with sample values, its size in SMS, and what would stop it from being saved
     * for `key` (null when nothing would): the console's editor asks as its user types. Reads nothing but
     * the render cache, for the rule of the service's own messages.
     */
    async preview(input: { key?: string | undefined; locale: string; body: string }) {
      const shown = previewTemplate(input.key, input.locale, input.body, deps.codeFill);
      const parsed = placeholdersOf(input.body);
      const template = { body: input.body, approved: {} };
      let problem: string | null = input.key === undefined ? null : templateProblem(input.key, template);
      if (problem === null && input.body.trim() === '') problem = 'body is empty';
      if (problem === null && !parsed.ok) problem = parsed.problem;
      if (problem === null && input.key !== undefined) problem = await sentByServiceProblem(input.key, template);
      if (problem === null && parsed.ok) {
        const shortest = shortestRendering(input.key ?? '', input.body, parsed.names, deps.codeFill);
        try {
          assertFits(shortest, deps.maxParts);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problem = error.message;
        }
      }
      return { ...shown, placeholders: parsed.ok ? parsed.names : [], problem, maxParts: deps.maxParts };
    },

    /**
     * Deletes one locale of a template. The last locale of one of the service's own templates is refused
     * (TEMPLATE_REQUIRED, see REQUIRED_TEMPLATE_KEYS); replace it with PUT instead.
     */
    async remove(key: string, locale: string, actor: Actor): Promise<void> {
      let outcome: Awaited<ReturnType<TemplateRepository['remove']>>;
      const at = now();
      const keepLast = isSentByService(key);
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
