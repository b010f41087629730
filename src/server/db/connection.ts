import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database, Db } from './schema';
import { enableGroupCommit } from './transaction';

export type DbKind = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens PostgreSQL when a URL is given, otherwise the embedded SQLite file in dataDir. */
export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; sqliteFile?: string; sqliteSynchronous?: 'FULL' | 'NORMAL' }): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, opts.sqliteFile ?? 'thidua.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before a submission is acknowledged, even across a power loss.
  // NORMAL (WAL) survives application crashes only, and is about 3× faster on writes.
  sqlite.pragma(`synchronous = ${opts.sqliteSynchronous ?? 'FULL'}`);
  sqlite.pragma('cache_size = -131072'); // 128 MiB page cache
  sqlite.pragma('mmap_size = 4294967296'); // map up to 4 GiB: reads of a national data set come from the OS cache without copies
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint every ~40 MiB of WAL instead of 4 MiB: fewer stalls of the committing request.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  enableGroupCommit(db);
  return { db, kind: 'sqlite', close: () => db.destroy() };
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
