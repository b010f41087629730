import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database, Db } from './schema';
import { openSqlite } from './sqlite';
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
  const sqlite = openSqlite(path.join(opts.dataDir, opts.sqliteFile ?? 'thidua.sqlite'), opts.sqliteSynchronous ?? 'FULL');
  const db = new Kysely<Database>({ dialect: sqlite.dialect, plugins });
  enableGroupCommit(db, sqlite.walSync);
  return {
    db,
    kind: 'sqlite',
    close: async () => {
      await db.destroy();
      await sqlite.close();
    },
  };
}
