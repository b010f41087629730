import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import {
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import { WalSync } from './wal-sync';

/**
 * Transactions commit without flushing (the group committer flushes the WAL after them); see WalSync.
 * `PRAGMA synchronous` takes effect when the statement is compiled, so it is run with exec (compiled
 * each time), not as a prepared statement.
 */
class DeferredSyncDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }
  // A failed COMMIT leaves the transaction open (Kysely then rolls back): restore FULL only outside one.
  private full() {
    if (this.sqlite.inTransaction) return;
    try {
      this.sqlite.exec('PRAGMA synchronous = FULL');
    } catch (error) {
      process.emitWarning(`SQLite: could not restore synchronous=FULL (${String(error)})`);
    }
  }

  override async beginTransaction(connection: DatabaseConnection) {
    this.sqlite.exec('PRAGMA synchronous = NORMAL');
    try {
      await super.beginTransaction(connection);
    } catch (error) {
      this.full(); // Kysely does not roll back a transaction that never began
      throw error;
    }
  }
  override async commitTransaction(connection: DatabaseConnection) {
    try {
      await super.commitTransaction(connection);
    } finally {
      this.full();
    }
  }
  override async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      this.full();
    }
  }
}

class DeferredSyncDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }
  override createDriver(): Driver {
    return new DeferredSyncDriver(this.config, this.sqlite);
  }
}

export interface SqliteOpen {
  dialect: SqliteDialect;
  /** Flushes committed transactions to disk; null when the connection does not promise power-safety. */
  walSync: WalSync | null;
  close(): Promise<void>;
}

/** Opens the embedded database file (WAL) with the settings the app relies on. */
export function openSqlite(file: string, synchronous: 'FULL' | 'NORMAL'): SqliteOpen {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: an acknowledged change is on disk, even across a power loss (transactions via WalSync).
  // NORMAL (WAL) survives application crashes only.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('cache_size = -131072'); // 128 MiB page cache
  sqlite.pragma('mmap_size = 4294967296'); // map up to 4 GiB: reads of a national data set come from the OS cache without copies
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoints run in a worker thread (below); the connection's own at ~40 MiB of WAL is a safety net.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const checkpointer = startCheckpointer(file);
  const config = { database: withStatementCache(sqlite) };
  const walSync = synchronous === 'FULL' ? new WalSync(`${file}-wal`) : null;
  return {
    dialect: walSync ? new DeferredSyncDialect(config, sqlite) : new SqliteDialect(config),
    walSync,
    close: async () => {
      await checkpointer.stop();
      await walSync?.close();
    },
  };
}

/**
 * A checkpoint copies the WAL into the database file and flushes both: tens of megabytes of random writes.
 * Run on the serving thread it stalls every request for its duration, so a worker thread with its own
 * connection checkpoints (PASSIVE: never blocks readers or the writer) a few times a second.
 */
function startCheckpointer(file: string): { stop(): Promise<void> } {
  const worker = new Worker(new URL('./checkpointer.mjs', import.meta.url), {
    workerData: { file, intervalMs: 250, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  // A failing checkpointer costs speed, not data: the connection's own checkpoints take over.
  worker.on('error', (err) => process.emitWarning(`SQLite checkpointer stopped: ${err.message}`));
  return {
    stop: async () => {
      if (worker.threadId < 0) return; // already exited
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Unreferenced, the worker does not keep the process alive: with nothing else pending, Node would
      // end before it exits, leaving this promise (and the caller's await) unsettled — exit status 13.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing is a large
 * share of a short query's cost. Cache prepared statements by SQL text (bounded).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      if (cache.size >= 1000) cache.clear();
      stmt = sqlite.prepare(source);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
