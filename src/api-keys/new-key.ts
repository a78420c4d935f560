import { parseScopes, type ApiKeyScope } from './scopes.ts';

/** What a key is created with, already checked. */
export interface NewKey {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}

const MAX_NAME_LENGTH = 100;

/**
 * Checks what an operator typed for a new key. A name is what people recognise the key by in `keys list`,
 * so it must be there, be short, and hold no control characters (which would garble listings and logs).
 */
export function readNewKey(
  name: string | undefined,
  scopes: string | undefined,
): { ok: true; key: NewKey } | { ok: false; problem: string } {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) return { ok: false, problem: '--name is required' };
  if (trimmed.length > MAX_NAME_LENGTH)
    return { ok: false, problem: `--name is longer than ${MAX_NAME_LENGTH} characters` };
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    return { ok: false, problem: '--name must not contain control characters' };
  if (scopes === undefined) return { ok: false, problem: '--scopes is required' };
  const parsed = parseScopes(scopes);
  if (!parsed.ok) return { ok: false, problem: `--scopes: ${parsed.problem}` };
  return { ok: true, key: { name: trimmed, scopes: parsed.scopes } };
}
