import { KEY_NAME } from '../text/characters.ts';
import { parseScopes, type ApiKeyScope } from './scopes.ts';

/** What a key is created with, already checked. */
export interface NewKey {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}

const MAX_NAME_LENGTH = 100;

/**
 * Checks what an operator typed for a new key. A name is what people recognise the key by in `keys list`,
 * so it must be there, be short, and be plain (KEY_NAME): a control character would garble listings and logs,
 * and a bidi override would make one name print as another.
 */
export function readNewKey(
  name: string | undefined,
  scopes: string | undefined,
): { ok: true; key: NewKey } | { ok: false; problem: string } {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) return { ok: false, problem: '--name is required' };
  if (trimmed.length > MAX_NAME_LENGTH)
    return { ok: false, problem: `--name is longer than ${MAX_NAME_LENGTH} characters` };
  if (!KEY_NAME.test(trimmed))
    return {
      ok: false,
      problem:
        "--name may hold letters, digits, spaces and _ . : @ / ( ) ' # - only, and starts with a letter or digit",
    };
  if (scopes === undefined) return { ok: false, problem: '--scopes is required' };
  const parsed = parseScopes(scopes);
  if (!parsed.ok) return { ok: false, problem: `--scopes: ${parsed.problem}` };
  return { ok: true, key: { name: trimmed, scopes: parsed.scopes } };
}
