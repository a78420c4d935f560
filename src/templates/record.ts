import type { SmsTemplatesTable } from '../db/types.ts';
import { placeholdersOf } from './placeholders.ts';

/** A provider's approval of a template: its id there and our placeholders in the order it takes them. */
export interface ProviderApproval {
  readonly id: string;
  readonly args: readonly string[];
}

/** A template as the code uses it: the row with its JSON and its placeholders already read. */
export interface TemplateRecord {
  readonly key: string;
  readonly locale: string;
  readonly body: string;
  /** The body's placeholders, each once, in order of appearance. */
  readonly placeholders: readonly string[];
  /** By provider name; empty when no provider has approved it. */
  readonly approved: Readonly<Record<string, ProviderApproval>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * The row as a record. Rows are checked when written through the admin API, so a body that no longer
 * parses (written by hand) keeps its text with no placeholders, and JSON that is not an object counts as
 * no approvals: one bad row must not stop every other message.
 */
export function recordOf(row: SmsTemplatesTable): TemplateRecord {
  const parsed = placeholdersOf(row.body);
  return {
    key: row.key,
    locale: row.locale,
    body: row.body,
    placeholders: parsed.ok ? parsed.names : [],
    approved: approvalsOf(row.approved),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function approvalsOf(json: string): Record<string, ProviderApproval> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // fromEntries defines own properties, so a provider named `__proto__` cannot reach the prototype.
  return Object.fromEntries(
    Object.entries(value).flatMap(([provider, entry]) => {
      const { id, args } = (entry ?? {}) as { id?: unknown; args?: unknown };
      const valid = typeof id === 'string' && Array.isArray(args) && args.every((arg) => typeof arg === 'string');
      return valid ? [[provider, { id, args: args as string[] }]] : [];
    }),
  );
}
