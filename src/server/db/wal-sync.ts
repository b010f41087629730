import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database's durability, without blocking the event loop on the disk.
 *
 * The connection runs synchronous=FULL: a statement outside a transaction is on disk when it returns.
 * Transactions (all of them go through `inTransaction`, i.e. the group committer) commit with
 * synchronous=NORMAL — the WAL is written but not flushed — and the committer then calls `WalSync.flush`,
 * an fdatasync of the WAL file on libuv's thread pool, before it acknowledges anybody. The event loop
 * keeps serving (and committing the next group) while the disk flushes; one flush covers every commit
 * made before it started. WAL frames carry a cumulative checksum, so a power loss can only cut the log
 * at a commit boundary: what was acknowledged was flushed, and the database stays consistent.
 */
export class WalSync {
  private fd: fs.promises.FileHandle | null = null;
  private waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private draining: Promise<void> | null = null;
  /** Set by a failed flush: the kernel may have dropped WAL pages, so no later flush can be trusted. */
  private failure: Error | null = null;
  /** Completed disk flushes (for tests and the benchmark). */
  flushes = 0;

  constructor(private readonly walFile: string) {}

  /** The failure that made every later flush refuse, or null. */
  get failed(): Error | null {
    return this.failure;
  }

  /** Resolves once everything committed before the call is on disk. */
  flush(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.draining ??= this.drain().finally(() => (this.draining = null));
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      // Everybody waiting now committed before this flush starts, so this flush covers them all.
      const batch = this.waiting.splice(0);
      let fd: fs.promises.FileHandle | null;
      try {
        fd = await this.open();
      } catch (error) {
        for (const w of batch) w.reject(error); // not flushed, but nothing was lost either: no failure state
        continue;
      }
      try {
        await fd?.datasync(); // no WAL file yet: nothing was ever written to it, so nothing to flush
        this.flushes++;
        for (const w of batch) w.resolve();
      } catch (error) {
        // After a failed fsync Linux may have dropped the dirty pages and cleared the error: a later
        // fsync would succeed over a hole in the WAL. Refuse every later write until a restart recovers
        // from what is really on disk (PostgreSQL stops for the same reason).
        this.failure = new Error(
          `The database's write-ahead log could not be flushed to disk (${String(error)}); restart the server.`,
        );
        process.emitWarning(this.failure.message);
        for (const w of [...batch, ...this.waiting.splice(0)]) w.reject(this.failure);
      }
    }
  }

  /** The WAL file, opened once; null while it does not exist (SQLite creates it on the first write). */
  private async open(): Promise<fs.promises.FileHandle | null> {
    if (!this.fd) {
      let fd: fs.promises.FileHandle;
      try {
        fd = await fs.promises.open(this.walFile, 'r+');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        // The WAL file's directory entry must be durable too (once, when it is first opened).
        const dir = await fs.promises.open(path.dirname(this.walFile), 'r');
        await dir.sync().finally(() => dir.close());
      } catch (error) {
        await fd.close();
        throw error;
      }
      this.fd = fd;
    }
    return this.fd;
  }

  /** Waits for a flush in progress, then closes the file. */
  async close(): Promise<void> {
    await this.draining;
    await this.fd?.close();
    this.fd = null;
  }
}
