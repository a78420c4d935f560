import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './types.ts';

const MARK = '\u0000arg:';

/**
 * A query that Kysely builds and compiles once; each run binds new values in the same places. On SQLite,
 * building and compiling a small statement cost more than running it (measured with `npm run bench` and
 * --cpu-prof), so the statements on the hot paths are compiled once per process.
 *
 * Each run goes to `db`, or to the executor given (a transaction).
 *
 * `build` receives stand-ins for the named arguments and must bind each one as a value, unchanged: no
 * arithmetic on it, no branching on it, no `sql.lit`. This is checked once, when the query is compiled.
 */
export function compiledOnce<A extends object, R>(
  db: Pick<Kysely<Database>, 'executeQuery'>,
  names: readonly (keyof A & string)[],
  build: (args: A) => Compilable<R>,
): CompiledOnce<A, R> {
  const standIns = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as A;
  const compiled: CompiledQuery<R> = build(standIns).compile();
  const slots = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(MARK) ? (value.slice(MARK.length) as keyof A & string) : undefined,
  );
  const unbound = names.filter((name) => !slots.includes(name));
  if (compiled.sql.includes(MARK) || unbound.length > 0) {
    throw new Error(`compiledOnce: ${unbound.join(', ') || 'an argument'} is not bound as a plain value`);
  }
  const bind = (args: A): CompiledQuery<R> => ({
    ...compiled,
    parameters: compiled.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === undefined ? value : args[slot];
    }),
  });
  const run = (args: A, executor: Pick<Kysely<Database>, 'executeQuery'> = db) => executor.executeQuery<R>(bind(args));
  return Object.assign(run, { bind });
}

/** A statement compiled once: run it with new values, or `bind` them to hand the statement on (db/together.ts). */
export type CompiledOnce<A, R> = ((
  args: A,
  executor?: Pick<Kysely<Database>, 'executeQuery'>,
) => Promise<QueryResult<R>>) & { bind(args: A): CompiledQuery<R> };
