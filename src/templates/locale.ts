/** The locale every template has first, and what a message falls back to. */
export const DEFAULT_LOCALE = 'fa';

/** Locales are ISO 639 language codes in lower case (`fa`, `en`, `ckb`); regions are not told apart. */
export const LOCALE = /^[a-z]{2,3}$/;

/**
 * A language tag as clients send one (BCP 47, as in Accept-Language: `en-US`, `fa-IR`, `zh-Hant-TW`, any
 * case), also with the `_` of POSIX and Android locales (`fa_IR`). Only a two- or three-letter primary
 * language is accepted, since that is what templates are kept under.
 */
export const LANGUAGE_TAG = '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$';

/** The locale a language tag stands for: its primary language in lower case (`en-US` → `en`, `FA` → `fa`). */
export function localeOfTag(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/** Entries of an Accept-Language header beyond this are ignored: a client needs a handful, not hundreds. */
const MAX_ENTRIES = 16;

/**
 * The languages an `Accept-Language` header asks for, best first (RFC 9110 §12.5.4): each range reduced to
 * its primary subtag (`en-GB` → `en`), ordered by q-value with ties in header order, `q=0` and `*` dropped,
 * each language once at its best position. Malformed entries are skipped rather than failing the request.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const ranked: Array<{ language: string; q: number; position: number }> = [];
  header
    .split(',')
    .slice(0, MAX_ENTRIES)
    .forEach((entry, position) => {
      const [range = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const language = range.split('-')[0]!.toLowerCase();
      if (!LOCALE.test(language)) return;
      const q = qualityOf(parameters);
      if (q > 0) ranked.push({ language, q, position });
    });
  ranked.sort((a, b) => b.q - a.q || a.position - b.position);
  return [...new Set(ranked.map(({ language }) => language))];
}

/** The `q` parameter, 1 when absent; 0 (not acceptable) when it is not a valid weight. */
function qualityOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
  if (q === undefined) return 1;
  const value = q.replace(/^q\s*=\s*/i, '');
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}
