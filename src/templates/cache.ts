import type { TemplateRecord } from './record.ts';

/** Every template, by key and then locale. */
export type TemplateIndex = ReadonlyMap<string, ReadonlyMap<string, TemplateRecord>>;

/**
 * How long this instance trusts its copy of the templates. An edit through this instance is seen at once
 * (`invalidate`); through another instance, within this long. Code requests are the hot path, so they read
 * templates from here and the database once per period, not once per request.
 */
export const TEMPLATE_CACHE_TTL_MS = 30_000;

/**
 * The whole `sms_templates` table held in memory. Concurrent callers after the copy expires share one load.
 * A load that was already running when this instance wrote a template is not kept (a generation count
 * tells), since it may have read the table before the write committed: keeping it would undo the
 * invalidation for a whole period.
 */
export function createTemplateCache(deps: {
  load: () => Promise<readonly TemplateRecord[]>;
  now: () => number;
  ttlMs?: number;
}) {
  const { load, now } = deps;
  const ttlMs = deps.ttlMs ?? TEMPLATE_CACHE_TTL_MS;
  let current: { index: TemplateIndex; loadedAt: number } | null = null;
  let loading: Promise<TemplateIndex> | null = null;
  let generation = 0;

  function reload(): Promise<TemplateIndex> {
    const started = generation;
    const loaded = load().then((records) => {
      const index = indexOf(records);
      if (generation === started) current = { index, loadedAt: now() };
      return index;
    });
    const settled = loaded.finally(() => {
      if (loading === settled) loading = null;
    });
    loading = settled;
    return settled;
  }

  return {
    /** The templates as of at most the TTL ago, or as of this instance's last write. */
    async index(): Promise<TemplateIndex> {
      if (current && now() - current.loadedAt < ttlMs) return current.index;
      return loading ?? reload();
    },

    /** After this instance wrote a template: the next `index()` reads the table again. */
    invalidate(): void {
      generation += 1;
      current = null;
      loading = null;
    },
  };
}

export type TemplateCache = ReturnType<typeof createTemplateCache>;

function indexOf(records: readonly TemplateRecord[]): TemplateIndex {
  const index = new Map<string, Map<string, TemplateRecord>>();
  for (const record of records) {
    const locales = index.get(record.key) ?? new Map<string, TemplateRecord>();
    locales.set(record.locale, record);
    index.set(record.key, locales);
  }
  return index;
}
