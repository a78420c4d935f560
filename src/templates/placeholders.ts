/** A placeholder's name: lower case ASCII, digits and `_`, starting with a letter (`code`, `order_id`). */
export const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]{0,31}$/;

const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,31})\}/g;

/**
 * The placeholders of a template body, each once, in the order they first appear; or what is wrong with it.
 * Any `{` or `}` outside a well-formed placeholder is refused, so that a typo (`{Code}`, `{code`) is caught
 * when the template is saved rather than sent to customers as it stands.
 */
export function placeholdersOf(body: string): { ok: true; names: string[] } | { ok: false; problem: string } {
  const names = [...new Set(Array.from(body.matchAll(PLACEHOLDER), (match) => match[1]!))];
  const stray = /[{}]/.exec(body.replace(PLACEHOLDER, ''));
  if (stray) {
    return {
      ok: false,
      problem: `body has a "${stray[0]}" that is not part of a placeholder (placeholders are lower case, like {code})`,
    };
  }
  return { ok: true, names };
}

/** The names in `needed` that `params` has no value for: absent, or empty after trimming. */
export function missingParams(needed: readonly string[], params: Readonly<Record<string, string>>): string[] {
  return needed.filter((name) => !Object.hasOwn(params, name) || params[name]!.trim() === '');
}

/**
 * `body` with each placeholder replaced by its value, in one pass: a value that itself contains `{...}` is
 * left as it is, never expanded again. Every placeholder must have a value (see `missingParams`).
 */
export function fill(body: string, params: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER, (_, name: string) => params[name]!);
}
