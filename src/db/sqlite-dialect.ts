import type SqliteDatabase from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { GroupCommit } from './group-commit.ts';
import { prepared } from './statement-cache.ts';

/**
 * Kysely on better-sqlite3 through group commit (see group-commit.ts): Kysely's own SQLite dialect with a
 * driver that sends each statement outside a transaction to the shared group, and runs `transaction()`
 * as an explicit transaction that nothing else interleaves with.
 */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(private readonly group: GroupCommit) {}

  createDriver(): Driver {
    return new GroupCommitDriver(this.group);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

class GroupCommitDriver implements Driver {
  constructor(private readonly group: GroupCommit) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GroupCommitConnection(this.group);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.group.begin();
    (connection as GroupCommitConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.group.end('commit');
    (connection as GroupCommitConnection).inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as GroupCommitConnection).inTransaction = false;
    this.group.end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.group.flush();
    this.group.connection.close();
  }
}

class GroupCommitConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(private readonly group: GroupCommit) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = prepared(this.group.connection, compiled.sql);
    const execute = () => run<R>(statement, compiled.parameters);
    if (this.inTransaction) {
      try {
        return Promise.resolve(execute());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return statement.readonly ? this.group.read(execute) : this.group.run(execute);
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on SQLite here: every query runs to completion at once');
  }
}

function run<R>(statement: SqliteDatabase.Statement, parameters: readonly unknown[]): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
