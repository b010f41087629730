/*
 * Group execution of PostgreSQL's hottest statements (the session check, the sheet load, the submission):
 * the calls made while the event loop serves other requests wait for its next turn (setImmediate) and go to
 * the database as one statement. Fifty concurrent submissions then make a handful of round trips instead of
 * 150 and share their commits — the same idea as the group commit the embedded SQLite uses (transaction.ts).
 * Under light load a batch holds one call and costs one turn of the loop.
 *
 * Every caller gets its own answer or its own error: when a batch fails, its calls are run again one by one,
 * so one bad call never fails the others. A call's `key` keeps two calls on the same row out of one batch
 * (the second waits for the next), so a statement never has to decide between them.
 */
import type { Executor } from './schema';

export interface BatchOptions<I> {
  /** Calls with the same key never share a batch. */
  key?: (input: I) => string;
  /** The most calls in one statement (bounds its parameters). */
  max?: number;
}

interface Call<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

export type Batched<I, O> = (input: I) => Promise<O>;

/** Calls and statements per batcher name since start (the benchmark prints the calls per statement). */
export const batchStats = new Map<string, { calls: number; statements: number }>();

/** `run` answers a list of inputs with a list of outputs in the same order. */
export function batcher<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  opts: BatchOptions<I> & { name?: string } = {},
): Batched<I, O> {
  const max = opts.max ?? 64;
  const stats = { calls: 0, statements: 0 };
  if (opts.name) batchStats.set(opts.name, stats);
  let queue: Call<I, O>[] = [];
  let scheduled = false;

  const execute = async (batch: Call<I, O>[]): Promise<void> => {
    let outputs: O[];
    stats.calls += batch.length;
    stats.statements++;
    try {
      outputs = await run(batch.map((c) => c.input));
      if (outputs.length !== batch.length) {
        throw new Error(`batch: ${outputs.length} answers for ${batch.length} calls`);
      }
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const call of batch) void execute([call]);
      return;
    }
    batch.forEach((call, i) => call.resolve(outputs[i] as O));
  };

  const flush = () => {
    scheduled = false;
    const batch: Call<I, O>[] = [];
    const later: Call<I, O>[] = [];
    const keys = new Set<string>();
    for (const call of queue) {
      const key = opts.key?.(call.input);
      if (batch.length >= max || (key !== undefined && keys.has(key))) {
        later.push(call);
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(call);
    }
    queue = later;
    if (queue.length) schedule();
    void execute(batch);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      schedule();
    });
}

/** The rows a grouped `WHERE id = ANY(…)` found, one per id asked and in its order (undefined where none). */
export function inOrderOf<R extends { id: string }>(
  ids: readonly string[],
  rows: readonly R[],
): (R | undefined)[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

const perDatabase = new WeakMap<object, Map<string, unknown>>();

/**
 * The batcher named `name` of a database handle, made on first use. Only for calls outside a transaction:
 * a transaction's statements must run on its own connection, one after the other.
 */
export function batchOf<I, O>(
  db: Executor,
  name: string,
  make: (name: string) => Batched<I, O>,
): Batched<I, O> {
  if (db.isTransaction) throw new Error(`batch ${name}: not inside a transaction`);
  let named = perDatabase.get(db);
  if (!named) perDatabase.set(db, (named = new Map<string, unknown>()));
  let b = named.get(name) as Batched<I, O> | undefined;
  if (!b) named.set(name, (b = make(name)));
  return b;
}
