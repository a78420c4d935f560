import type SqliteDatabase from 'better-sqlite3';

const MAX_STATEMENTS = 500;

/**
 * The same SQLite connection, with `prepare` remembering its statements. Kysely and rate-limiter-flexible
 * prepare every statement on every call, and preparing was about a seventh of the CPU a code request cost
 * (measured with `npm run bench` and --cpu-prof). Our SQL is a small fixed set with bound parameters, so
 * the cache stays small; it is emptied if it ever passes MAX_STATEMENTS. Reusing a statement is safe here
 * because nothing iterates one lazily: every query runs to completion synchronously.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statement = sqlite.prepare(source);
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
