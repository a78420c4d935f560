import type pg from 'pg';
import type { SqlPart } from '../rate-limit/limiter.ts';
import { retryOnDeadlock } from './errors.ts';

/**
 * A statement of the hot paths, run on the pool as a named (server-side prepared) statement: PostgreSQL
 * parses and plans it once per connection instead of on every call, and no query builder runs per call.
 *
 * `text` builds the statement around a part's text (rate-limit/limiter.ts), or around null when there is
 * none. A part's parameters are numbered after the statement's own `ownValues`, and its text is the same on
 * every call, so each of the two shapes is built once and prepared once under a name of its own.
 */
export function pgStatement<R extends object>(
  pool: pg.Pool,
  name: string,
  ownValues: number,
  text: (part: string | null) => string,
) {
  let bare: string | undefined;
  let withPart: string | undefined;
  return async (values: readonly unknown[], part?: SqlPart): Promise<R[]> => {
    if (values.length !== ownValues) throw new Error(`${name}: ${values.length} values for ${ownValues} parameters`);
    const query = part
      ? {
          name: `${name}_with_part`,
          text: (withPart ??= text(part.text(ownValues + 1))),
          values: [...values, ...part.values],
        }
      : { name, text: (bare ??= text(null)), values: [...values] };
    // One statement is one transaction, undone whole when PostgreSQL breaks a deadlock by failing it, so it
    // can run again. The statements lock in one order and should never meet in one.
    return retryOnDeadlock(async () => (await pool.query<R>(query)).rows);
  };
}
