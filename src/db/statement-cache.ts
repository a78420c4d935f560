import type SqliteDatabase from 'better-sqlite3';

const MAX_STATEMENTS = 500;
const caches = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/**
 * The connection's statement for `source`, prepared once. Kysely and rate-limiter-flexible prepare every
 * statement on every call, and preparing was about a seventh of the CPU a code request cost (measured
 * with `npm run bench` and --cpu-prof). Our SQL is a small fixed set with bound parameters, so the cache
 * stays small; it is emptied if it ever passes MAX_STATEMENTS. Reusing a statement is safe here because
 * nothing iterates one lazily: every query runs to completion synchronously.
 */
export function prepared(connection: SqliteDatabase.Database, source: string): SqliteDatabase.Statement {
  let statements = caches.get(connection);
  if (!statements) caches.set(connection, (statements = new Map()));
  let statement = statements.get(source);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = connection.prepare(source);
    statements.set(source, statement);
  }
  return statement;
}

/** The same connection, with `prepare` answered from the cache above: for a library that prepares per call. */
export function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const prepare = (source: string) => prepared(sqlite, source);
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
