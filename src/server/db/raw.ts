import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Database, Executor } from './schema';

/*
 * Raw SQL for the hottest statements (the session check on every request, the sheet submission). Query
 * building — immutable operation trees, parsing, compiling — was about 15 % of a submission's time; a
 * template compiles to the same parameterised SQL on SQLite and PostgreSQL with a fraction of the work.
 * Column names are written in snake_case: the camel-case plugin still renames the result keys.
 */

/**
 * Marks a statement that PostgreSQL should prepare once per connection (db/connection.ts). Use it for
 * fixed hot statements only, and never with `SELECT *`: a prepared plan must keep its result columns.
 */
export const PREPARED = '/* prepared */ ';

const snakeNames = new Map<string, string>();
const snake = (name: string): string => {
  let s = snakeNames.get(name);
  if (s === undefined) {
    s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeNames.set(name, s);
  }
  return s;
};

/** A row's column list and values; column names come from its keys, undefined values are left out. */
function rowParts<T extends keyof Database>(
  row: Database[T],
): { columns: RawBuilder<unknown>; values: RawBuilder<unknown> } {
  const keys = (Object.keys(row) as (keyof Database[T] & string)[]).filter((k) => row[k] !== undefined);
  for (const k of keys) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(k)) throw new Error(`insertRow: "${k}" is not a column name`);
  }
  return { columns: sql.raw(keys.map(snake).join(', ')), values: sql.join(keys.map((k) => row[k])) };
}

/**
 * `INSERT INTO table (…) VALUES (…)` for one row, typed by the table. Column names come from the row's
 * keys, so they are checked to be plain identifiers; undefined values are left out (column defaults).
 */
export function insertRow<T extends keyof Database>(table: T, row: Database[T]): RawBuilder<unknown> {
  const { columns, values } = rowParts<T>(row);
  return sql`${sql.raw(PREPARED)}INSERT INTO ${sql.raw(snake(table))} (${columns}) VALUES (${values})`;
}

/** True on PostgreSQL (false on the embedded SQLite): for the few statements written for one of them. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
