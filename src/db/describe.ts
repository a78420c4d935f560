import { resolve } from 'node:path';

/**
 * The database a URL names, fit to print: a SQLite file as its absolute path (a relative one depends on the
 * folder the command was run from, which is what the reader needs to see), a PostgreSQL URL without its
 * password. Never the password, whether it is in the user part or in the query.
 */
export function describeDatabase(url: string): string {
  if (url.startsWith('sqlite:')) {
    const path = sqlitePath(url);
    return path === ':memory:' ? 'sqlite::memory:' : `sqlite:${path}`;
  }
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    return 'postgres://(a URL that does not parse)';
  }
}

/** The file of a `sqlite:` URL, absolute; `:memory:` as it is. */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length);
  return path === ':memory:' ? path : resolve(path);
}
