import { sql } from 'kysely';
import type { Db, Executor, Tx } from './schema';

/** Makes committed transactions durable; resolves when they are (see WalSync). */
type Flush = () => Promise<void>;
type Job = { fn: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for the embedded SQLite database. SQLite has one writer and this app one connection, so
 * transactions already run one after another. Callers that arrive while a transaction runs are gathered
 * into the next one, each inside its own SAVEPOINT, so that one COMMIT serves the whole group. A caller's
 * failure rolls back only its savepoint. After the COMMIT the group waits for the disk flush (`flush`,
 * off the event loop) while the next group already runs; nobody is acknowledged before the flush, so
 * nothing is acknowledged before it is durable. PostgreSQL has many connections and its own group commit:
 * it is not batched here.
 */
class GroupCommit {
  private queue: Job[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly flush: Flush | null,
  ) {}

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, 64);
      const outcomes: Outcome[] = [];
      try {
        await this.commit(batch, outcomes);
      } catch (error) {
        // The COMMIT (or the transaction itself) failed: nothing of the group is durable. A job that had
        // failed on its own keeps its own error.
        batch.forEach((job, i) => job.reject(outcomes[i]?.ok === false ? outcomes[i].error : error));
        continue;
      }
      // Everybody is answered after the flush, failures too: a refusal may depend on another job's write
      // (a 409), and must not be told before that write is on disk. The next group runs meanwhile.
      const done = this.flush ? this.flush() : Promise.resolve();
      batch.forEach((job, i) => {
        const o = outcomes[i]!;
        done.then(() => (o.ok ? job.resolve(o.value) : job.reject(o.error)), job.reject);
      });
    }
    this.running = false;
  }

  /** Runs the jobs in one transaction, recording each job's outcome (a failing job's savepoint is rolled back). */
  private async commit(batch: Job[], outcomes: Outcome[]): Promise<void> {
    if (batch.length === 1) {
      // Alone: no savepoint needed; its failure rolls back the whole (one-job) transaction.
      const job = batch[0]!;
      try {
        outcomes.push({ ok: true, value: await this.db.transaction().execute(job.fn) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
      return;
    }
    await this.db.transaction().execute(async (tx) => {
      for (const job of batch) {
        await sql`SAVEPOINT group_commit`.execute(tx);
        try {
          outcomes.push({ ok: true, value: await job.fn(tx) });
        } catch (error) {
          await sql`ROLLBACK TO group_commit`.execute(tx);
          outcomes.push({ ok: false, error });
        }
        await sql`RELEASE group_commit`.execute(tx);
      }
    });
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** Turns on group commit for a database (the SQLite connection does this when it opens). */
export function enableGroupCommit(db: Db, walSync: { flush: Flush } | null): void {
  groups.set(db, new GroupCommit(db, walSync ? () => walSync.flush() : null));
}

/** Runs fn in a transaction, or inside the caller's transaction when given one (services compose). */
export function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  const group = groups.get(db);
  return group ? group.run(fn) : db.transaction().execute(fn);
}
