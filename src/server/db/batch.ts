/*
 * Group execution of PostgreSQL's hottest statements (the session check, the sheet load, the submission):
 * the calls made while the event loop serves other requests wait for its next turn (setImmediate) and go to
 * the database as one statement. Fifty concurrent submissions then make a handful of round trips instead of
 * 150 and share their commits — the same idea as the group commit the embedded SQLite uses (transaction.ts).
 * Under light load a batch holds one call and costs one turn of the loop.
 *
 * Every caller gets its own answer or its own error. When a batch fails because of what one call carried
 * (`rowError`: a data or integrity error), its calls are run again one by one, so one bad call never fails
 * the others; any other failure (the database unreachable, a dropped connection) fails the whole batch at
 * once rather than multiplying the load. A call's `key` keeps it away from every batch that holds the same
 * key — the one being filled and the ones still running — so two statements never lock the same row.
 */
import { isPostgres } from './raw';
import type { Executor } from './schema';

export interface BatchOptions<I> {
  /** Calls with the same key never share a batch, nor run while a batch with that key runs. */
  key?: (input: I) => string;
  /** The most calls in one statement (bounds its parameters). */
  max?: number;
}

interface Call<I, O> {
  input: I;
  key: string | undefined;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

export type Batched<I, O> = (input: I) => Promise<O>;

/** Calls answered and statements run by one batcher (the benchmark prints calls per statement). */
export interface BatchStats {
  calls: number;
  statements: number;
}

/**
 * An error caused by the data of a call (PostgreSQL SQLSTATE class 22: data exception, 23: integrity
 * constraint violation): worth isolating by running each call alone.
 */
export function rowError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/** `run` answers a list of inputs with a list of outputs in the same order. */
export function batcher<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  opts: BatchOptions<I> = {},
  stats: BatchStats = { calls: 0, statements: 0 },
): Batched<I, O> {
  const max = opts.max ?? 64;
  let queue: Call<I, O>[] = [];
  let scheduled = false;
  const running = new Set<string>();

  const execute = async (batch: Call<I, O>[]): Promise<void> => {
    stats.calls += batch.length;
    stats.statements++;
    try {
      const outputs = await run(batch.map((c) => c.input));
      if (outputs.length !== batch.length) {
        throw new Error(`batch: ${outputs.length} answers for ${batch.length} calls`);
      }
      batch.forEach((call, i) => call.resolve(outputs[i] as O));
    } catch (error) {
      if (batch.length > 1 && rowError(error)) {
        await Promise.all(batch.map((call) => execute([call])));
      } else {
        for (const call of batch) call.reject(error);
      }
    }
  };

  const flush = () => {
    scheduled = false;
    const batch: Call<I, O>[] = [];
    const later: Call<I, O>[] = [];
    const keys = new Set<string>();
    for (const call of queue) {
      const k = call.key;
      if (batch.length >= max || (k !== undefined && (keys.has(k) || running.has(k)))) {
        later.push(call);
        continue;
      }
      if (k !== undefined) keys.add(k);
      batch.push(call);
    }
    queue = later;
    for (const k of keys) running.add(k);
    // Calls held back only by a running key wait for it to end; the others go in the next turn.
    if (queue.some((c) => c.key === undefined || !running.has(c.key))) schedule();
    if (!batch.length) return;
    void execute(batch).finally(() => {
      for (const k of keys) running.delete(k);
      if (queue.length) schedule();
    });
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, key: opts.key?.(input), resolve, reject });
      schedule();
    });
}

/** Whether calls on `db` are grouped: on PostgreSQL, outside a transaction (SQLite has no round trip to save). */
export const groupable = (db: Executor): boolean => isPostgres(db) && !db.isTransaction;

/** The rows a grouped `WHERE id = ANY(…)` found, one per id asked and in its order (undefined where none). */
export function inOrderOf<R extends { id: string }>(
  ids: readonly string[],
  rows: readonly R[],
): (R | undefined)[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

interface Named {
  batched: unknown;
  stats: BatchStats;
}
const perDatabase = new WeakMap<object, Map<string, Named>>();

/**
 * The batcher named `name` of a database handle, made on first use. Only for calls outside a transaction:
 * a transaction's statements must run on its own connection, one after the other.
 */
export function batchOf<I, O>(
  db: Executor,
  name: string,
  make: (stats: BatchStats) => Batched<I, O>,
): Batched<I, O> {
  if (db.isTransaction) throw new Error(`batch ${name}: not inside a transaction`);
  let named = perDatabase.get(db);
  if (!named) perDatabase.set(db, (named = new Map<string, Named>()));
  let entry = named.get(name);
  if (!entry) {
    const stats = { calls: 0, statements: 0 };
    named.set(name, (entry = { batched: make(stats), stats }));
  }
  return entry.batched as Batched<I, O>;
}

/** Each batcher of a database handle and its figures so far. */
export function batchStatsOf(db: Executor): Map<string, BatchStats> {
  return new Map([...(perDatabase.get(db) ?? [])].map(([name, e]) => [name, { ...e.stats }]));
}
