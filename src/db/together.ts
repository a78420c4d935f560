import { CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseHandle } from './index.ts';
import { prepared } from './statement-cache.ts';
import type { Database } from './types.ts';

/** The PostgreSQL type of each column a row is inserted into (see `writeTogether`). */
export type ColumnTypes = Readonly<Record<string, 'text' | 'bigint' | 'integer'>>;

/** A row to insert with a change: into `table`, one per row the change returns. */
export interface RowWith {
  readonly table: keyof Database & string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly types: ColumnTypes;
}

type Executor = Pick<Kysely<Database>, 'executeQuery'>;

/**
 * Runs `change` (an INSERT or UPDATE with a RETURNING clause) and inserts `row` once for each row it returns,
 * both or neither: a change that touched nothing writes no row, and no row is written without its change.
 * Returns the change's rows. This is how an outbox row (an event) is written with the change it reports.
 *
 * - PostgreSQL: one statement, the change as a data-modifying CTE the insert selects from: one round trip.
 * - SQLite: one unit of the group commit, the two statements in a savepoint, so they join the same commit
 *   as the writes around them and a failure of either undoes both.
 * - `executor` (a transaction the caller holds): the same, inside that transaction.
 *
 * `row` null: the change alone, as it would run without this.
 */
export async function writeTogether<R>(
  database: DatabaseHandle,
  change: CompiledQuery<R>,
  row: RowWith | null,
  executor?: Executor,
): Promise<R[]> {
  const target = executor ?? database.db;
  if (row === null) return (await target.executeQuery<R>(change)).rows;
  if (database.dialect === 'postgres') return (await target.executeQuery<R>(combined(change, row))).rows;
  const insert = insertOf(database, row);
  if (executor) {
    const { rows } = await executor.executeQuery<R>(change);
    for (let i = 0; i < rows.length; i += 1) await executor.executeQuery(insert);
    return rows;
  }
  const group = database.group!;
  const connection = group.connection;
  const both = connection.transaction((): R[] => {
    const rows = prepared(connection, change.sql).all([...change.parameters]) as R[];
    for (let i = 0; i < rows.length; i += 1) prepared(connection, insert.sql).run([...insert.parameters]);
    return rows;
  });
  return group.run(() => both());
}

/** `with changed as (<change>), written as (insert ... select ... from changed) select * from changed`. */
function combined<R>(change: CompiledQuery<R>, row: RowWith): CompiledQuery<R> {
  const columns = Object.keys(row.values);
  const first = change.parameters.length + 1;
  const values = columns.map((column, i) => `$${first + i}::${row.types[column] ?? 'text'}`);
  const sql = `with changed as (${change.sql}),
    written as (insert into ${row.table} (${columns.join(', ')}) select ${values.join(', ')} from changed)
    select * from changed`;
  return CompiledQuery.raw(sql, [
    ...change.parameters,
    ...columns.map((column) => row.values[column]),
  ]) as CompiledQuery<R>;
}

function insertOf(database: DatabaseHandle, row: RowWith): CompiledQuery {
  return database.db
    .insertInto(row.table)
    .values(row.values as never)
    .compile();
}
