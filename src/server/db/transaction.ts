import type { Executor, Tx } from './schema';

/** Runs fn in a transaction, or inside the caller's transaction when given one (services compose). */
export function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Tx) : db.transaction().execute(fn);
}
