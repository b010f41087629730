import { sql } from 'kysely';
import type { Db, Executor, Tx } from './schema';

/**
 * Group commit for the embedded SQLite database. SQLite has one writer and this app one connection, so
 * transactions already run one after another; each COMMIT waits for the disk (synchronous=FULL). Callers
 * that arrive while a transaction runs are gathered into the next one, each inside its own SAVEPOINT,
 * so that one disk flush commits the whole group. A caller's failure rolls back only its savepoint; its
 * promise — and everybody's — settles only after the group's COMMIT, so nothing is acknowledged before
 * it is durable. PostgreSQL has many connections and its own group commit: it is not batched here.
 */
class GroupCommit {
  private queue: { fn: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

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
      if (batch.length === 1) {
        const [job] = batch as [(typeof batch)[number]];
        await this.db.transaction().execute(job.fn).then(job.resolve, job.reject);
        continue;
      }
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
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
        batch.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.value);
          else job.reject(o.error);
        });
      } catch (error) {
        // The COMMIT (or the transaction itself) failed: nothing of the group is durable.
        batch.forEach((job, i) => job.reject(outcomes[i]?.ok === false ? outcomes[i].error : error));
      }
    }
    this.running = false;
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** Turns on group commit for a database (the SQLite connection does this when it opens). */
export function enableGroupCommit(db: Db): void {
  groups.set(db, new GroupCommit(db));
}

/** Runs fn in a transaction, or inside the caller's transaction when given one (services compose). */
export function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  const group = groups.get(db);
  return group ? group.run(fn) : db.transaction().execute(fn);
}
